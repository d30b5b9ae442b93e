package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.findingsOf;
import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.RecentTrend;
import dev.rustlens.scan.RecentTrends;
import dev.rustlens.trend.RepositoryReports;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The points the overview's sparklines draw and the changes its trend columns sort by, stored with
 * each repository, stay those of the trends the API gives after each event that changes a trend,
 * and the overview sorts by them.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class OverviewTrendChangesTest {

    private static final Path MIGRATION = Path.of("migrations/V38__Store_the_overview_sparklines.sql");
    private static final String MANIFEST = "[package]\nname = \"trend-probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    private static final String READ = "/// Reads.\npub fn first(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
    private static final String TWO_READS = READ + "\n/// Reads too.\npub fn second(p: *const u8) -> u8 {\n"
            + "    unsafe { *p.add(1) }\n}\n";

    @Inject
    RepositoryReports reports;

    @Inject
    RecentTrends trends;

    @Inject
    DataSource dataSource;

    /** A trend's two changes: of its scores and of its unsafe blocks, null without a value. */
    private record Changes(Integer score, Integer unsafeBlocks) {
    }

    /** Commit one: an unsafe read in module raw; commit two, a day later: a second one. */
    private static Map<String, String> files(String raw) {
        return Map.of("Cargo.toml", MANIFEST, "Cargo.lock", "version = 3\n",
                "src/lib.rs", "//! Demo.\npub mod raw;\npub mod api;\n", "src/raw.rs", raw,
                "src/api.rs", "/// Adds one.\npub fn next(x: u8) -> u8 {\n    x.wrapping_add(1)\n}\n");
    }

    @Test
    void theStoredChangesAreTheTrendsAfterEveryEventThatChangesThem(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.resolve("probe").toFile()).setInitialBranch("main").call();
                Git flat = TestRepositories.create(dir.resolve("flat"), files(READ))) {
            RevCommit one = TestRepositories.commitAt(git, files(READ), "one unsafe read",
                    Instant.parse("2026-04-01T10:00:00Z"));
            TestRepositories.commitAt(git, files(TWO_READS), "two unsafe reads", Instant.parse("2026-04-02T10:00:00Z"));
            git.branchCreate().setName("dev").setStartPoint(one).call();
            long id = register(TestRepositories.url(git));

            scan(id, Map.of("branch", "main", "commit", one.name()));
            Changes firstScan = assertStoredAsTheApi(id, "a first scan");
            assertEquals(new Changes(0, 0), firstScan, "one point");

            JsonPath second = scan(id, Map.of());
            Changes newScan = assertStoredAsTheApi(id, "a new scan");
            assertEquals(1, newScan.unsafeBlocks(), "a second unsafe read");
            assertNotEquals(0, newScan.score(), "the score moved: " + newScan);

            // The overview sorts by them: against a repository scanned once, whose trend is flat.
            long flatId = register(TestRepositories.url(flat));
            scan(flatId, Map.of());
            assertEquals(new Changes(0, 0), assertStoredAsTheApi(flatId, "a first scan"));
            assertOrdered("score-trend", newScan.score() < 0 ? List.of(id, flatId) : List.of(flatId, id));
            assertOrdered("unsafe-trend", List.of(flatId, id));

            // A rescan of the first commit with core modules that leave its unsafe read outside: the
            // commit's newer scan is its point, the first of the trend, with a lower score.
            given().contentType(ContentType.JSON).body(Map.of("coreModules", List.of("crate::api")))
                    .patch("/api/v1/repositories/{id}", id).then().statusCode(200);
            scan(id, Map.of("branch", "main", "commit", one.name()));
            Changes rescan = assertStoredAsTheApi(id, "a rescan of the first commit");
            assertNotEquals(newScan.score(), rescan.score(), "the first point's score changed");

            // A triage mark rescores the newest scan: the last point's score changes.
            String fingerprint = findingsOf(second).getString(
                    "findings.find { it.checkId == 'undocumented_unsafe_block' }.fingerprint");
            given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "false_positive",
                    "reason", "checked by hand")).post("/api/v1/repositories/{id}/triage", id).then().statusCode(201);
            Changes triaged = assertStoredAsTheApi(id, "a triage mark");
            assertNotEquals(rescan.score(), triaged.score(), "the last point's score changed");
            assertTheMigrationStoresTheSamePoints(id);

            // Another branch's scans are not the trend; the default branch's are, once it is the default.
            scan(id, Map.of("branch", "dev"));
            assertEquals(triaged, assertStoredAsTheApi(id, "a scan of another branch"));
            given().contentType(ContentType.JSON).body(Map.of("branch", "dev"))
                    .patch("/api/v1/repositories/{id}", id).then().statusCode(200);
            assertEquals(new Changes(0, 0), assertStoredAsTheApi(id, "dev as the default branch"), "one point");

            // The deleted scans of main leave the trend of dev as it was, and main, the default again, without one.
            given().when().delete("/api/v1/repositories/{id}/branches/main", id).then().statusCode(204);
            assertEquals(new Changes(0, 0), assertStoredAsTheApi(id, "main's scans deleted"));
            given().contentType(ContentType.JSON).body(Map.of("branch", "main"))
                    .patch("/api/v1/repositories/{id}", id).then().statusCode(200);
            assertEquals(new Changes(null, null), assertStoredAsTheApi(id, "main, without scans, the default again"));
        }
    }

    /** Scans the repository as {@code request} asks and waits until the scan has succeeded. */
    private static JsonPath scan(long repositoryId, Map<String, String> request) throws InterruptedException {
        long scanId = given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).extract().jsonPath().getLong("id");
        return awaitSuccess(scanId);
    }

    /** Asserts that the repository's stored changes are those of its trend in the API, and returns them. */
    private Changes assertStoredAsTheApi(long repositoryId, String after) {
        JsonPath trend = given().when().get("/api/v1/repositories/{id}/trends", repositoryId).then().statusCode(200)
                .extract().jsonPath();
        List<Integer> scores = recent(trend.getList("points.score", Integer.class));
        List<Integer> unsafeBlocks = recent(trend.getList("points.metrics.unsafe_blocks", Integer.class));
        Changes api = new Changes(change(scores), change(unsafeBlocks));
        RepositoryReports.Standing standing = reports.standings().stream()
                .filter(candidate -> candidate.repositoryId() == repositoryId).findFirst().orElseThrow();
        assertEquals(api, new Changes(standing.scoreTrendChange(), standing.unsafeBlocksTrendChange()), after);
        // The sparklines' stored points are the API's too.
        assertEquals(new RecentTrend(scores, unsafeBlocks),
                trends.of(List.of(repositoryId)).getOrDefault(repositoryId, RecentTrend.NONE), after);
        return api;
    }

    /** V38, which gave the trends stored before it their points, gives a trend the points it has. */
    private void assertTheMigrationStoresTheSamePoints(long repositoryId) throws Exception {
        RecentTrend stored = trends.of(List.of(repositoryId)).get(repositoryId);
        assertFalse(stored.scores().isEmpty(), "the trend has points: " + stored);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, sql.executeUpdate("update repository_trend set scores = '{}', unsafe_blocks = '{}'"
                    + " where repository_id = " + repositoryId));
            sql.execute(Files.readString(MIGRATION));
        }
        assertEquals(stored, trends.of(List.of(repositoryId)).get(repositoryId));
    }

    /** The values of the newest points the overview shows, those without a value left out. */
    private static List<Integer> recent(List<Integer> values) {
        return values.subList(Math.max(0, values.size() - RecentTrends.POINTS), values.size()).stream()
                .filter(Objects::nonNull).toList();
    }

    private static Integer change(List<Integer> values) {
        return values.isEmpty() ? null : values.getLast() - values.getFirst();
    }

    /** The repositories {@code lowestFirst} come in this order sorted by {@code sort} ascending, the other way descending. */
    private static void assertOrdered(String sort, List<Long> lowestFirst) {
        for (String order : List.of("asc", "desc")) {
            List<Long> shown = CratesPageTest.allPages("/?sort=" + sort + "&order=" + order).stream()
                    .map(CratesPageTest.OverviewRow::id).filter(lowestFirst::contains).toList();
            assertEquals(order.equals("asc") ? lowestFirst : lowestFirst.reversed(), shown, sort + " " + order);
        }
    }
}
