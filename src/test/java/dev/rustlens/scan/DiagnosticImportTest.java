package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.finding.Rfc4180;
import dev.rustlens.finding.SarifSchema;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clippy streams recorded from the corpus crate memchr (src/test/resources/diagnostics)
 * imported into scans of a git repository of that crate's files: merged with our findings on the
 * same sites, counted alike everywhere, kept by a rescan, tracked against a baseline whatever the
 * order of uploads and scans, triaged, exported and gated.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
public class DiagnosticImportTest {

    private static final Path MEMCHR = Path.of("/usr/share/cargo/registry/memchr-2.5.0");
    private static final String CLIPPY = "/diagnostics/memchr-2.5.0-clippy.jsonl.gz";
    private static final String CLIPPY_NEEDLESS_RETURN = "/diagnostics/memchr-2.5.0-needless-return-clippy.jsonl.gz";
    private static final String CLIPPY_OF_A_USER = "/diagnostics/memchr-user-clippy.jsonl.gz";
    private static final String TARGET_KINDS_CLIPPY = "/diagnostics/target-kinds-clippy.jsonl";
    /** What the branch appends to memchr's src/lib.rs, as in the recording (src/test/resources/diagnostics/README.md). */
    private static final String BYTE_COUNT = "\n/// Counts the bytes of `haystack`.\npub fn byte_count(haystack: &[u8])"
            + " -> usize {\n    return haystack.len();\n}\n";
    private static final String NEEDLESS_RETURN_CONDITION =
            "verdict.conditions.find { it.condition.check == 'clippy::needless_return' }";

    @Inject
    EntityManager entityManager;

    /** memchr on main, and a branch that adds a function with a needless return. */
    record Memchr(Git git, RevCommit base, RevCommit branch) {
    }

