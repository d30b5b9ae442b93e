package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixture crate scanned over REST, with its exact ratings, score and fixes (worked out in docs/scoring.md). */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
public class ScoreEndToEndTest {

    @Inject
    SnapshotScores scores;

    /** The fixture crate's lib.rs; the crate page test shows the same score explained. */
    public static final String LIB = """
            //! Reads bytes.
            #![warn(clippy::pedantic)]

            /// Reads a byte.
            ///
            /// ```
            /// assert_eq!(1, 1);
            /// ```
            pub fn read(p: *const u8) -> u8 {
                unsafe { *p }
            }

            /// Parses a number.
            pub fn parse(s: &str) -> u32 {
                s.parse().unwrap()
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn parses() {
                    assert_eq!(super::parse("1"), 1);
                }
            }
            """;

    @Test
    void theFixtureCrateScoresExactly(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"scored\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "Cargo.lock", "version = 3\n",
                "src/lib.rs", LIB))) {
            long repository = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repository));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            // docs/scoring.md works these out: Unsafe 15/65, Panics 100/(1 + 5/6), Documentation
            // 85.8, Verification 25/85, Hygiene 100; weighted 49.3, grade D.
            List<Map<String, Object>> ratings = scan.getList("crates[0].ratings");
            assertEquals(List.of("UNSAFE", "PANICS", "DOCUMENTATION", "VERIFICATION", "HYGIENE"),
                    ratings.stream().map(r -> r.get("kind")).toList());
            assertEquals(List.of(23, 55, 86, 29, 100), ratings.stream().map(r -> r.get("score")).toList());
            assertEquals(49, scan.getInt("crates[0].score"));
            assertEquals("D", scan.getString("crates[0].grade"));
            assertEquals(49, scan.getInt("score"));
            assertEquals("D", scan.getString("grade"));
            // The part of the Unsafe rating that the undocumented block costs counts it by check, as
            // the findings that count list it.
            assertEquals(1, ScanFlowTest.findingsOf(scan).getList(
                    "findings.findAll { it.checkId == 'undocumented_unsafe_block' }").size());
            assertEquals(Map.of("undocumented_unsafe_block", 1), scan.getMap(
                    "crates[0].ratings[0].parts.find { it.id == 'unsafe.justified' }.findingsByCheck"));

            // The crate's fixes, best first: the SAFETY comment is worth most.
            long crate = scan.getLong("crates[0].crateId");
            JsonPath detail = given().when().get("/api/v1/crates/{id}", crate).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("undocumented_unsafe_block", "unwrap_used", "miri_missing_in_ci", "missing_doc_example"),
                    detail.getList("fixes.checkId"));
            assertEquals("UNSAFE", detail.getString("fixes[0].rating"));
            assertEquals(35 * (100 - 100 * 15 / 65.0) / 100, detail.getDouble("fixes[0].scorePoints"), 1e-6);
            assertTrue(detail.getString("measures").startsWith("conformance to the rustlens review standard"));

            // Each finding that counts says what fixing it is worth, in JSON and CSV alike.
            long scanId = scan.getLong("id");
            JsonPath findings = given().queryParam("check", "undocumented_unsafe_block").when()
                    .get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
            assertEquals(detail.getDouble("fixes[0].scorePoints"), findings.getDouble("findings[0].worth.scorePoints"),
                    1e-9);
            String csv = given().queryParam("check", "undocumented_unsafe_block").when()
                    .get("/api/v1/scans/{id}/findings.csv", scanId).then().statusCode(200).extract().asString();
            List<String> cells = List.of(csv.lines().skip(1).findFirst().orElseThrow().split(","));
            assertEquals("UNSAFE", cells.get(cells.size() - 3));
            assertEquals(100 - 100 * 15 / 65.0, Double.parseDouble(cells.get(cells.size() - 2)), 1e-9);
            assertEquals(detail.getDouble("fixes[0].scorePoints"), Double.parseDouble(cells.getLast()), 1e-4);

            // Scored from the findings in hand as it was stored, the scan scores the same from its
            // stored rows, as rescoring does (rolled back: this only compares).
            QuarkusTransaction.begin();
            try {
                Scan stored = Scan.findById(scanId);
                List<List<Object>> asStored = scored(stored);
                scores.score(stored);
                assertEquals(asStored, scored(stored));
            } finally {
                QuarkusTransaction.rollback();
            }
        }
    }

    /** What scoring sets on a scan and its snapshots. */
    private static List<List<Object>> scored(Scan scan) {
        List<List<Object>> scored = new ArrayList<>();
        scored.add(Arrays.asList(scan.score, scan.grade, scan.scoreHeldBecause));
        for (CrateSnapshot snapshot : CrateSnapshot.listForScan(scan)) {
            scored.add(Arrays.asList(snapshot.score, snapshot.grade, snapshot.scoreExact, snapshot.ratings,
                    snapshot.fixes, snapshot.fixWorth));
        }
        return scored;
    }
}
