package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.ScoreEndToEndTest;
import dev.rustlens.scan.SeededScans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crate page of the scored fixture crate: its ratings explained, its fixes ranked, its evidence (docs/scoring.md). */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CratePageTest {

    @Inject
    EntityManager entityManager;

    /** A snapshot stored before the metrics of the current analyzer (no repository_files, no doc counts). */
    @Test
    void aSnapshotWithoutTodaysMetricsIsShown() {
        long crate = QuarkusTransaction.requiringNew().call(() -> {
            SeededScans seeded = new SeededScans(entityManager.unwrap(Session.class), "old-metrics");
            seeded.scan(1, 1, 3);
            return seeded.crate();
        });
        given().when().get("/crates/{id}", crate).then().statusCode(200)
                .body(containsString("None found in the scanned files"));
    }

    @Test
    void explainsTheScoreAndShowsMetricsUnsafeFilesAndFindings(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"scored\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "Cargo.lock", "version = 3\n",
                "src/lib.rs", ScoreEndToEndTest.LIB + "\nmod raw;\n",
                "src/raw.rs", "pub(crate) fn two(p: *const u8) -> u8 {\n    unsafe { *p } + unsafe { *p }\n}\n"))) {
            long repository = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repository));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            long crate = scan.getLong("crates[0].crateId");
            String findings = "/findings?repository=" + repository + "&amp;crate=scored";
            String counted = "/findings?repository=" + repository + "&amp;scan=" + scan.getLong("id") + "&amp;crate=scored";

            given().when().get("/repositories/{id}", repository).then().statusCode(200)
                    .body(containsString("<a href=\"/crates/" + crate + "\">scored</a>"));
            given().when().get("/crates/{id}", crate).then().statusCode(200)
                    .body(containsString("<h1>scored <small>0.1.0</small>"),
                            containsString("<span class=\"grade grade-"),
                            containsString("The score measures conformance to the rustlens review standard"),
                            containsString("<h3 id=\"rating-UNSAFE\">Unsafe: "),
                            containsString("Unsafe blocks justified</th><td>0.0</td><td>50.0</td>"
                                    + "<td class=\"text\">3 of 3 unsafe blocks have no // SAFETY: comment</td>"),
                            containsString("<a href=\"" + counted + "&amp;check=undocumented_unsafe_block&amp;counted=true\">"
                                    + "3 undocumented_unsafe_block</a>"),
                            containsString("<a href=\"" + counted + "&amp;check=miri_missing_in_ci&amp;counted=true\">"
                                    + "1 miri_missing_in_ci</a>"),
                            containsString("Exported fns with an example</th><td>7.5</td><td>15.0</td>"),
                            containsString("from the metrics"),
                            // Both files' blocks are worth the same per block; the file with more comes first.
                            containsString("<code>undocumented_unsafe_block</code></a> in <code>src/raw.rs</code></th>"),
                            containsString("None found in the repository's files"),
                            containsString("data-trends=\"/api/v1/crates/" + crate + "/trends\""),
                            containsString("<th scope=\"row\">unsafe blocks outside test code</th><td>3</td>"),
                            containsString("<th scope=\"row\">doc coverage: documented share of the pub items</th><td>100.0%</td>"),
                            // The file with more unsafe code comes first.
                            containsString("<tr><th scope=\"row\"><code>src/raw.rs</code></th><td>2</td><td>2</td>"),
                            containsString("<tr><th scope=\"row\"><code>src/lib.rs</code></th><td>1</td><td>1</td>"),
                            containsString("<a href=\"" + findings + "\">Browse every finding of scored</a>"),
                            containsString("<a href=\"" + findings + "&amp;check=unwrap_used&amp;counted=true\">1</a>"));
            String page = given().when().get("/crates/{id}", crate).then().extract().asString();
            assertTrue(page.indexOf("in <code>src/raw.rs</code>") < page.indexOf("in <code>src/lib.rs</code>"),
                    "the fix worth more first");
            assertTrue(page.indexOf("<tr><th scope=\"row\"><code>src/raw.rs</code>")
                    < page.indexOf("<tr><th scope=\"row\"><code>src/lib.rs</code>"), "largest file first");
        }
    }

    @Test
    void theRepositoryPageListsTheFilesNotFullyReadAndWhy(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"unread\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", "//! Reads.\nmod broken;\n",
                "src/broken.rs", "pub fn f( {\n",
                "src/orphan.rs", "pub fn g() {}\n"))) {
            long repository = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repository));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            given().when().get("/repositories/{id}", repository).then().statusCode(200)
                    .body(containsString("<h2 id=\"unread\">Files not fully read</h2>"),
                            containsString("<code>src/broken.rs</code></a></th><td>unread</td>"),
                            containsString("parse errors, the first: "),
                            containsString("<code>src/orphan.rs</code></a></th><td>unread</td>"),
                            containsString("no crate root reaches it (rustc never compiles it)"));
        }
    }

    @Test
    void anUnknownCrateIsA404Page() {
        given().when().get("/crates/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("There is no crate " + Long.MAX_VALUE + "."));
    }
}
