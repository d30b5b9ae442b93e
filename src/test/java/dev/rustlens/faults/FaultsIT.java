package dev.rustlens.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.gitrepo.LoopbackGitServer.Mode;
import dev.rustlens.gitrepo.TestRepositories;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults driven against the packaged application, each instance a process of its own on loopback:
 * two instances starting together, SIGTERM and kill -9 in the middle of a scan and the restarts
 * after them, a time limit hit while a git server trickles, a git server that stalls, and a
 * database stalled behind a TCP proxy the test pauses. Each test has a schema of its own, derived
 * from RUSTLENS_TEST_SCHEMA.
 */
class FaultsIT {

    private static final String SCHEMA = System.getenv().getOrDefault("RUSTLENS_TEST_SCHEMA", "rustlens_test");
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Map<String, String> CRATE = Map.of(
            "Cargo.toml", "[package]\nname = \"faults\"\nversion = \"0.1.0\"\n",
            "src/lib.rs", "pub fn f(x: Option<u8>) -> u8 { x.unwrap() }\n");

    /** A schema of the test's own, dropped first, so that it starts empty. */
    private static String freshSchema(String suffix) throws SQLException {
        String schema = SCHEMA + "_" + suffix;
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        return schema;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(DATABASE, "postgres", System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
    }

    /** A scan's status, error and attempt read straight from the database (the instance may be down). */
    private static List<Object> scanRow(String schema, long scanId) throws SQLException {
        try (Connection connection = database();
                PreparedStatement select = connection.prepareStatement("select status, error, attempt from " + schema
                        + ".scan where id = ?")) {
            select.setLong(1, scanId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "scan " + scanId);
                return List.of(row.getString(1), String.valueOf(row.getString(2)), row.getInt(3));
            }
        }
    }

