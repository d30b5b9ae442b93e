package dev.rustlens.cli;

import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.DiagnosticImportTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rustlens scan --upload --clippy FILE}: a real clippy stream (recorded from a crate using
 * memchr, src/test/resources/diagnostics) is sent for the commit before its scan, so the uploaded
 * scan is stored with clippy's lints among its findings.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ClippyUploadTest {

    private static final String MANIFEST = "[package]\nname = \"memchr-user\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
            + "[dependencies]\nmemchr = { path = \"../clippy-memchr2\" }\n";
    private static final String LIB = "//! Finds bytes.\n\n/// Whether `haystack` holds `needle`.\n"
            + "pub fn holds(needle: u8, haystack: &[u8]) -> bool {\n"
            + "    return memchr::memchr(needle, haystack).is_some();\n}\n";

    @Test
    void clippysOutputGoesWithTheUploadedScanOfItsCommit(@TempDir Path dir, @TempDir Path out) throws Exception {
        Path clippy = out.resolve("clippy.jsonl.gz");
        try (InputStream recorded = getClass().getResourceAsStream("/diagnostics/memchr-user-clippy.jsonl.gz")) {
            Files.copy(recorded, clippy);
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit commit = TestRepositories.commitAt(git, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", LIB),
                    "uses memchr", Instant.parse("2026-05-01T10:00:00Z"));
            long repository = register(TestRepositories.url(git));
            RustlensCliTest.Run run = RustlensCliTest.run("scan", dir.toString(), "--upload",
                    RestAssured.baseURI + ":" + RestAssured.port, "--repository", Long.toString(repository),
                    "--commit", commit.name(), "--branch", "main", "--clippy", clippy.toString());
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("clippy: 2 diagnostics kept for commit " + commit.name()
                    + " (0 messages skipped, 59 outside the workspace)"), run.out());
            long scanId = given().get("/api/v1/repositories/{id}/scans", repository).then().statusCode(200)
                    .extract().jsonPath().getLong("[0].id");
            JsonPath needless = given().queryParam("check", "clippy::needless_return")
                    .when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
            assertEquals(1, needless.getInt("total"));
            assertEquals(5, needless.getInt("findings[0].line"));

            RustlensCliTest.Run alone = RustlensCliTest.run("scan", dir.toString(), "--clippy", clippy.toString());
            assertEquals(RustlensCli.EXIT_USAGE, alone.status());
            assertTrue(alone.err().contains("--clippy goes with --upload"), alone.err());
        }
    }

    /**
     * The scanner uploads where each crate's test code is, so that clippy's lint in the library's
     * {@code #[cfg(test)]} module (cargo reports it as the library's) is test code on the server.
     */
    @Test
    void aLintInTheLibrarysTestModuleIsTestCodeInTheUploadedScan(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit commit = DiagnosticImportTest.targetKinds(git);
            long repository = register(TestRepositories.url(git));
            RustlensCliTest.Run run = RustlensCliTest.run("scan", dir.toString(), "--upload",
                    RestAssured.baseURI + ":" + RestAssured.port, "--repository", Long.toString(repository),
                    "--commit", commit.name(), "--branch", "main", "--clippy",
                    Path.of("src/test/resources/diagnostics/target-kinds-clippy.jsonl").toString());
            assertEquals(0, run.status(), run.out() + run.err());
            long scanId = given().get("/api/v1/repositories/{id}/scans", repository).then().statusCode(200)
                    .extract().jsonPath().getLong("[0].id");
            JsonPath lints = given().queryParam("check", "clippy::needless_return").queryParam("path", "src/lib.rs")
                    .when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(5, 11), lints.getList("findings.line", Integer.class));
            assertEquals(List.of(false, true), lints.getList("findings.inTestCode", Boolean.class));
        }
    }
}
