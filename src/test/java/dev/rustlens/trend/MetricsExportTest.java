package dev.rustlens.trend;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.ScoreEndToEndTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crate metrics and trends exported as JSON and CSV, and the paginated repository list. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class MetricsExportTest {

    @Test
    void crateMetricsAndTrendsComeAsJsonAndCsv(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"scored\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "Cargo.lock", "version = 3\n",
                "src/lib.rs", ScoreEndToEndTest.LIB))) {
            long repository = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repository));
            long scanId = scan.getLong("id");
            long crateId = scan.getLong("crates[0].crateId");

            given().get("/api/v1/scans/" + scanId + "/crates").then().statusCode(200)
                    .body("", hasSize(1), "[0].name", equalTo("scored"), "[0].score", equalTo(49),
                            "[0].grade", equalTo("D"), "[0].ratings.UNSAFE", equalTo(23), "[0].unsafeBlocks", equalTo(1),
                            "[0].metrics.test_fns", equalTo(1));

            String crates = given().get("/api/v1/scans/" + scanId + "/crates.csv").then().statusCode(200)
                    .contentType(containsString("text/csv")).header("Content-Disposition", containsString("crates.csv"))
                    .extract().asString();
            List<String> lines = crates.lines().toList();
            assertEquals(2, lines.size(), crates);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<String> row = Arrays.asList(lines.get(1).split(",", -1));
            assertEquals(header.size(), row.size(), crates);
            assertEquals("scored", row.get(header.indexOf("name")));
            assertEquals("49", row.get(header.indexOf("score")));
            assertEquals("23", row.get(header.indexOf("unsafe_rating")));
            assertEquals(header.size(), Set.copyOf(header).size(), "column names are unique: " + header);
            assertEquals("1", row.get(header.indexOf("unsafe_blocks")));
            assertEquals("1", row.get(header.indexOf("test_fns")));
            assertTrue(crates.contains("\r\n"), "records end with CRLF");

            Response latest = given().redirects().follow(false).get("/api/v1/repositories/" + repository + "/crates.csv");
            latest.then().statusCode(303).header("Location", containsString("/api/v1/scans/" + scanId + "/crates.csv"));

            for (String trend : List.of("/api/v1/repositories/" + repository + "/trends.csv", "/api/v1/crates/" + crateId + "/trends.csv")) {
                List<String> records = given().get(trend).then().statusCode(200).contentType(containsString("text/csv"))
                        .extract().asString().lines().toList();
                assertEquals(2, records.size(), trend);
                List<String> columns = Arrays.asList(records.get(0).split(","));
                List<String> values = Arrays.asList(records.get(1).split(",", -1));
                assertEquals(Long.toString(scanId), values.get(columns.indexOf("scan_id")), trend);
                assertEquals("49", values.get(columns.indexOf("score")), trend);
                assertEquals("1", values.get(columns.indexOf("unsafe_blocks")), trend);
                assertTrue(columns.contains("findings_critical") && columns.contains("category_unsafe"), trend);
            }
            given().get("/api/v1/scans/999999999/crates.csv").then().statusCode(404)
                    .contentType("application/problem+json");
            given().get("/api/v1/repositories/" + repository + "/trends.csv?from=yesterday").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theRepositoryListIsPagedAndFiltered(@TempDir Path dir) throws Exception {
        String prefix = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            for (String suffix : List.of("a", "b", "c")) {
                given().contentType("application/json")
                        .body(Map.of("name", prefix + "-" + suffix, "url", TestRepositories.url(git), "branch", "main"))
                        .post("/api/v1/repositories").then().statusCode(201);
            }
        }
        Response first = given().get("/api/v1/repositories?limit=2&q=" + prefix.toUpperCase());
        first.then().statusCode(200).header("X-Total-Count", "3").body("name", equalTo(List.of(prefix + "-a", prefix + "-b")))
                .header("Link", containsString("rel=\"next\""));
        String next = first.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
        given().get(next).then().statusCode(200).header("X-Total-Count", "3").body("name", equalTo(List.of(prefix + "-c")))
                .header("Link", nullValue());
        given().get("/api/v1/repositories?q=" + prefix + "&kind=archive").then().statusCode(200)
                .header("X-Total-Count", "0").body("", hasSize(0));
        given().get("/api/v1/repositories?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limit"));
        given().get("/api/v1/repositories?kind=svn").then().statusCode(400).body("detail", containsString("git or archive"));
        given().get("/api/v1/repositories?cursor=x!").then().statusCode(400)
                .body("detail", containsString("cursor 'x!' is not one this API gave"));
    }
}
