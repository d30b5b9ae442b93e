package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixture crate scanned over REST, with its exact score and deductions (worked out in docs/scoring.md). */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
public class ScoreEndToEndTest {

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
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            List<Map<String, Object>> deductions = scan.getList("crates[0].deductions");
            assertEquals(List.of("undocumented_unsafe", "miri_missing", "panics", "doc_examples"),
                    deductions.stream().map(d -> d.get("rule")).toList());
            assertEquals(List.of(20.0f, 8.0f, 2.0f, 2.5f), deductions.stream().map(d -> d.get("points")).toList());
            // 100 - 32.5 = 67.5, rounded to 68: grade D (55-69).
            assertEquals(68, scan.getInt("crates[0].score"));
            assertEquals("D", scan.getString("crates[0].grade"));
            assertEquals(68, scan.getInt("score"));
            assertEquals("D", scan.getString("grade"));
            // Each finding-based deduction names its findings by fingerprint.
            String undocumented = scan.getString("crates[0].findings.find { it.checkId == 'undocumented_unsafe_block' }.fingerprint");
            assertEquals(List.of(undocumented), deductions.getFirst().get("findings"));
        }
    }
}
