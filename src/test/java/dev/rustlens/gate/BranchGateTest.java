package dev.rustlens.gate;

import static dev.rustlens.gate.QualityGateTest.MANIFEST;
import static dev.rustlens.gate.QualityGateTest.UNDOCUMENTED_CONDITION;
import static dev.rustlens.gate.QualityGateTest.lib;
import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.Branches;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch and pull-request analysis over real git histories: a branch is compared with its
 * merge-base on its target (scanned first when it has no scan), judged by the pull-request gate,
 * listed, and deleted; the verdict does not depend on the order of the scans.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class BranchGateTest {

    @Inject
    Branches branches;

    /** main: a crate with one undocumented unsafe block; feature-x adds one, main then adds two of its own. */
    record Forked(Git git, RevCommit base, RevCommit feature, RevCommit mainAfter) {
    }

    static Forked fork(Path dir) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        RevCommit base = TestRepositories.commitAt(git, files(1), "base", Instant.parse("2026-04-01T10:00:00Z"));
        git.checkout().setCreateBranch(true).setName("feature-x").call();
        RevCommit feature = TestRepositories.commitAt(git, files(2), "one more unsafe block",
                Instant.parse("2026-04-02T10:00:00Z"));
        git.checkout().setName("main").call();
        RevCommit mainAfter = TestRepositories.commitAt(git, files(3), "main moves on",
                Instant.parse("2026-04-03T10:00:00Z"));
        return new Forked(git, base, feature, mainAfter);
    }

    private static Map<String, String> files(int undocumented) {
        return Map.of("Cargo.toml", MANIFEST, "Cargo.lock", "version = 3\n", "src/lib.rs", lib(undocumented));
    }

    private static JsonPath scanBranch(long repositoryId, Map<String, String> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).extract().jsonPath();
    }

    @Test
    void aBranchScannedFirstWaitsForItsMergeBaseAndFailsThePullRequestGateOnItsNewUnsafeBlock(@TempDir Path dir)
            throws Exception {
        Forked history = fork(dir);
        try (Git git = history.git()) {
            long id = register(TestRepositories.url(git));
            JsonPath queued = scanBranch(id, Map.of("branch", "feature-x", "pullRequest", "7"));
            assertEquals("main", queued.getString("targetBranch"), "a branch is compared with the default branch");
            assertEquals("7", queued.getString("pullRequest"));
            JsonPath scanned = awaitScan(queued.getLong("id"));
            assertEquals("succeeded", scanned.getString("status"), scanned.getString("error"));
            assertEquals(history.feature().name(), scanned.getString("commit"));
            // The merge-base is the fork point, not main's head, which moved on with two more blocks.
            assertEquals(history.base().name(), scanned.getString("baseCommit"));

            // One call for CI: waits until the merge-base, which had no scan, is scanned and the branch judged.
            JsonPath status = given().queryParam("branch", "feature-x").queryParam("wait", 60)
                    .when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().statusCode(200).body("status", equalTo("failed")).extract().jsonPath();
            assertEquals("1", status.getString(UNDOCUMENTED_CONDITION + ".actual"), "only the block the branch added");
            JsonPath baseline = given().when().get("/api/v1/scans/{id}", status.getLong("verdict.baselineScanId"))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(history.base().name(), baseline.getString("commit"));
            assertEquals("baseline", baseline.getString("trigger"));
            assertEquals("main", baseline.getString("branch"));
            // The pull-request gate judges new code only: no grade, no benchmark condition.
            assertEquals(List.of("no_new_findings", "no_new_findings", "max_new_findings"),
                    status.getList("verdict.conditions.condition.type"));
            given().queryParam("scope", "pull_request").when().get("/api/v1/repositories/{id}/gate", id).then()
                    .statusCode(200).body("isDefault", equalTo(true)).body("baseline", equalTo("merge_base"));

            JsonPath rescanned = awaitScan(scanBranch(id, Map.of("branch", "feature-x", "pullRequest", "7")).getLong("id"));
            assertEquals(1, rescanned.getInt("findingsNew"), "a rescan tells the same new findings");
            given().queryParam("branch", "feature-x").when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().body("status", equalTo("failed")).body("scanId", equalTo(rescanned.getInt("id")))
                    .body(UNDOCUMENTED_CONDITION + ".actual", equalTo("1"));
            given().queryParam("commit", history.feature().name().substring(0, 12)).queryParam("branch", "feature-x")
                    .when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().statusCode(200).body("status", equalTo("failed")).body("branch", equalTo("feature-x"));
            given().queryParam("commit", history.feature().name()).queryParam("branch", "main")
                    .when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(404);

            JsonPath listed = given().when().get("/api/v1/repositories/{id}/branches", id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("main", "feature-x"), listed.getList("name"));
            assertEquals(List.of(true, false), listed.getList("isDefault"));
            assertEquals("failed", listed.getString("find { it.name == 'feature-x' }.gate"));
            assertEquals(history.base().name(), listed.getString("find { it.name == 'feature-x' }.baseCommit"));
            given().when().get("/api/v1/repositories/{id}/branches/remote", id).then().statusCode(200)
                    .body("$", equalTo(List.of("feature-x", "main")));

            given().when().delete("/api/v1/repositories/{id}/branches/{branch}", id, "main").then().statusCode(409);
            given().when().delete("/api/v1/repositories/{id}/branches/{branch}", id, "feature-x").then().statusCode(204);
            given().when().delete("/api/v1/repositories/{id}/branches/{branch}", id, "feature-x").then().statusCode(404);
            given().when().get("/api/v1/repositories/{id}/branches", id).then().body("name", equalTo(List.of("main")));
            given().queryParam("branch", "main").when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().statusCode(200).body("status", equalTo("passed"));
        }
    }

    @Test
    void theVerdictOfABranchIsTheSameWhenItsMergeBaseWasScannedFirst(@TempDir Path dir) throws Exception {
        Forked history = fork(dir);
        try (Git git = history.git()) {
            long id = register(TestRepositories.url(git));
            JsonPath base = awaitScan(scanBranch(id, Map.of("branch", "main", "commit", history.base().name())).getLong("id"));
            assertEquals("succeeded", base.getString("status"), base.getString("error"));
            assertEquals(history.base().name(), base.getString("commit"));
            // One call: queues the branch's scan, then waits for its verdict.
            JsonPath status = given().queryParam("branch", "feature-x").queryParam("target", "main")
                    .queryParam("wait", 60).when().post("/api/v1/repositories/{id}/gate/status", id)
                    .then().statusCode(200).body("status", equalTo("failed")).extract().jsonPath();
            assertEquals(base.getLong("id"), status.getLong("verdict.baselineScanId"), "compared with the scan made first");
            assertEquals("1", status.getString(UNDOCUMENTED_CONDITION + ".actual"));
            JsonPath scans = given().queryParam("limit", 10).when().get("/api/v1/repositories/{id}/scans", id)
                    .then().extract().jsonPath();
            assertEquals(2, scans.getList("id").size(), "the merge-base was not scanned again");

            // The branch gate passes once the pull-request gate allows the block (a maintainer's choice).
            given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                    .body(Map.of("conditions", List.of(Map.of("type", "max_new_findings", "severity", "CRITICAL",
                            "max", 5)))).when().put("/api/v1/repositories/{id}/gate", id)
                    .then().statusCode(200).body("scope", equalTo("pull_request")).body("baseline", equalTo("merge_base"));
            given().queryParam("branch", "feature-x").when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().body("status", equalTo("passed"));
            given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                    .body(Map.of("conditions", List.of(), "baseline", "previous_scan"))
                    .when().put("/api/v1/repositories/{id}/gate", id)
                    .then().statusCode(400).body("detail", containsString("merge-base"));
            given().queryParam("scope", "release").when().get("/api/v1/repositories/{id}/gate", id)
                    .then().statusCode(400).body("detail", containsString("scope must be main or pull_request"));
        }
    }

    @Test
    void badScanRequestsAreRefusedWithTheirReason(@TempDir Path dir) throws Exception {
        Forked history = fork(dir);
        try (Git git = history.git()) {
            long id = register(TestRepositories.url(git));
            for (Map<String, String> bad : List.of(Map.of("branch", "../etc"), Map.of("commit", "abc"),
                    Map.of("branch", "feature-x", "target", "feature-x"), Map.of("pullRequest", "7"))) {
                given().contentType(ContentType.JSON).body(bad).when().post("/api/v1/repositories/{id}/scans", id)
                        .then().statusCode(400).contentType("application/problem+json");
            }
            // A commit that is not on the branch fails its scan with the reason: main's history does not have it.
            JsonPath notOnBranch = awaitScan(scanBranch(id, Map.of("branch", "main", "commit", history.feature().name()))
                    .getLong("id"));
            assertEquals("failed", notOnBranch.getString("status"));
            assertEquals("commit " + history.feature().name() + " does not exist in " + TestRepositories.url(git),
                    notOnBranch.getString("error"));
            JsonPath missing = awaitScan(scanBranch(id, Map.of("branch", "no-such-branch")).getLong("id"));
            assertEquals("failed", missing.getString("status"));
            given().queryParam("wait", 601).when().get("/api/v1/repositories/{id}/gate/status", id)
                    .then().statusCode(400).body("detail", containsString("wait must be between 0 and 600"));
        }
    }

    @Test
    void branchesWithoutAScanForTheExpiryTimeAreDeletedButNeverTheDefaultBranch(@TempDir Path dir) throws Exception {
        Forked history = fork(dir);
        try (Git git = history.git()) {
            long id = register(TestRepositories.url(git));
            JsonPath scanned = awaitScan(scanBranch(id, Map.of("branch", "feature-x")).getLong("id"));
            assertEquals("succeeded", scanned.getString("status"), scanned.getString("error"));
            given().queryParam("branch", "feature-x").queryParam("wait", 60)
                    .when().get("/api/v1/repositories/{id}/gate/status", id).then().body("status", equalTo("failed"));
            branches.expire(Duration.ofDays(1));
            given().when().get("/api/v1/repositories/{id}/branches", id).then()
                    .body("name", equalTo(List.of("main", "feature-x")));
            branches.expire(Duration.ZERO);
            JsonPath left = given().when().get("/api/v1/repositories/{id}/branches", id).then().extract().jsonPath();
            assertEquals(List.of("main"), left.getList("name"));
            assertNull(left.getString("[0].target"));
        }
    }
}
