package dev.rustlens.gate;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.BackfillTest;
import dev.rustlens.scan.ScanFlowTest;
import dev.rustlens.text.Markup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trends, scores, the quality gate, triage and badges over a real three-commit history. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class QualityGateTest {

    @Inject
    TriageExpiry expiry;
    @Inject
    EntityManager entityManager;

    static final String UNDOCUMENTED_CONDITION =
            "verdict.conditions.find { it.condition.check == 'undocumented_unsafe_block' }";

    static final String MANIFEST = "[package]\nname = \"gated\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    static String lib(int undocumented) {
        return """
                //! Reads bytes.

                /// Reads a byte.
                pub fn read(p: *const u8) -> u8 {
                    // SAFETY: the caller passes a valid pointer.
                    unsafe { *p }
                }
                """ + "\n/// Reads more.\npub fn more(p: *const u8) -> u8 {\n" + "    unsafe { *p };\n".repeat(undocumented)
                + "    0\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n";
    }

    /** A repository whose second and third commits add undocumented unsafe blocks; all three scanned. */
    record History(long repositoryId, List<RevCommit> commits, List<JsonPath> scans) {
    }

    static History history(Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> commits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                commits.add(TestRepositories.commitAt(git, Map.of("Cargo.toml", MANIFEST, "Cargo.lock", "version = 3\n",
                        "src/lib.rs", lib(i)), "commit " + i, Instant.parse("2026-03-0" + (i + 1) + "T10:00:00Z")));
            }
            long repositoryId = register(TestRepositories.url(git));
            List<Long> ids = BackfillTest.backfill(repositoryId, Map.of("last", 3)).getList("scanIds", Long.class);
            List<JsonPath> scans = new ArrayList<>();
            for (long id : ids) {
                JsonPath scan = awaitScan(id);
                assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
                scans.add(scan);
            }
            return new History(repositoryId, commits, scans);
        }
    }

    @Test
    void trendsFollowTheCommits(@TempDir Path dir) throws Exception {
        History history = history(dir);
        JsonPath trend = given().when().get("/api/v1/repositories/{id}/trends", history.repositoryId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, trend.getList("points").size());
        assertEquals(List.of(1, 2, 3), trend.getList("points.metrics.unsafe_blocks", Integer.class));
        assertEquals(history.commits().stream().map(RevCommit::name).toList(), trend.getList("points.commit"));
        assertEquals(List.of(0, 1, 2), trend.getList("points.findingsBySeverity.CRITICAL", Integer.class)
                .stream().map(n -> n == null ? 0 : n).toList());
        List<Integer> scores = trend.getList("points.score", Integer.class);
        assertTrue(scores.get(0) > scores.get(1) && scores.get(1) > scores.get(2), scores.toString());

        long crateId = history.scans().getLast().getLong("crates[0].crateId");
        given().queryParam("metric", "unsafe_blocks,doc_coverage").queryParam("from", "2026-03-02")
                .when().get("/api/v1/crates/{id}/trends", crateId)
                .then().statusCode(200).body("points", hasSize(2))
                .body("points[0].metrics.unsafe_blocks", equalTo(2)).body("points[0].metrics.doc_coverage", equalTo(100.0f))
                .body("points[0].metrics.code_lines", equalTo(null));
        given().queryParam("metric", "bogus").when().get("/api/v1/repositories/{id}/trends", history.repositoryId())
                .then().statusCode(400).body("detail", containsString("metric must be one of"));
        given().queryParam("from", "March").when().get("/api/v1/repositories/{id}/trends", history.repositoryId())
                .then().statusCode(400).body("detail", containsString("from must be a date"));
        given().when().get("/api/v1/repositories/{id}/trends", 999_999).then().statusCode(404);

        given().when().get("/api/v1/repositories/{id}/score", history.repositoryId()).then().statusCode(200)
                .body("score", equalTo(scores.get(2))).body("crates[0].name", equalTo("gated"));
        String justified = "ratings.find { it.kind == 'UNSAFE' }.parts.find { it.id == 'unsafe.justified' }.findings";
        JsonPath crate = given().when().get("/api/v1/crates/{id}", crateId).then().statusCode(200)
                .body(justified, hasSize(1))
                .body(justified + "[0].checkId", equalTo("undocumented_unsafe_block"))
                .body(justified + "[0].findings", equalTo(2))
                .body("fixes[0].checkId", equalTo("undocumented_unsafe_block")).extract().jsonPath();
        // The part's link lists exactly the findings it counts.
        given().when().get(crate.getString(justified + "[0].findingsUrl")).then().statusCode(200)
                .body("findings", hasSize(2)).body("findings.checkId", everyItem(equalTo("undocumented_unsafe_block")));
        given().when().get("/api/v1/crates/{id}", 999_999).then().statusCode(404);
    }

    @Test
    void theDefaultGateFailsOnNewUndocumentedUnsafeUntilItIsTriaged(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        given().when().get("/api/v1/repositories/{id}/gate", id).then().statusCode(200).body("isDefault", equalTo(true));

        String head = history.commits().getLast().name();
        JsonPath status = given().queryParam("commit", head).when().get("/api/v1/repositories/{id}/gate/status", id)
                .then().statusCode(200).body("status", equalTo("failed")).extract().jsonPath();
        assertEquals(1, status.getInt("verdict.newCode.byCheck.undocumented_unsafe_block"));
        assertEquals(1, status.getInt("verdict.newCode.metricsDelta.unsafe_blocks"));
        assertEquals("1", status.getString(UNDOCUMENTED_CONDITION + ".actual"));
        // The first commit has no baseline: nothing in it is new, and it passes.
        given().queryParam("commit", history.commits().getFirst().name())
                .when().get("/api/v1/repositories/{id}/gate/status", id).then().body("status", equalTo("passed"));

        String fingerprint = ScanFlowTest.findingsOf(history.scans().getLast())
                .getString("findings.findAll { it.checkId == 'undocumented_unsafe_block'"
                        + " && it.tracking == 'new' }[0].fingerprint");
        int scoreBefore = history.scans().getLast().getInt("score");
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                "reason", "the pointer comes from a slice we own"))
                .when().post("/api/v1/repositories/{id}/triage", id)
                .then().statusCode(201).body("markedBy", equalTo("maintainer")).body("active", equalTo(true));
        // The accepted finding is no longer new code, and the crate's grade (C, with one of its three
        // blocks undocumented) meets the default gate's: the gate passes.
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then()
                .body(UNDOCUMENTED_CONDITION + ".passed", equalTo(true))
                .body("verdict.conditions.find { it.condition.type == 'min_grade' }.actual", equalTo("C"))
                .body("status", equalTo("passed"));
        int scoreAfter = given().when().get("/api/v1/repositories/{id}/score", id).then().extract().jsonPath().getInt("score");
        assertTrue(scoreAfter > scoreBefore, scoreBefore + " -> " + scoreAfter);
        given().when().get("/api/v1/repositories/{id}/triage", id).then().body("fingerprint", equalTo(List.of(fingerprint)));

        given().when().delete("/api/v1/repositories/{id}/triage/{fp}", id, fingerprint).then().statusCode(204);
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then()
                .body(UNDOCUMENTED_CONDITION + ".passed", equalTo(false));
        given().when().delete("/api/v1/repositories/{id}/triage/{fp}", id, fingerprint).then().statusCode(404);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("fingerprint", fingerprint, "status", "ok",
                "reason", "r"), Map.of("fingerprint", fingerprint, "status", "accepted"))) {
            given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/repositories/{id}/triage", id)
                    .then().statusCode(400);
        }
        // The author is who is signed in: a client that names one is told so, and nothing is marked.
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                "reason", "r", "by", "someone else")).when().post("/api/v1/repositories/{id}/triage", id)
                .then().statusCode(400).body("detail", containsString("\"by\" is not accepted"));
        given().when().get("/api/v1/repositories/{id}/triage", id).then().body("$", hasSize(0));
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", "nope", "status", "accepted", "reason", "r"))
                .when().post("/api/v1/repositories/{id}/triage", id).then().statusCode(404);
    }

    @Test
    void aTriageMarkThatExpiredNoLongerHidesTheFinding(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        String fingerprint = ScanFlowTest.findingsOf(history.scans().getLast())
                .getString("findings.findAll { it.checkId == 'undocumented_unsafe_block'"
                        + " && it.tracking == 'new' }[0].fingerprint");
        Map<String, Object> mark = Map.of("fingerprint", fingerprint, "status", "accepted", "reason", "until the rewrite");
        Map<String, Object> untilLater = new HashMap<>(mark);
        untilLater.put("expiresAt", "2099-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(untilLater).when().post("/api/v1/repositories/{id}/triage", id)
                .then().statusCode(201).body("active", equalTo(true));
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then()
                .body(UNDOCUMENTED_CONDITION + ".passed", equalTo(true));

        Map<String, Object> expired = new HashMap<>(mark);
        expired.put("expiresAt", "2020-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(expired).when().post("/api/v1/repositories/{id}/triage", id)
                .then().statusCode(201).body("active", equalTo(false));
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then()
                .body(UNDOCUMENTED_CONDITION + ".passed", equalTo(false))
                .body(UNDOCUMENTED_CONDITION + ".actual", equalTo("1"));
    }

    @Test
    void theGateIsPendingWhileTheFirstScanRunsThenJudged(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", lib(1)));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), LoopbackGitServer.Mode.HOLD)) {
            long id = register(server.url());
            given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(404)
                    .body("detail", containsString("no scan of that branch"));
            long scanId = ScanFlowTest.startScan(id);
            given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                    .body("status", equalTo("pending")).body("scanId", equalTo((int) scanId))
                    .body("verdict", equalTo(null));
            server.release();
            assertEquals("succeeded", awaitScan(scanId).getString("status"));
            given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                    .body("scanId", equalTo((int) scanId)).body("status", equalTo("passed"));
        }
    }

    /**
     * More CI jobs wait for a verdict than the server has worker threads (200): a page still gets
     * one while they all wait, and each hears the verdict once the scan is stored.
     */
    @Test
    void hundredsOfWaitingCiJobsLeavePagesTheirThreadsAndAllHearTheVerdict(@TempDir Path dir) throws Exception {
        int jobs = 250;
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", lib(1)));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), LoopbackGitServer.Mode.HOLD);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            long id = register(server.url());
            long scanId = ScanFlowTest.startScan(id);
            URI status = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/repositories/" + id
                    + "/gate/status?wait=300");
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                waiting.add(client.sendAsync(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString()));
            }
            // Give the requests time to arrive; without virtual threads the page below would then
            // queue behind them until the scan ends.
            Thread.sleep(3000);
            given().when().get("/api/v1/repositories/{id}", id).then().statusCode(200);
            assertEquals(0, waiting.stream().filter(CompletableFuture::isDone).count(),
                    "the page was answered while every job still waited");
            server.release();
            assertEquals("succeeded", awaitScan(scanId).getString("status"));
            for (CompletableFuture<HttpResponse<String>> job : waiting) {
                HttpResponse<String> answer = job.get(60, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                JsonPath verdict = new JsonPath(answer.body());
                assertEquals("passed", verdict.getString("status"));
                assertEquals(scanId, verdict.getLong("scanId"));
            }
        }
    }

    @Test
    void scanningTheHeadAgainKeepsItsNewFindingsAndItsVerdict(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        JsonPath head = history.scans().getLast();
        JsonPath before = given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                .body("status", equalTo("failed")).body(UNDOCUMENTED_CONDITION + ".passed", equalTo(false))
                .extract().jsonPath();
        // As a nightly schedule or "Scan now" does: the same commit, analysed alike, copied in the database.
        JsonPath again = awaitScan(ScanFlowTest.startScan(id));
        assertEquals(head.getString("commit"), again.getString("commit"));
        assertEquals(head.getInt("findingsNew"), again.getInt("findingsNew"));
        assertEquals(head.getString("previousScanId"), again.getString("previousScanId"));
        assertEquals(ScanFlowTest.trackingByFingerprint(head), ScanFlowTest.trackingByFingerprint(again));
        JsonPath after = given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(again.getLong("id"), after.getLong("verdict.scanId"), "the verdict is on the rescan");
        assertEquals(before.getString("status"), after.getString("status"));
        assertEquals(before.getList("verdict.conditions"), after.getList("verdict.conditions"));
    }

    /**
     * Only a branch's newest scan is scored again when a triage mark changes: a rescan of an older
     * commit, which copies that commit's earlier scan, is scored with the marks in force now.
     */
    @Test
    void aRescanOfAnOlderCommitIsScoredWithTheTriageMarksInForceNow(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        JsonPath older = history.scans().get(1);
        String fingerprint = ScanFlowTest.findingsOf(older).getString("findings.findAll {"
                + " it.checkId == 'undocumented_unsafe_block' && it.tracking == 'new' }[0].fingerprint");
        accept(id, fingerprint);
        int staleScore = scoreOf(older.getLong("id"));
        assertEquals(older.getInt("score"), staleScore, "the older scan is not the newest: not scored again");

        JsonPath rescan = rescan(id, history.commits().get(1).name());
        assertEquals(0, rescan.getInt("filesAnalyzed"), "copied from the commit's earlier scan");
        assertTrue(rescan.getInt("score") > staleScore,
                "the accepted block no longer counts: " + rescan.getInt("score") + " against " + staleScore);
    }

    /**
     * A rescan of a commit whose earlier scan was scored with the triage marks still in force gets
     * that scan's scores, crate by crate, ratings and all; one mark more, and it is scored again.
     */
    @Test
    void aRescanGetsItsEarlierScansScoresWhileTheTriageMarksInForceAreTheSame(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        JsonPath head = history.scans().getLast();
        JsonPath rescan = rescan(id, history.commits().getLast().name());
        assertEquals(0, rescan.getInt("filesAnalyzed"), "copied from the commit's earlier scan");
        assertEquals(head.getInt("score"), rescan.getInt("score"));
        assertEquals(head.getString("grade"), rescan.getString("grade"));
        assertEquals(head.getList("crates.name"), rescan.getList("crates.name"));
        assertEquals(head.getList("crates.score"), rescan.getList("crates.score"));
        assertEquals(head.getList("crates.ratings"), rescan.getList("crates.ratings"));

        String fingerprint = ScanFlowTest.findingsOf(rescan).getString("findings.findAll {"
                + " it.checkId == 'undocumented_unsafe_block' && !it.inTestCode }[0].fingerprint");
        accept(id, fingerprint);
        int scored = scoreOf(rescan.getLong("id"));
        JsonPath again = rescan(id, history.commits().getLast().name());
        assertEquals(scored, again.getInt("score"), "scored with the new mark, as the newest scan was");
        assertTrue(again.getInt("score") > head.getInt("score"), "the accepted block no longer counts");
    }

    private static void accept(long repositoryId, String fingerprint) {
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                "reason", "reviewed")).when().post("/api/v1/repositories/{id}/triage", repositoryId).then()
                .statusCode(201);
    }

    private static int scoreOf(long scanId) {
        return given().when().get("/api/v1/scans/{id}", scanId).then().statusCode(200).extract().jsonPath()
                .getInt("score");
    }

    private static JsonPath rescan(long repositoryId, String commit) throws InterruptedException {
        JsonPath rescan = awaitScan(given().contentType(ContentType.JSON).body(Map.of("branch", "main", "commit", commit))
                .when().post("/api/v1/repositories/{id}/scans", repositoryId).then().statusCode(202).extract()
                .jsonPath().getLong("id"));
        assertEquals("succeeded", rescan.getString("status"), rescan.getString("error"));
        return rescan;
    }

    @Test
    void aMarkThatLapsesLeavesTheStoredScoreAndVerdict(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        long scanId = history.scans().getLast().getLong("id");
        String fingerprint = given().when().get("/api/v1/scans/{id}/findings?limit=500", scanId).then()
                .extract().jsonPath().getString("findings.findAll { it.checkId == 'undocumented_unsafe_block'"
                        + " && it.tracking == 'new' }[0].fingerprint");
        int scoreWithout = storedScore(id);
        Instant lapses = Instant.now().plusSeconds(3);
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                "reason", "until the rewrite", "expiresAt", lapses.toString()))
                .when().post("/api/v1/repositories/{id}/triage", id).then().statusCode(201).body("active", equalTo(true));
        assertEquals(true, storedVerdict(scanId).get("passed"), "the mark is counted in the stored verdict");
        assertTrue(storedScore(id) > scoreWithout, "and in the stored score");

        expiry.refreshLapsed();
        assertEquals(true, storedVerdict(scanId).get("passed"), "a mark that has not lapsed yet stays counted");
        Thread.sleep(Math.max(0, Instant.now().until(lapses, ChronoUnit.MILLIS)) + 500);
        expiry.refreshLapsed();
        Map<String, Object> lapsed = storedVerdict(scanId);
        assertEquals(false, lapsed.get("passed"), "the lapsed mark no longer hides the finding");
        assertEquals(scoreWithout, storedScore(id), "the score is the one without the mark again");
        expiry.refreshLapsed();
        assertEquals(lapsed, storedVerdict(scanId), "a lapse is dealt with once, not at every check");
    }

    private int storedScore(long repositoryId) {
        return given().when().get("/api/v1/repositories/{id}/score", repositoryId).then().statusCode(200)
                .extract().jsonPath().getInt("score");
    }

    /** The stored verdict on a scan: whether it passed and when it was judged. */
    private Map<String, Object> storedVerdict(long scanId) {
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) entityManager.createNativeQuery(
                "select passed, evaluated_at::text as evaluated_at from gate_result where scan_id = ?1", Tuple.class)
                .setParameter(1, scanId).getSingleResult());
        return Map.of("passed", row.get("passed"), "evaluatedAt", row.get("evaluated_at"));
    }

    /** What the database holds for a repository: its scans, crate snapshots, findings, verdicts and triage marks. */
    private String storedRows(long repositoryId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select concat_ws(' / ',
                    (select string_agg(s::text, '|' order by s.id) from scan s where s.repository_id = ?1),
                    (select string_agg(c::text, '|' order by c.id) from crate_snapshot c
                        join scan s on s.id = c.scan_id where s.repository_id = ?1),
                    (select count(*) || ' findings' from finding f join scan s on s.id = f.scan_id where s.repository_id = ?1),
                    (select string_agg(g::text, '|' order by g.scan_id) from gate_result g
                        join scan s on s.id = g.scan_id where s.repository_id = ?1),
                    (select string_agg(t::text, '|' order by t.fingerprint) from finding_triage t where t.repository_id = ?1))""")
                .setParameter(1, repositoryId).getSingleResult());
    }

    @Test
    void readingTheGateWritesNothing(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        long scanId = history.scans().getLast().getLong("id");
        String before = storedRows(id);
        given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200);
        given().when().get("/api/v1/scans/{id}/gate", scanId).then().statusCode(200);
        given().when().get("/api/v1/repositories/{id}/badge/gate.svg", id).then().statusCode(200);
        given().when().get("/repositories/{id}", id).then().statusCode(200);
        given().when().get("/").then().statusCode(200);
        assertEquals(before, storedRows(id));
    }

    /**
     * Against the previous scan the new code is read from the stored counts of the findings tracked
     * as new; against any other baseline, by comparing fingerprints. With the previous scan named as
     * the baseline both say the same, before and after a triage mark takes a new finding out.
     */
    @Test
    void theNewCodeFromStoredCountsIsTheNewCodeFromFingerprints(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        JsonPath defaults = given().when().get("/api/v1/repositories/{id}/gate", id).then().statusCode(200)
                .extract().jsonPath();
        List<Object> conditions = defaults.getList("conditions");
        long previous = history.scans().get(1).getLong("id");
        Map<String, Object> fromCounts = newCode(id);
        assertEquals(previous, ((Number) fromCounts.get("baselineScanId")).longValue());

        given().contentType(ContentType.JSON).body(Map.of("conditions", conditions, "baseline", "scan",
                "baselineValue", String.valueOf(previous))).when().put("/api/v1/repositories/{id}/gate", id)
                .then().statusCode(200);
        assertEquals(fromCounts, newCode(id));

        String fingerprint = ScanFlowTest.findingsOf(history.scans().getLast())
                .getString("findings.findAll { it.checkId == 'undocumented_unsafe_block'"
                        + " && it.tracking == 'new' }[0].fingerprint");
        accept(id, fingerprint);
        Map<String, Object> triagedFromFingerprints = newCode(id);
        assertEquals(((Number) fromCounts.get("newFindings")).longValue() - 1,
                ((Number) triagedFromFingerprints.get("newFindings")).longValue());

        given().contentType(ContentType.JSON).body(Map.of("conditions", conditions, "baseline", defaults.getString("baseline")))
                .when().put("/api/v1/repositories/{id}/gate", id).then().statusCode(200);
        assertEquals(triagedFromFingerprints, newCode(id));
    }

    private static Map<String, Object> newCode(long repositoryId) {
        return given().when().get("/api/v1/repositories/{id}/gate/status", repositoryId).then().statusCode(200)
                .extract().jsonPath().getMap("verdict.newCode");
    }

    @Test
    void aCustomGateWithAGradeAndADateBaseline(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        given().contentType(ContentType.JSON).body(Map.of("conditions", List.of(Map.of("type", "min_grade", "grade", "A"),
                Map.of("type", "doc_coverage_not_lower")), "baseline", "date", "baselineValue", "2026-03-02"))
                .when().put("/api/v1/repositories/{id}/gate", id)
                .then().statusCode(200).body("isDefault", equalTo(false)).body("baseline", equalTo("date"));
        JsonPath status = given().when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("failed", status.getString("status"));
        assertEquals(history.scans().getFirst().getLong("id"), status.getLong("verdict.baselineScanId"));
        assertEquals(List.of(false, true), status.getList("verdict.conditions.passed"));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("conditions", List.of(Map.of("type", "min_grade", "grade", "Z"))),
                Map.of("conditions", List.of(Map.of("type", "no_new_findings", "check", "no_such_check"))),
                Map.of("conditions", List.of(Map.of("type", "sometimes"))),
                Map.of("conditions", List.of(), "baseline", "scan", "baselineValue", "999999"),
                Map.of("conditions", List.of(), "baseline", "date", "baselineValue", "soon"))) {
            given().contentType(ContentType.JSON).body(bad).when().put("/api/v1/repositories/{id}/gate", id)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().queryParam("commit", "abcdef").when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(404);
        given().queryParam("commit", "not-hex").when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(400);
    }

    @Test
    void badgesShowTheGradeAndTheGate(@TempDir Path dir) throws Exception {
        History history = history(dir);
        long id = history.repositoryId();
        String grade = history.scans().getLast().getString("grade");
        var response = given().when().get("/api/v1/repositories/{id}/badge/grade.svg", id).then().statusCode(200)
                .contentType("image/svg+xml").header("Cache-Control", containsString("max-age=300"))
                .body(containsString(">" + grade + " (")).extract();
        given().header("If-None-Match", response.header("ETag")).when().get("/api/v1/repositories/{id}/badge/grade.svg", id)
                .then().statusCode(304);
        given().when().get("/api/v1/repositories/{id}/badge/gate.svg", id).then().statusCode(200)
                .body(containsString(">failed<")).body(containsString("#e05d44"));
        given().when().get("/api/v1/repositories/{id}/badge/grade.svg", 999_999).then().statusCode(404)
                .contentType("image/svg+xml").body(containsString("unknown"));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Markup.escape("a <b> & \"c\""));
    }
}
