package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.finding.Rfc4180;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same count in every format: for one scanned crate with findings in test code, a suppressed
 * one and a triaged one, each definition (counting against the score or not, in test code or not,
 * by check) gives the same number in one scan's JSON findings, the JSON findings across
 * repositories and the CSV export; the crate page's and the repository page's counts are the
 * counted ones, and so are the trend's findings by severity in JSON and CSV; the crates JSON and
 * CSV count the findings not suppressed in the code.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CountsAgreeTest {

    private static final String LIB = """
            //! Reads.

            /// Reads the first byte.
            pub fn first(p: *const u8) -> u8 {
                unsafe { *p }
            }

            /// Reads the second byte.
            pub fn second(p: *const u8) -> u8 {
                unsafe { *p.add(1) }
            }

            /// Reads the third byte.
            pub fn third(p: *const u8) -> u8 {
                // rustlens:allow(undocumented_unsafe_block)
                unsafe { *p.add(2) }
            }

            /// Parses.
            pub fn parse(s: &str) -> u32 {
                s.parse().unwrap()
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn parses() {
                    assert_eq!(super::parse("1"), 1);
                    let _ = "2".parse::<u32>().unwrap();
                    let _ = unsafe { *[1u8].as_ptr() };
                }
            }
            """;
    private static final String CRATE = "agreeing";
    /** Each definition as the findings endpoints' query parameters; empty is every finding. */
    private static final List<Map<String, Object>> DEFINITIONS = List.of(Map.of(), Map.of("counted", true),
            Map.of("counted", false), Map.of("inTest", false), Map.of("inTest", true), Map.of("tracking", "new"),
            Map.of("severity", "CRITICAL"));
    private static final Pattern CHECK_ROW = Pattern.compile(
            "<tr><th scope=\"row\"><a href=\"[^\"]*\"><code>([a-z_]+)</code></a></th><td>[A-Z]+</td><td><a [^>]*>(\\d+)</a>");
    private static final Pattern PART_LINK = Pattern.compile("counted=true\">(\\d+) ([a-z_]+)</a>");

    @Test
    void everyFormatGivesTheSameCountForTheSameDefinition(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"" + CRATE + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", LIB))) {
            long repository = register(TestRepositories.url(git));
            long scan = awaitScan(startScan(repository)).getLong("id");
            String fingerprint = given().queryParam("check", "undocumented_unsafe_block").queryParam("inTest", false)
                    .queryParam("counted", true).when().get("/api/v1/scans/{id}/findings", scan).then().statusCode(200)
                    .extract().jsonPath().getString("findings[0].fingerprint");
            given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                    "reason", "the caller passes a readable byte")).when().post("/api/v1/repositories/{id}/triage", repository)
                    .then().statusCode(201);

            // Every definition, for every check and for all of them: JSON of the scan = JSON across repositories = CSV rows.
            JsonPath everything = findings(given(), scan, Map.of());
            List<String> checks = everything.getList("findings.checkId", String.class).stream().distinct().toList();
            Map<String, Long> countedByCheck = new HashMap<>();
            for (Map<String, Object> definition : DEFINITIONS) {
                for (String check : concat(checks)) {
                    Map<String, Object> query = new LinkedHashMap<>(definition);
                    if (check != null) {
                        query.put("check", check);
                    }
                    long scanJson = findings(given(), scan, query).getLong("total");
                    long acrossJson = given().queryParams(query).queryParam("repository", repository)
                            .queryParam("crate", CRATE).when().get("/api/v1/findings").then().statusCode(200).extract()
                            .jsonPath().getLong("total");
                    List<List<String>> csv = Rfc4180.parse(given().queryParams(query).queryParam("crate", CRATE).when()
                            .get("/api/v1/scans/{id}/findings.csv", scan).then().statusCode(200).extract().asString());
                    assertEquals(scanJson, acrossJson, query + ": the scan's JSON and the JSON across repositories");
                    assertEquals(scanJson, csv.size() - 1, query + ": the JSON and the CSV");
                    if (Boolean.TRUE.equals(definition.get("counted")) && definition.size() == 1 && check != null) {
                        countedByCheck.put(check, scanJson);
                    }
                }
            }
            long counted = findings(given(), scan, Map.of("counted", true)).getLong("total");
            assertTrue(counted >= 2 && counted < everything.getLong("total"),
                    "test code, the suppressed and the triaged findings do not count: " + counted);

            // The pages say the counted numbers: the crate page by check (table and score parts) and the repository page's crate row.
            long crateId = given().queryParam("repository", repository).when().get("/api/v1/crates").then()
                    .statusCode(200).extract().jsonPath().getLong("crates[0].crateId");
            String cratePage = given().when().get("/crates/{id}", crateId).then().statusCode(200).extract().asString();
            Map<String, Long> pageByCheck = new HashMap<>();
            Matcher row = CHECK_ROW.matcher(cratePage);
            while (row.find()) {
                pageByCheck.merge(row.group(1), Long.valueOf(row.group(2)), Long::sum);
            }
            countedByCheck.values().removeIf(count -> count == 0);
            assertEquals(countedByCheck, pageByCheck, "the crate page's findings by check");
            Matcher part = PART_LINK.matcher(cratePage);
            while (part.find()) {
                assertEquals(countedByCheck.get(part.group(2)), Long.valueOf(part.group(1)), part.group());
            }
            String repositoryPage = given().when().get("/repositories/{id}", repository).then().statusCode(200)
                    .extract().asString();
            assertTrue(repositoryPage.contains("&amp;crate=" + CRATE + "&amp;counted=true\">" + counted + "</a></td></tr>"),
                    "the repository page's crate row counts " + counted);

            // The trend chart's findings by severity at this scan, and its CSV: the counted ones too.
            Map<String, Integer> bySeverity = given().when().get("/api/v1/repositories/{id}/trends", repository).then()
                    .statusCode(200).extract().jsonPath().getMap("points[-1].findingsBySeverity", String.class, Integer.class);
            assertEquals(counted, bySeverity.values().stream().mapToLong(Integer::longValue).sum(),
                    "the trend's findings by severity: " + bySeverity);
            List<List<String>> trend = Rfc4180.parse(given().when().get("/api/v1/repositories/{id}/trends.csv", repository)
                    .then().statusCode(200).extract().asString());
            List<String> header = trend.getFirst();
            assertEquals(counted, IntStream.range(0, header.size())
                    .filter(i -> header.get(i).startsWith("findings_")).mapToLong(i -> Long.parseLong(trend.getLast().get(i)))
                    .sum(), "the trend CSV's findings by severity");

            // The crates JSON and CSV: the findings not suppressed in the code (test code and triaged ones included).
            long notSuppressed = everything.getList("findings.suppression", String.class).stream()
                    .filter("NONE"::equals).count();
            assertEquals(notSuppressed, given().when().get("/api/v1/scans/{id}/crates", scan).then().statusCode(200)
                    .extract().jsonPath().getLong("[0].findings"));
            List<List<String>> crates = Rfc4180.parse(given().when().get("/api/v1/scans/{id}/crates.csv", scan).then()
                    .statusCode(200).extract().asString());
            assertEquals(Long.toString(notSuppressed), crates.get(1).get(crates.getFirst().indexOf("findings")));

            // The triaged finding: marked in the JSON and the CSV alike, and counted in neither.
            assertEquals(1, everything.getList("findings.triage.active", Boolean.class).stream()
                    .filter(Boolean.TRUE::equals).count());
            List<List<String>> all = Rfc4180.parse(given().queryParam("crate", CRATE).when()
                    .get("/api/v1/scans/{id}/findings.csv", scan).then().statusCode(200).extract().asString());
            int active = all.getFirst().indexOf("triage_active");
            assertEquals(1, all.stream().skip(1).filter(cells -> "true".equals(cells.get(active))).count());
        }
    }

    private static JsonPath findings(RequestSpecification request, long scan, Map<String, Object> query) {
        return request.queryParams(query).queryParam("crate", CRATE).queryParam("limit", 500).when()
                .get("/api/v1/scans/{id}/findings", scan).then().statusCode(200).extract().jsonPath();
    }

    /** Every check, then null for all of them. */
    private static List<String> concat(List<String> checks) {
        List<String> all = new ArrayList<>(checks);
        all.add(null);
        return all;
    }
}