    static Memchr memchr(Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(MEMCHR)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(MEMCHR.relativize(file).toString(), Files.readString(file));
            }
        }
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        RevCommit base = TestRepositories.commitAt(git, files, "memchr 2.5.0", Instant.parse("2026-05-01T10:00:00Z"));
        git.checkout().setCreateBranch(true).setName("byte-count").call();
        Map<String, String> changed = new HashMap<>(files);
        changed.put("src/lib.rs", files.get("src/lib.rs") + BYTE_COUNT);
        RevCommit branch = TestRepositories.commitAt(git, changed, "byte_count", Instant.parse("2026-05-02T10:00:00Z"));
        git.checkout().setName("main").call();
        return new Memchr(git, base, branch);
    }

    /** Commits the crate that clippy's recorded target-kinds stream comes from (src/test/resources/diagnostics). */
    public static RevCommit targetKinds(Git git) throws Exception {
        Path crate = Path.of("src/test/resources/diagnostics/target-kinds");
        Map<String, String> files = new HashMap<>();
        for (String file : List.of("Cargo.toml", "src/lib.rs", "tests/integration.rs", "examples/count.rs")) {
            files.put(file, Files.readString(crate.resolve(file)));
        }
        return TestRepositories.commitAt(git, files, "target-kinds", Instant.parse("2026-05-01T10:00:00Z"));
    }

    static byte[] recorded(String resource) {
        try (InputStream in = DiagnosticImportTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonPath upload(long repositoryId, String commit, String resource) {
        return given().contentType("application/gzip").body(recorded(resource)).queryParam("commit", commit)
                .when().post("/api/v1/repositories/{id}/diagnostics", repositoryId)
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath scanBranch(long repositoryId, Map<String, String> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath findings(long scanId, Map<String, ?> filters) {
        return given().queryParams(filters).queryParam("limit", 500).when().get("/api/v1/scans/{id}/findings", scanId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void setPullRequestGate(long repositoryId, String check) {
        given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                .body(Map.of("conditions", List.of(Map.of("type", "no_new_findings", "check", check))))
                .when().put("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(200);
    }

    private static JsonPath gateStatus(long repositoryId, String branch) {
        return given().queryParam("branch", branch).queryParam("wait", 60)
                .when().get("/api/v1/repositories/{id}/gate/status", repositoryId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRealClippyStreamIsMergedCountedAlikeKeptByARescanExportedAndGatedUntilTriaged(@TempDir Path dir)
            throws Exception {
        Memchr memchr = memchr(dir);
        try (Git git = memchr.git()) {
            long id = register(TestRepositories.url(git));
            JsonPath scanned = awaitSuccess(startScan(id));
            long scanId = scanned.getLong("id");

            JsonPath answer = upload(id, memchr.base().name(), CLIPPY);
            // 472 compiler messages, 10 of them repeated (counted with python's json module).
            assertEquals(472, answer.getInt("messages"));
            assertEquals(462, answer.getInt("diagnostics"));
            assertEquals(10, answer.getInt("duplicates"));
            assertEquals(0, answer.getInt("outsideWorkspace.count"));
            assertEquals(List.of(scanId), answer.getList("scans.scanId", Long.class));
            int imported = answer.getInt("scans[0].imported");
            int merged = answer.getInt("scans[0].mergedWithOwn");
            assertEquals(462, imported + merged, "every diagnostic is in memchr's one crate");
            assertEquals(0, answer.getInt("scans[0].notInCrate.count"));
            // The findings page offers the imported lints the scan has findings of in its check filter.
            List<?> lintsWithFindings = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "select distinct check_id from finding where scan_id = ?1 and position('::' in check_id) > 0"
                    + " order by 1").setParameter(1, scanId).getResultList());
            assertTrue(lintsWithFindings.size() > 3, lintsWithFindings.toString());
            String page = given().queryParam("scan", scanId).when().get("/findings").then().statusCode(200)
                    .extract().asString();
            assertEquals(lintsWithFindings, java.util.regex.Pattern.compile("<option>([a-z_]+::[^<]+)</option>")
                    .matcher(page).results().map(option -> option.group(1)).toList());

            // clippy's six undocumented unsafe blocks in fallback.rs are our own findings, shown with both sources.
            JsonPath ours = findings(scanId, Map.of("check", "undocumented_unsafe_block", "path", "src/memchr/fallback.rs"));
            List<Integer> lines = ours.getList("findings.line", Integer.class);
            for (int line : List.of(54, 93, 134, 175, 213, 253)) {
                int at = lines.indexOf(line);
                assertTrue(at >= 0, "our finding at fallback.rs:" + line + " in " + lines);
                assertEquals(List.of("clippy::undocumented_unsafe_blocks"),
                        ours.getList("findings[" + at + "].alsoReportedBy"));
            }
            JsonPath lints = findings(scanId, Map.of("check", "clippy::undocumented_unsafe_blocks"));
            assertEquals(0, lints.getInt("total"), "merged sites are not a second finding");
            assertTrue(merged >= 6, "merged " + merged);

            // One count everywhere: the crate's count, the finding list, the CSV and the SARIF.
            JsonPath view = given().when().get("/api/v1/scans/{id}", scanId).then().statusCode(200).extract().jsonPath();
            List<String> suppressions = ScanFlowTest.findingsOf(view).getList("findings.suppression");
            long active = suppressions.stream().filter("NONE"::equals).count();
            assertEquals(active, view.getLong("crates[0].findingCount"));
            assertEquals(active, view.getLong("crates[0].metrics.findings"));
            long total = findings(scanId, Map.of()).getLong("total");
            assertEquals(suppressions.size(), total);
            String csv = given().when().get("/api/v1/scans/{id}/findings.csv", scanId).then().statusCode(200)
                    .extract().asString();
            List<List<String>> records = Rfc4180.parse(csv);
            assertEquals(total + 1, records.size());
            int alsoColumn = records.getFirst().indexOf("also_reported_by");
            assertEquals(merged, records.stream().skip(1).filter(r -> !r.get(alsoColumn).isEmpty()).count());
            String sarif = given().when().get("/api/v1/scans/{id}/findings.sarif", scanId).then().statusCode(200)
                    .extract().asString();
            assertEquals(List.of(), SarifSchema.errors(sarif));
            JsonPath sarifJson = JsonPath.from(sarif);
            assertEquals(total, sarifJson.getList("runs[0].results").size());
            assertEquals("https://rust-lang.github.io/rust-clippy/master/index.html#ptr_as_ptr",
                    sarifJson.getString("runs[0].tool.driver.rules.find { it.id == 'clippy::ptr_as_ptr' }.helpUri"));
            List<String> alsoReported = sarifJson.getList(
                    "runs[0].results.findAll { it.properties.alsoReportedBy != null }.properties.alsoReportedBy.flatten()");
            assertEquals(merged, alsoReported.size());
            assertTrue(alsoReported.contains("clippy::undocumented_unsafe_blocks"), alsoReported.toString());
            // The score is calibrated on our own checks: clippy's output leaves it as it was.
            assertEquals(scanned.getInt("score"), view.getInt("score"));

            // A rescan of the commit keeps the import.
            JsonPath rescanned = awaitSuccess(startScan(id));
            assertEquals(total, findings(rescanned.getLong("id"), Map.of()).getLong("total"));

            // The pull request adds a needless return: new against a baseline that has clippy's output too.
            setPullRequestGate(id, "clippy::needless_return");
            JsonPath branchScan = awaitSuccess(scanBranch(id, Map.of("branch", "byte-count", "pullRequest", "3")).getLong("id"));
            assertEquals("passed", gateStatus(id, "byte-count").getString("status"), "no clippy output for the head yet");
            JsonPath headAnswer = upload(id, memchr.branch().name(), CLIPPY_NEEDLESS_RETURN);
            assertEquals(List.of(branchScan.getLong("id")), headAnswer.getList("scans.scanId", Long.class));
            JsonPath failed = gateStatus(id, "byte-count");
            assertEquals("failed", failed.getString("status"));
            assertEquals("1", failed.getString(NEEDLESS_RETURN_CONDITION + ".actual"));
            JsonPath newLints = findings(branchScan.getLong("id"), Map.of("tracking", "new"));
            List<String> newChecks = newLints.getList("findings.checkId");
            assertTrue(newChecks.contains("clippy::needless_return") && newChecks.contains("clippy::must_use_candidate"),
                    newChecks.toString());
            assertTrue(newChecks.stream().filter(c -> c.startsWith("clippy::")).count() == 2, newChecks.toString());
            String fingerprint = findings(branchScan.getLong("id"), Map.of("check", "clippy::needless_return"))
                    .getString("findings[0].fingerprint");

            given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                    "reason", "the early return reads better here")).when().post("/api/v1/repositories/{id}/triage", id)
                    .then().statusCode(201);
            assertEquals("passed", gateStatus(id, "byte-count").getString("status"));
            String triaged = given().queryParam("check", "clippy::needless_return")
                    .when().get("/api/v1/scans/{id}/findings.sarif", branchScan.getLong("id")).then().statusCode(200)
                    .extract().asString();
            assertEquals("the early return reads better here",
                    JsonPath.from(triaged).getString("runs[0].results[0].suppressions[0].justification"));
            given().queryParam("repository", id).queryParam("scan", branchScan.getLong("id"))
                    .queryParam("check", "clippy::needless_return").when().get("/findings").then().statusCode(200)
                    .body(containsString("https://rust-lang.github.io/rust-clippy/master/index.html#needless_return"))
                    .body(containsString("accepted"));
            given().queryParam("repository", id).queryParam("scan", scanId)
                    .queryParam("check", "undocumented_unsafe_block").queryParam("path", "src/memchr/fallback.rs")
                    .when().get("/findings").then().statusCode(200)
                    .body(containsString("also reported by"));
        }
    }

    /**
     * The recorded target-kinds crate (src/test/resources/diagnostics/README.md): clippy's lint in
     * the library's {@code #[cfg(test)]} module comes as the library's, like the one in its code,
     * yet it is test code, as rustlens's own findings there are; whether the output arrives before
     * the scan, after it, or after an unchanged rescan that copied the scan's results.
     */
    @Test
    void aLintInTheLibrarysTestModuleIsTestCodeWhereverTheUploadComesInTheScansOrder(@TempDir Path dir)
            throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit commit = targetKinds(git);
            long id = register(TestRepositories.url(git));
            byte[] stream = recorded(TARGET_KINDS_CLIPPY);
            JsonPath early = given().contentType("application/x-ndjson").body(stream).queryParam("commit", commit.name())
                    .when().post("/api/v1/repositories/{id}/diagnostics", id).then().statusCode(201).extract().jsonPath();
            assertEquals(List.of(), early.getList("scans"));
            long first = awaitSuccess(startScan(id)).getLong("id");
            long rescan = awaitSuccess(startScan(id)).getLong("id");
            assertEquals(0, given().when().get("/api/v1/scans/{id}", rescan).then().extract().jsonPath()
                    .getInt("filesAnalyzed"), "the rescan copies the first scan's results");
            JsonPath again = given().contentType("application/x-ndjson").body(stream).queryParam("commit", commit.name())
                    .when().post("/api/v1/repositories/{id}/diagnostics", id).then().statusCode(201).extract().jsonPath();
            assertEquals(2, again.getList("scans").size());
            Map<String, Boolean> expected = Map.of("src/lib.rs:5", false, "src/lib.rs:11", true,
                    "tests/integration.rs:2", true, "examples/count.rs:4", true);
            for (long scanId : List.of(first, rescan)) {
                JsonPath lints = findings(scanId, Map.of("check", "clippy::needless_return"));
                Map<String, Boolean> inTestCode = new HashMap<>();
                for (int i = 0; i < lints.getInt("total"); i++) {
                    inTestCode.put(lints.getString("findings[" + i + "].path") + ":" + lints.getInt("findings[" + i + "].line"),
                            lints.getBoolean("findings[" + i + "].inTestCode"));
                }
                assertEquals(expected, inTestCode, "scan " + scanId);
            }
        }
    }

    @Test
    void aBaselineWithoutClippyOutputMakesNoLintNewWhateverTheOrderOfUploadsAndScans(@TempDir Path dir)
            throws Exception {
        Memchr memchr = memchr(dir);
        try (Git git = memchr.git()) {
            long id = register(TestRepositories.url(git));
            setPullRequestGate(id, "clippy::needless_return");
            // Uploaded before any scan: kept for the commit, applied when its scan is stored.
            JsonPath early = upload(id, memchr.branch().name(), CLIPPY_NEEDLESS_RETURN);
            assertEquals(List.of(), early.getList("scans"));
            assertEquals(0, early.getInt("pendingScans"));
            JsonPath branchScan = awaitSuccess(scanBranch(id, Map.of("branch", "byte-count", "pullRequest", "4")).getLong("id"));
            JsonPath passed = gateStatus(id, "byte-count");
            assertEquals("passed", passed.getString("status"), "the merge-base has no clippy output: nothing is new");
            long branchId = branchScan.getLong("id");
            assertTrue(findings(branchId, Map.of("check", "clippy::needless_return")).getLong("total") == 1);
            assertEquals(0, findings(branchId, Map.of("tracking", "new", "check", "clippy::needless_return"))
                    .getLong("total"));
            int newBefore = given().when().get("/api/v1/scans/{id}", branchId).then().extract().jsonPath()
                    .getInt("findingsNew");

            // clippy's output for the merge-base arrives: the branch is compared again and fails.
            JsonPath baseAnswer = upload(id, memchr.base().name(), CLIPPY);
            assertEquals(1, baseAnswer.getList("scans").size());
            JsonPath failed = gateStatus(id, "byte-count");
            assertEquals("failed", failed.getString("status"));
            assertEquals("1", failed.getString(NEEDLESS_RETURN_CONDITION + ".actual"));
            int newAfter = given().when().get("/api/v1/scans/{id}", branchId).then().extract().jsonPath()
                    .getInt("findingsNew");
            assertEquals(newBefore + 2, newAfter, "needless_return and must_use_candidate on byte_count");
        }
    }

    @Test
    void diagnosticsOutsideTheScannedFilesAreReportedAndMalformedStreamsStoreNothing(@TempDir Path dir)
            throws Exception {
        String manifest = "[package]\nname = \"memchr-user\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nmemchr = { path = \"../clippy-memchr2\" }\n";
        String lib = "//! Finds bytes.\n\n/// Whether `haystack` holds `needle`.\npub fn holds(needle: u8, haystack: &[u8])"
                + " -> bool {\n    return memchr::memchr(needle, haystack).is_some();\n}\n";
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", manifest, "src/lib.rs", lib))) {
            long id = register(TestRepositories.url(git));
            JsonPath scanned = awaitSuccess(startScan(id));
            String commit = scanned.getString("commit");
            JsonPath answer = upload(id, commit, CLIPPY_OF_A_USER);
            assertEquals(59, answer.getInt("outsideWorkspace.count"), "memchr's own lints, at absolute paths");
            assertTrue(answer.getList("outsideWorkspace.examples", String.class).stream()
                    .allMatch(path -> path.startsWith("/tmp/clippy-memchr2/")));
            assertEquals(2, answer.getInt("diagnostics"));
            assertEquals(2, answer.getInt("scans[0].imported") + answer.getInt("scans[0].mergedWithOwn"));
            long total = findings(scanned.getLong("id"), Map.of()).getLong("total");

            String line = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(recorded(CLIPPY_OF_A_USER)))
                    .readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            given().contentType("application/x-ndjson").body(utf8(line + "\n" + line + "\n{\"reason\": 3}\n"))
                    .queryParam("commit", "0".repeat(40)).when().post("/api/v1/repositories/{id}/diagnostics", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", equalTo("line 3: field \"reason\" must be a string"));
            given().contentType("application/x-ndjson").body(utf8(line + "\nnot json\n")).queryParam("commit", commit)
                    .when().post("/api/v1/repositories/{id}/diagnostics", id)
                    .then().statusCode(400).body("detail", containsString("line 2: not valid JSON"));
            assertEquals(total, findings(scanned.getLong("id"), Map.of()).getLong("total"), "nothing of it is stored");
            long imports = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                    "select count(*) from diagnostic_import where repository_id = ?1").setParameter(1, id)
                    .getSingleResult()).longValue());
            assertEquals(1, imports, "only the good upload");
            given().contentType("application/x-ndjson").body(utf8(line)).queryParam("commit", "HEAD")
                    .when().post("/api/v1/repositories/{id}/diagnostics", id)
                    .then().statusCode(400).body("detail", containsString("commit must be the full"));
            given().contentType("application/x-ndjson").body(utf8(line)).queryParam("commit", commit).queryParam("root", "../x")
                    .when().post("/api/v1/repositories/{id}/diagnostics", id)
                    .then().statusCode(400).body("detail", containsString("root must be"));
            given().contentType("application/x-ndjson").body(utf8(line)).queryParam("commit", commit)
                    .when().post("/api/v1/repositories/{id}/diagnostics", 999_999).then().statusCode(404);
            given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                    .body(Map.of("conditions", List.of(Map.of("type", "no_new_findings", "check", "clippy::Not A Lint"))))
                    .when().put("/api/v1/repositories/{id}/gate", id).then().statusCode(400)
                    .body("detail", containsString("clippy::needless_return"));
        }
    }
}
