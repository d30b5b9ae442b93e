package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.gitrepo.LoopbackGitServer.Mode;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches from git servers on loopback that stall, trickle or hold requests: a fetch never holds a
 * worker or a request beyond its deadlines, and a cancel ends it at once. The test profile has a
 * 2 s read timeout and a 20 s fetch budget.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class FetchDeadlinesTest {

    private static final Map<String, String> CRATE = Map.of(
            "Cargo.toml", "[package]\nname = \"deadline\"\nversion = \"0.1.0\"\n", "src/lib.rs", "pub fn f() {}\n");

    /** Requests that must answer at once get 10 s before the test calls them hung. */
    private static final RestAssuredConfig PROMPT = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));

    @Test
    void aStallingServerFailsTheScanWithATimeoutThatSaysSo(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, CRATE);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.STALL)) {
            JsonPath scan = awaitScan(startScan(register(server.url())));
            assertEquals("failed", scan.getString("status"));
            assertEquals("cannot clone " + server.url() + ": the server did not answer in time"
                    + " (rustlens.outbound.connect-timeout, read-timeout)", scan.getString("error"));
        }
    }

    @Test
    void aCancelEndsAFetchThatATricklingServerKeepsAlive(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, CRATE);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.TRICKLE)) {
            long scanId = startScan(register(server.url()));
            while (server.requests() == 0) {
                Thread.sleep(50);
            }
            given().when().post("/api/v1/scans/{id}/cancel", scanId).then().statusCode(200)
                    .body("status", equalTo("cancelled"));
            // Well before the 20 s fetch budget would close it.
            assertTrue(server.awaitClientGone(10), "the cancelled fetch closed its connection");
            try (Git other = TestRepositories.create(dir.resolve("other"), CRATE)) {
                JsonPath next = awaitScan(startScan(register(TestRepositories.url(other))));
                assertEquals("succeeded", next.getString("status"), "the worker is free again: " + next.getString("error"));
            }
            assertEquals("cancelled", awaitScan(scanId).getString("status"));
        }
    }

    @Test
    void aBackfillAnswersAtOnceAndFetchesOnAWorker(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, CRATE);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.HOLD)) {
            long repositoryId = register(server.url());
            long backfillId = given().config(PROMPT).contentType(ContentType.JSON).body(Map.of("last", 1))
                    .when().post("/api/v1/repositories/{id}/backfill", repositoryId)
                    .then().statusCode(202).body("status", equalTo("queued")).extract().jsonPath().getLong("id");
            assertTrue(server.awaitRequests(1, 10), "a worker is fetching");
            given().config(PROMPT).when().get("/api/v1/backfills/{id}", backfillId).then().statusCode(200)
                    .body("status", equalTo("running"));
            server.release();
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonPath backfill;
            do {
                Thread.sleep(100);
                backfill = given().when().get("/api/v1/backfills/{id}", backfillId).then().extract().jsonPath();
            } while (!backfill.getString("status").equals("done") && System.nanoTime() < deadline);
            assertEquals("done", backfill.getString("status"), backfill.getString("error"));
            assertEquals("succeeded", awaitScan(backfill.getLong("scanIds[0]")).getString("status"));
        }
    }
}
