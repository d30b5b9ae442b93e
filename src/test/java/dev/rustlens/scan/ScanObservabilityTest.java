package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real scans of a git repository, watched from outside: the one log line of each ended scan, the
 * metrics at {@code /q/metrics} and the scan's {@code durationMillis}.
 */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
class ScanObservabilityTest {

    private static final Pattern LOGGED_PHASE = Pattern.compile(" (\\w+)=(\\d+)ms");

    @Test
    void aScanLogsItsPhasesAndCountsThemInTheMetrics(@TempDir Path dir) throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
                // nothing buffered
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        Logger logger = Logger.getLogger(ScanMetrics.class.getName());
        logger.addHandler(capture);
        try (Git git = ScanFlowTest.workspace(dir)) {
            long repositoryId = register(TestRepositories.url(git));
            JsonPath first = awaitScan(startScan(repositoryId));
            assertEquals("succeeded", first.getString("status"), first.getString("error"));
            String metricsBefore = metrics();

            // One file changed, to content no earlier run has seen (a miss); the other is a hit.
            TestRepositories.commit(git, Map.of("crates/beta/src/lib.rs", ScanFlowTest.BETA_LIB + "\n// "
                    + UUID.randomUUID() + "\n"), "change beta");
            long scanId = startScan(repositoryId);
            JsonPath scan = awaitScan(scanId);
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));

            String line = awaitLine(logged, "scan " + scanId + " succeeded: ");
            Map<String, Long> phases = new HashMap<>();
            Matcher matcher = LOGGED_PHASE.matcher(line);
            while (matcher.find()) {
                phases.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
            for (String phase : List.of("total", "queue", "fetch", "analysis", "store", "score", "gate", "publish")) {
                assertTrue(phases.containsKey(phase), phase + " is missing from: " + line);
            }
            assertTrue(scan.getInt("filesAnalyzed") > 0 && scan.getInt("filesReused") > 0);
            assertTrue(line.contains(" files_analyzed=" + scan.getInt("filesAnalyzed") + " files_reused="
                    + scan.getInt("filesReused") + " crates=2 "), line);
            long duration = scan.getLong("durationMillis");
            // Every phase but the queue wait and the commit itself ran between the claim and the stamp.
            assertTrue(duration >= phases.get("fetch") + phases.get("analysis") + phases.get("store")
                    + phases.get("score") + phases.get("gate"),
                    "durationMillis " + duration + " runs from the claim to the commit: " + line);

            String metricsAfter = metrics();
            assertTrue(sample(metricsAfter, "rustlens_scan_phase_seconds_count", "phase=\"publish\"",
                    "outcome=\"succeeded\"") > sample(metricsBefore, "rustlens_scan_phase_seconds_count",
                    "phase=\"publish\"", "outcome=\"succeeded\""), metricsAfter);
            assertTrue(sample(metricsAfter, "rustlens_result_cache_lookups_total", "result=\"hit\"")
                    > sample(metricsBefore, "rustlens_result_cache_lookups_total", "result=\"hit\""));
            assertTrue(sample(metricsAfter, "rustlens_result_cache_lookups_total", "result=\"miss\"")
                    > sample(metricsBefore, "rustlens_result_cache_lookups_total", "result=\"miss\""));
            // The unchanged file's result came from the first scan's, kept in memory.
            assertTrue(sample(metricsAfter, "rustlens_result_cache_memory_hits_total")
                    > sample(metricsBefore, "rustlens_result_cache_memory_hits_total"), metricsAfter);
            assertTrue(sample(metricsAfter, "rustlens_scan_files_count", "source=\"reused\"") > 0);
            assertTrue(sample(metricsAfter, "rustlens_scan_findings_sum") > 0);
            // NaN when the database could not be asked
            assertTrue(metricsAfter.contains("\nrustlens_scan_queue_depth "), metricsAfter);
            assertTrue(sample(metricsAfter, "rustlens_scan_queue_depth") >= 0, "the queue was counted");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void pageAndApiLatencyIsTaggedByTemplateNotById() {
        given().when().get("/api/v1/scans/{id}", 987_654_321).then().statusCode(404);
        given().when().get("/api/v1/repositories").then().statusCode(200);
        given().when().get("/no-such-page-5551234").then().statusCode(404);
        String metrics = metrics();
        assertTrue(sample(metrics, "http_server_requests_seconds_count", "uri=\"/api/v1/repositories\"") > 0, metrics);
        assertFalse(metrics.contains("987654321"), "a raw id became a tag");
        assertFalse(metrics.contains("5551234"), "an unknown path became a tag");
    }

    @Test
    void metricsNeedAnAdmin() {
        given().auth().none().when().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(TestTokens.ADMIN).when().get("/q/metrics").then().statusCode(200);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of {@code name} that carry all these labels; 0 when there is none. */
    private static double sample(String metrics, String name, String... labels) {
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            if (List.of(labels).stream().allMatch(series::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The scan's log line, written just after its commit: the client may see the scan end first. */
    private static String awaitLine(List<String> logged, String start) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : logged) {
                if (line != null && line.startsWith(start)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line starting with '" + start + "' in " + logged);
    }
}