    private static long register(PackagedRustlens rustlens, String url) {
        return rustlens.api().contentType(ContentType.JSON).body(Map.of("name", "fault-" + UUID.randomUUID(), "url", url))
                .post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long scan(PackagedRustlens rustlens, long repositoryId) {
        return rustlens.api().post("/api/v1/repositories/{id}/scans", repositoryId).then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    /** Polls the scan until {@code done} holds (at most a minute). */
    private static JsonPath await(PackagedRustlens rustlens, long scanId, Predicate<JsonPath> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath scan;
        do {
            Thread.sleep(200);
            scan = rustlens.api().get("/api/v1/scans/{id}", scanId).then().extract().jsonPath();
        } while (!done.test(scan) && System.nanoTime() < deadline);
        return scan;
    }

    private static boolean ended(JsonPath scan) {
        return !List.of("queued", "running").contains(scan.getString("status"));
    }

    @Test
    void aShortAdminPasswordStopsTheStartWithOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        String schema = freshSchema("faults_password");
        try (PackagedRustlens rustlens = new PackagedRustlens("short-password", schema, dir.resolve("work"),
                Map.of("RUSTLENS_ADMIN_PASSWORD", "short"))) {
            rustlens.launch();
            assertTrue(rustlens.exitedWithin(120), "rustlens stops by itself");
            assertEquals(1, rustlens.exitValue());
            String log = rustlens.log();
            assertTrue(log.contains("rustlens cannot start: RUSTLENS_ADMIN_PASSWORD (rustlens.admin.password) must have"
                    + " at least 10 characters, not 5"), log);
            assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
        }
    }

    @Test
    void aFirstStartWithoutATokenWritesOneToTheWorkDirectory(@TempDir Path dir) throws Exception {
        String schema = freshSchema("faults_token");
        Path work = dir.resolve("work");
        try (PackagedRustlens rustlens = new PackagedRustlens("first-token", schema, work, Map.of())
                .without("RUSTLENS_ADMIN_TOKEN").start()) {
            Path tokenFile = work.resolve("admin-token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            String token = Files.readString(tokenFile).strip();
            given().baseUri(rustlens.base()).auth().oauth2(token).get("/api/v1/users")
                    .then().statusCode(200).body("username", equalTo(List.of("admin")));
            assertTrue(rustlens.log().contains("admin API token: export RUSTLENS_ADMIN_TOKEN=$(cat " + tokenFile + ")"),
                    rustlens.logTail());
        }
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseBothStartWithOneAdmin(@TempDir Path dir) throws Exception {
        String schema = freshSchema("faults_boot");
        try (PackagedRustlens first = new PackagedRustlens("boot-a", schema, dir.resolve("a"), Map.of());
                PackagedRustlens second = new PackagedRustlens("boot-b", schema, dir.resolve("b"), Map.of())) {
            first.launch();
            second.launch();
            first.awaitReady();
            second.awaitReady();
            for (PackagedRustlens instance : List.of(first, second)) {
                instance.api().get("/api/v1/users").then().statusCode(200).body("username", equalTo(List.of("admin")));
            }
            first.terminate();
            second.terminate();
            assertTrue(first.exitedWithin(30) && second.exitedWithin(30));
        }
    }

    @Test
    void aScanInterruptedBySigtermThenKillMinus9ResumesAndSucceeds(@TempDir Path dir) throws Exception {
        String schema = freshSchema("faults_restart");
        try (Git git = TestRepositories.create(dir.resolve("origin"), CRATE);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.HOLD)) {
            PackagedRustlens rustlens = new PackagedRustlens("restart", schema, dir.resolve("work"), Map.of()).start();
            long scanId;
            try {
                scanId = scan(rustlens, register(rustlens, server.url()));
                assertTrue(server.awaitRequests(1, 30), "the scan is fetching");
                rustlens.terminate();
                assertTrue(rustlens.exitedWithin(30), "SIGTERM is done within 30 s:\n" + rustlens.logTail());
            } finally {
                rustlens.close();
            }
            assertEquals(List.of("queued", "rustlens shut down while this scan ran; it was queued again", 0),
                    scanRow(schema, scanId), "queued again, the attempt not counted");

            rustlens = new PackagedRustlens("restart", schema, dir.resolve("work"), Map.of()).start();
            try {
                assertTrue(server.awaitRequests(2, 60), "the restarted instance runs the scan again:\n" + rustlens.logTail());
                rustlens.kill();
            } finally {
                rustlens.close();
            }
            assertEquals(List.of("running", "null", 1), scanRow(schema, scanId), "left running by the dead instance");

            server.release();
            rustlens = new PackagedRustlens("restart", schema, dir.resolve("work"), Map.of()).start();
            try {
                JsonPath scan = await(rustlens, scanId, FaultsIT::ended);
                assertEquals("succeeded", scan.getString("status"), scan.getString("error") + "\n" + rustlens.logTail());
                assertEquals(2, scan.getInt("attempt"), "the crash counted, the shutdown did not");
                assertEquals(git.getRepository().resolve("HEAD").name(), scan.getString("commit"));
                rustlens.terminate();
                assertTrue(rustlens.exitedWithin(30));
            } finally {
                rustlens.close();
            }
        }
    }

    @Test
    void fetchDeadlinesHoldAndAStalledDatabaseGivesA503(@TempDir Path dir) throws Exception {
        String schema = freshSchema("faults_deadlines");
        try (Git git = TestRepositories.create(dir.resolve("origin"), CRATE);
                LoopbackGitServer trickling = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.TRICKLE);
                LoopbackGitServer stalling = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.STALL);
                StallingProxy proxy = new StallingProxy(5432);
                PackagedRustlens rustlens = new PackagedRustlens("deadlines", schema, dir.resolve("work"), Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port()
                                + "/postgres?currentSchema=" + schema + "&reWriteBatchedInserts=true",
                        "RUSTLENS_DATABASE_SOCKET_TIMEOUT_SECONDS", "3",
                        "RUSTLENS_SCAN_TIME_LIMIT", "4s",
                        "RUSTLENS_GIT_FETCH_BUDGET", "10m")).start()) {
            JsonPath overTime = await(rustlens, scan(rustlens, register(rustlens, trickling.url())), FaultsIT::ended);
            assertEquals("failed", overTime.getString("status"));
            assertEquals("the scan ran over its time limit of 4 s (rustlens.scan.time-limit)", overTime.getString("error"));
            assertTrue(trickling.awaitClientGone(10), "the trickling fetch was cut off");

            JsonPath stalled = await(rustlens, scan(rustlens, register(rustlens, stalling.url())), FaultsIT::ended);
            assertEquals("failed", stalled.getString("status"));
            assertEquals("cannot clone " + stalling.url() + ": the server did not answer in time"
                    + " (rustlens.outbound.connect-timeout, read-timeout)", stalled.getString("error"));

            // Warm connections in the pool: a stall may then hit a query on one of them, not a new connection.
            for (int i = 0; i < 5; i++) {
                rustlens.api().get("/api/v1/repositories").then().statusCode(200);
            }
            proxy.pause();
            // The first requests meet a pooled connection that stalls, the later ones wait for a new
            // connection until the pool gives up: every one is a 503, never a 500.
            for (int round = 0; round < 2; round++) {
                Response unavailable = rustlens.api().get("/api/v1/repositories");
                assertEquals(503, unavailable.statusCode(), unavailable.asString() + "\n" + rustlens.logTail());
                unavailable.then().header("Retry-After", notNullValue())
                        .body("detail", equalTo("the database is unavailable or too slow right now; try again shortly"));
                Response page = rustlens.api().auth().none().get("/");
                assertEquals(503, page.statusCode(), page.asString() + "\n" + rustlens.logTail());
                page.then().contentType(ContentType.HTML).body(containsString("the database is unavailable"));
            }
            proxy.resume();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status;
            do {
                Thread.sleep(500);
                status = rustlens.api().get("/api/v1/repositories").statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status, "the server recovers with the database:\n" + rustlens.logTail());
            rustlens.terminate();
            assertTrue(rustlens.exitedWithin(30));
        }
    }
}
