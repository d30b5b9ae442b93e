package dev.rustlens.trend;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.http.PageCursor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of every repository's current scan, in the API and on the findings page without a
 * repository: the total is the sum of the current scans' totals, following the Link headers visits
 * every finding once in the order asked for, the filters and unknown parameters are judged as for
 * one scan, and the page lists each finding with its repository.
 */
@QuarkusTest
@TestSecurity(user = "viewer", roles = "viewer")
class CrossRepositoryFindingsTest {

    private static final String LIB = """
            //! Reads.

            /// Reads the first byte.
            pub fn first(p: *const u8) -> u8 {
                unsafe { *p }
            }

            /// Parses.
            pub fn parse(s: &str) -> u32 {
                s.parse().unwrap()
            }
            """;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final List<String> SEVERITIES = List.of("BLOCKER", "CRITICAL", "MAJOR", "MINOR", "INFO");

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void everyCurrentScansFindingsArePagedByCursor(@TempDir Path dir) throws Exception {
        List<Long> repositories = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            try (Git git = TestRepositories.create(dir.resolve(name), Map.of(
                    "Cargo.toml", "[package]\nname = \"across-" + name + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                    "src/lib.rs", LIB))) {
                long repository = register(TestRepositories.url(git));
                JsonPath scan = awaitScan(startScan(repository));
                assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
                repositories.add(repository);
            }
        }

        // The total across repositories is the sum of every current scan's total.
        Set<Long> currentScans = new HashSet<>();
        for (String next = "/api/v1/crates?limit=500"; next != null; ) {
            Response page = given().when().get(next).then().statusCode(200).extract().response();
            currentScans.addAll(page.jsonPath().getList("crates.scanId", Long.class));
            String link = page.getHeader("Link");
            next = link == null ? null : link.replaceAll("^<([^>]+)>.*$", "$1");
        }
        long sum = 0;
        for (Long scanId : currentScans) {
            sum += given().when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract()
                    .jsonPath().getLong("total");
        }
        JsonPath all = given().queryParam("limit", 500).when().get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(sum, all.getLong("total"));

        // One repository's, a finding a page, following Link rel=next: each once, in id order, all of them.
        for (long repository : repositories) {
            long total = given().queryParam("repository", repository).when().get("/api/v1/findings").then()
                    .statusCode(200).extract().jsonPath().getLong("total");
            assertTrue(total >= 2, "the crate has an unsafe block and an unwrap: " + total);
            List<Long> ids = follow("/api/v1/findings?repository=" + repository + "&limit=1");
            assertEquals(total, ids.size());
            assertEquals(ids.stream().sorted().toList(), ids, "id order");
        }

        // Worst first across repositories, two a page: every finding that counts, once.
        List<Long> bySeverity = follow("/api/v1/findings?sort=severity&limit=2&counted=true");
        assertEquals(given().queryParam("counted", true).when().get("/api/v1/findings").then().extract().jsonPath()
                .getLong("total"), bySeverity.size());
        JsonPath first = given().queryParam("sort", "severity").queryParam("limit", 500).when().get("/api/v1/findings")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> ranks = first.getList("findings.severity", String.class).stream().map(SEVERITIES::indexOf).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, "worst first");
        assertTrue(first.getList("findings.repository", String.class).stream().allMatch(name -> !name.isBlank()));

        // The filters of one scan's findings, judged alike.
        JsonPath unsafe = given().queryParam("repository", repositories.getFirst())
                .queryParam("check", "undocumented_unsafe_block").when().get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, unsafe.getLong("total"));
        assertEquals(repositories.getFirst(), unsafe.getLong("findings[0].repositoryId"));
        assertEquals("src/lib.rs", unsafe.getString("findings[0].path"));
        assertNull(unsafe.get("nextCursor"));
        given().queryParam("test", false).when().get("/api/v1/findings").then().statusCode(400)
                .body("detail", containsString("unknown query parameter 'test'"));
        given().queryParam("severity", "major").when().get("/api/v1/findings").then().statusCode(400)
                .body("detail", containsString("severity must be one of"));
        given().queryParam("sort", "name").when().get("/api/v1/findings").then().statusCode(400)
                .body("detail", containsString("sort must be one of id, path, severity or check"));
        given().queryParam("cursor", PageCursor.after(Long.toString(Long.MAX_VALUE))).when().get("/api/v1/findings")
                .then().statusCode(400).body("detail", containsString("names no finding"));
        given().queryParam("cursor", Long.MAX_VALUE).when().get("/api/v1/findings").then().statusCode(400)
                .body("detail", containsString("is not one this API gave"));
        given().queryParam("limit", 0).when().get("/api/v1/findings").then().statusCode(400);

        // The page without a repository: every repository's findings, each naming its repository.
        for (int i = 0; i < repositories.size(); i++) {
            String page = given().queryParam("crate", "across-" + List.of("one", "two").get(i))
                    .queryParam("check", "undocumented_unsafe_block").when().get("/findings").then().statusCode(200)
                    .extract().asString();
            assertTrue(page.contains("in the current scans of"), page);
            assertTrue(page.contains("href=\"/findings?repository=" + repositories.get(i) + "\""),
                    "lists repository " + repositories.get(i));
        }
        // Paged by key: a page of 50 at most, and the next one after the last finding shown.
        String firstPage = given().when().get("/findings").then().statusCode(200).extract().asString();
        Matcher next = Pattern.compile("<a href=\"(/findings\\?after=\\d+)\" rel=\"next\">").matcher(firstPage);
        if (all.getLong("total") > 50) {
            assertTrue(next.find(), "a link to the next page");
            given().urlEncodingEnabled(false).when().get(next.group(1)).then().statusCode(200)
                    .body(containsString("continued"));
        }
        given().when().get("/findings?after=x").then().statusCode(400);
        given().when().get("/findings?after=1&repository=" + repositories.getFirst()).then().statusCode(400)
                .body(containsString("one repository&#39;s are paged by page"));
    }

    /** The ids of every finding from {@code first} on, following each page's Link rel=next; none twice. */
    private static List<Long> follow(String first) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String next = first;
        while (next != null) {
            Response response = given().urlEncodingEnabled(false).when().get(next);
            response.then().statusCode(200);
            for (Long id : response.jsonPath().getList("findings.id", Long.class)) {
                assertTrue(seen.add(id), "finding " + id + " on two pages");
                ids.add(id);
            }
            String link = response.getHeader("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? matcher.group(1).replaceFirst("^https?://[^/]+", "") : null;
            assertEquals(next == null, response.jsonPath().get("nextCursor") == null, "the Link and nextCursor agree");
        }
        return ids;
    }
}
