package dev.rustlens.cli;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.ScanFlowTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rustlens scan --upload} against the running server: an upload is stored as the scan of
 * its commit and branch, with the findings, fingerprints and scores of a scan the server runs on
 * the same commit, tracked against the branch's previous scan and judged by the repository's gate,
 * whose verdict sets the exit status; a bad upload is refused, naming what is wrong, and stores nothing.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ScanUploadTest {

    @Inject
    AnalysisEngine engine;
    @Inject
    EntityManager entityManager;

    private static final String MANIFEST = "[package]\nname = \"uploaded\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    private static final String DOCUMENTED = """
            //! Reads bytes.

            /// Reads a byte.
            pub fn read(p: *const u8) -> u8 {
                // SAFETY: the caller passes a valid pointer.
                unsafe { *p }
            }
            """;

    private static RustlensCliTest.Run upload(Path dir, long repository, RevCommit commit) {
        return RustlensCliTest.run("scan", dir.toString(), "--upload", RestAssured.baseURI + ":" + RestAssured.port,
                "--repository", Long.toString(repository), "--commit", commit.name(), "--branch", "main",
                "--committed-at", Instant.ofEpochSecond(commit.getCommitTime()).toString());
    }

    private static long scanCount(long repository) {
        return given().get("/api/v1/repositories/{id}/scans", repository).then().statusCode(200).extract().jsonPath()
                .getList("$").size();
    }

    @Test
    void anUploadIsStoredAsTheScanOfItsCommitAndJudgedByTheGate(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit first = TestRepositories.commitAt(git, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", DOCUMENTED),
                    "documented", Instant.parse("2026-03-01T10:00:00Z"));
            long uploaded = register(TestRepositories.url(git));
            given().contentType(ContentType.JSON).body(Map.of("conditions", List.of(Map.of("type", "no_new_findings",
                    "check", "undocumented_unsafe_block"))))
                    .when().put("/api/v1/repositories/{id}/gate", uploaded).then().statusCode(200);

            RustlensCliTest.Run passed = upload(dir, uploaded, first);
            assertEquals(0, passed.status(), passed.out() + passed.err());
            assertTrue(passed.out().contains("uploaded as scan "), passed.out());
            assertTrue(passed.out().contains("  pass  no new undocumented_unsafe_block findings: 0"), passed.out());

            RevCommit second = TestRepositories.commitAt(git, Map.of("src/lib.rs", DOCUMENTED
                    + "\n/// Reads another.\npub fn other(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"),
                    "undocumented", Instant.parse("2026-03-02T10:00:00Z"));
            RustlensCliTest.Run failed = upload(dir, uploaded, second);
            assertEquals(1, failed.status(), failed.out() + failed.err());
            assertTrue(failed.out().contains("  FAIL  no new undocumented_unsafe_block findings: 1 (expected 0)"),
                    failed.out());
            assertTrue(failed.out().contains("gate FAILED"), failed.out());

            JsonPath status = given().get("/api/v1/repositories/{id}/gate/status?commit=" + second.name(), uploaded)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("failed", status.getString("status"));
            JsonPath upload = awaitScan(status.getLong("scanId"));
            assertEquals("succeeded", upload.getString("status"));
            assertEquals(second.name(), upload.getString("commit"));
            assertEquals("main", upload.getString("branch"));
            long firstScan = given().get("/api/v1/repositories/{id}/gate/status?commit=" + first.name(), uploaded)
                    .then().statusCode(200).extract().jsonPath().getLong("scanId");
            assertEquals(firstScan, upload.getLong("previousScanId"), "tracked against the first upload");
            JsonPath uploadedFindings = ScanFlowTest.findingsOf(upload);
            assertEquals("new", uploadedFindings.getString(
                    "findings.find { it.checkId == 'undocumented_unsafe_block' }.tracking"));
            List<String> tracking = uploadedFindings.getList("findings.tracking", String.class);
            assertTrue(tracking.contains("unchanged"), tracking.toString());
            assertEquals(tracking.stream().filter("new"::equals).count(), upload.getInt("findingsNew"));

            // The same commit scanned by the server, in a repository of its own.
            long scanned = register(TestRepositories.url(git));
            JsonPath server = awaitScan(startScan(scanned));
            assertEquals("succeeded", server.getString("status"), server.getString("error"));
            for (String field : List.of("score", "grade", "crates[0].name", "crates[0].score", "crates[0].grade",
                    "crates[0].unsafeBlocks", "crates[0].metrics")) {
                Object expected = server.get(field);
                assertEquals(expected, upload.get(field), field);
            }
            JsonPath serverFindings = ScanFlowTest.findingsOf(server);
            for (String field : List.of("findings.fingerprint", "findings.checkId", "findings.line")) {
                assertEquals(serverFindings.getList(field), uploadedFindings.getList(field), field);
            }
            assertEquals(unsafeSites(server), unsafeSites(upload));
        }
    }

    @Test
    void aBadUploadIsRefusedNamingWhatIsWrongAndStoresNothing(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", DOCUMENTED))) {
            long repository = register(TestRepositories.url(git));
            String commit = git.log().call().iterator().next().name();
            Map<String, Object> finding = new HashMap<>(Map.of("checkId", "no_such_check", "severity", "MAJOR",
                    "path", "src/lib.rs", "line", 1, "column", 1, "endLine", 1, "endColumn", 2, "message", "m",
                    "inTestCode", false, "suppression", "NONE"));
            finding.put("fingerprint", "0123456789abcdef0123456789abcdef");
            Map<String, Object> crate = Map.of("name", "uploaded", "path", "", "metrics", Map.of("files", 1),
                    "evidence", List.of(), "unsafeSites", List.of(), "findings", List.of(finding));
            Map<String, Object> good = new HashMap<>(Map.of("format", "rustlens-upload/1", "commit", commit,
                    "branch", "main", "coreModules", List.of(), "files", 1, "problems", List.of(),
                    "crates", List.of(crate)));
            good.put("analyzerVersion", engine.catalogue().analyzerVersion());
            Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
            cases.put(with(good, "format", "rustlens-upload/99"), "\"format\" must be \"rustlens-upload/1\"");
            cases.put(with(good, "commit", "main"), "\"commit\" must be a full commit id");
            cases.put(with(good, "analyzerVersion", "0000"), "is not this server's");
            cases.put(good, "crates[0].findings[0].checkId 'no_such_check' is not a check of this server");
            Map<String, Object> known = with(finding, "checkId", "missing_docs");
            Map<String, Object> badSpan = new HashMap<>(Map.of("line", 0, "column", 1, "endLine", 2, "endColumn", 1));
            for (Map.Entry<Object, String> testCode : Map.<Object, String>of(
                    Map.of("spans", Map.of()), "crates[0].testCode needs \"files\"",
                    Map.of("files", List.of(), "spans", Map.of("src/lib.rs", List.of(badSpan))),
                    "crates[0].testCode.spans.src/lib.rs: every span needs").entrySet()) {
                Map<String, Object> withTestCode = new HashMap<>(crate);
                withTestCode.put("findings", List.of(known));
                withTestCode.put("testCode", testCode.getKey());
                cases.put(with(good, "crates", List.of(withTestCode)), testCode.getValue());
            }
            for (Map.Entry<Map<String, Object>, String> bad : cases.entrySet()) {
                given().contentType(ContentType.JSON).body(bad.getKey())
                        .when().post("/api/v1/repositories/{id}/uploads", repository)
                        .then().statusCode(400).body("detail", containsString(bad.getValue()));
            }
            assertEquals(0, scanCount(repository), "nothing stored");

            // A server-side scan of the same commit and branch is running: a clear 409, nothing stored.
            long running = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                    insert into scan (repository_id, branch, requested_commit, trigger, status, queued_at, started_at,
                        heartbeat_at, worker, attempt)
                    values (?1, 'main', ?2, 'api', 'running', now(), now(), now(), 'elsewhere', 1) returning id""")
                    .setParameter(1, repository).setParameter(2, commit).getSingleResult()).longValue());
            given().contentType(ContentType.JSON).body(with(good, "crates", List.of(with(crate, "findings", List.of()))))
                    .when().post("/api/v1/repositories/{id}/uploads", repository)
                    .then().statusCode(409).body("detail", containsString("scan " + running + " of commit " + commit));
            assertEquals(1, scanCount(repository), "only the running scan");
        }
    }

    private static Map<String, Object> with(Map<String, Object> upload, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(upload);
        changed.put(key, value);
        return changed;
    }

    /** A scan's unsafe sites, all on one page. */
    private static Object unsafeSites(JsonPath scan) {
        return given().queryParam("limit", 500).when().get(scan.getString("links.unsafeSites")).then().statusCode(200)
                .extract().jsonPath().get("unsafeSites");
    }
}
