package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.BackfillCommitsTest;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
public class BackfillTest {

    /** Requests a backfill, which answers at once (202), and waits until a worker has run it. */
    public static JsonPath backfill(long repositoryId, Map<String, Object> body) throws InterruptedException {
        long id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/repositories/{id}/backfill", repositoryId)
                .then().statusCode(202).header("Location", containsString("/api/v1/backfills/"))
                .body("status", equalTo("queued")).extract().jsonPath().getLong("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath backfill = given().when().get("/api/v1/backfills/{id}", id).then().statusCode(200).extract().jsonPath();
            if (!List.of("queued", "running").contains(backfill.getString("status"))) {
                return backfill;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("backfill " + id + " did not end within 60 s");
    }

    @Test
    void backfillsFiveCommitsIntoFiveSnapshotsWithEachCommitsCounts(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> commits = BackfillCommitsTest.history(git);
            long repositoryId = register(TestRepositories.url(git));

            JsonPath backfill = backfill(repositoryId, Map.of("last", 5));
            assertEquals("done", backfill.getString("status"), backfill.getString("error"));
            assertEquals(5, backfill.getInt("scansQueued"));
            List<Long> scanIds = backfill.getList("scanIds", Long.class);
            assertEquals(List.of("backfill", "backfill", "backfill", "backfill", "backfill"), scanIds.stream()
                    .map(scanId -> given().when().get("/api/v1/scans/{id}", scanId).then().extract().path("trigger"))
                    .toList());
            for (int i = 0; i < 5; i++) {
                JsonPath scan = awaitScan(scanIds.get(i));
                assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
                assertEquals(commits.get(i).name(), scan.getString("commit"));
                assertEquals(BackfillCommitsTest.TIMES.get(i), OffsetDateTime.parse(scan.getString("committedAt")).toInstant());
                assertEquals(i + 1, scan.getInt("crates[0].unsafeBlocks"), "unsafe blocks at commit " + (i + 1));
            }

            // Everything is scanned: a second backfill queues nothing.
            assertEquals(0, backfill(repositoryId, Map.of("last", 5)).getInt("scansQueued"));

            // A head scan of the newest commit compares with the scan of the commit before it, as its
            // backfilled scan did (not with the newest scan by id, nor that same commit's scan): it
            // tells the same new findings.
            JsonPath head = awaitScan(startScan(repositoryId));
            JsonPath backfilledHead = awaitScan(scanIds.get(4));
            assertEquals(scanIds.get(3).longValue(), head.getLong("previousScanId"));
            assertEquals(backfilledHead.getInt("findingsNew"), head.getInt("findingsNew"));
            assertEquals(ScanFlowTest.trackingByFingerprint(backfilledHead), ScanFlowTest.trackingByFingerprint(head));
        }
    }

    @Test
    void aHeadScannedBeforeItsHistoryIsComparedWithTheCommitBeforeItOnceThatIsScanned(@TempDir Path dir)
            throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> commits = BackfillCommitsTest.history(git);
            long repositoryId = register(TestRepositories.url(git));
            long headId = startScan(repositoryId);
            assertNull(awaitScan(headId).getString("previousScanId"), "nothing before it is scanned yet");

            JsonPath backfill = backfill(repositoryId, Map.of("last", 5));
            assertEquals(4, backfill.getInt("scansQueued"), "the head's commit is scanned already");
            for (long id : backfill.getList("scanIds", Long.class)) {
                assertEquals("succeeded", awaitScan(id).getString("status"));
            }
            long fourthId = given().when().get("/api/v1/repositories/{id}/scans", repositoryId).then().extract()
                    .jsonPath().param("sha", commits.get(3).name()).getLong("find { it.commit == sha }.id");
            JsonPath fourth = awaitScan(fourthId);
            JsonPath head = awaitScan(headId);
            assertEquals(fourth.getString("id"), head.getString("previousScanId"), "the head compares with commit 4 now");
            Set<String> before = Set.copyOf(ScanFlowTest.findingsOf(fourth).getList("findings.fingerprint", String.class));
            List<String> fingerprints = ScanFlowTest.findingsOf(head).getList("findings.fingerprint", String.class);
            List<String> tracking = ScanFlowTest.findingsOf(head).getList("findings.tracking", String.class);
            for (int i = 0; i < fingerprints.size(); i++) {
                assertEquals(before.contains(fingerprints.get(i)) ? "unchanged" : "new", tracking.get(i), fingerprints.get(i));
            }
            assertEquals(Set.copyOf(fingerprints).stream().filter(f -> !before.contains(f)).count(),
                    head.getInt("findingsNew"));
            assertTrue(head.getInt("findingsNew") < Set.copyOf(fingerprints).size(), "not everything is new any more");
        }
    }

    @Test
    void backfillsOneCommitPerMonth(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            List<RevCommit> commits = BackfillCommitsTest.history(git);
            long repositoryId = register(TestRepositories.url(git));
            JsonPath backfill = backfill(repositoryId, Map.of("every", "month", "since", "2026-01-01"));
            assertEquals("main", backfill.getString("branch"));
            assertEquals(2, backfill.getInt("scansQueued"));
            List<Long> queued = given().when().get("/api/v1/repositories/{id}/scans", repositoryId)
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
            for (long id : queued) {
                JsonPath scan = awaitScan(id);
                assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            }
            List<String> scanned = given().when().get("/api/v1/repositories/{id}/scans", repositoryId)
                    .then().extract().jsonPath().getList("commit");
            assertEquals(List.of(commits.get(4).name(), commits.get(2).name()), scanned);
        }
    }

    @Test
    void rejectsBadRequestsWithMessages(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long repositoryId = register(TestRepositories.url(git));
            for (Map<String, Object> body : List.<Map<String, Object>>of(
                    Map.of(), Map.of("last", 0), Map.of("last", 501), Map.of("last", 3, "every", "week"),
                    Map.of("every", "day", "since", "2026-01-01"), Map.of("every", "week"),
                    Map.of("every", "week", "since", "yesterday"), Map.of("last", 2, "branch", "../x"))) {
                given().contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/repositories/{id}/backfill", repositoryId)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("detail", containsString(" "));
            }
            JsonPath missing = backfill(repositoryId, Map.of("last", 2, "branch", "no-such-branch"));
            assertEquals("failed", missing.getString("status"));
            assertEquals("branch 'no-such-branch' does not exist in " + TestRepositories.url(git), missing.getString("error"));
            given().contentType(ContentType.JSON).body(Map.of("last", 2))
                    .when().post("/api/v1/repositories/{id}/backfill", 999_999)
                    .then().statusCode(404);
        }
    }
}
