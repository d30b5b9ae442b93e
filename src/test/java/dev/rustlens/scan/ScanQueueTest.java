package dev.rustlens.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.GitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The queue on the real PostgreSQL, with this instance's own workers switched off. */
@QuarkusTest
@TestProfile(ScanQueueTest.NoWorkers.class)
class ScanQueueTest {

    /** No scan workers: the test claims the scans itself. */
    public static class NoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rustlens.scan.workers", "0");
        }
    }

    @Inject
    ScanQueue queue;

    @Inject
    EntityManager entityManager;

    private List<Long> queueScans(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GitRepository repository = new GitRepository();
            repository.name = "queue-" + UUID.randomUUID();
            repository.url = "https://example.com/x.git";
            repository.defaultBranch = "main";
            repository.persist();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Scan scan = new Scan();
                scan.repository = repository;
                scan.branch = "branch-" + i;
                scan.trigger = Scan.Trigger.api;
                scan.status = Scan.Status.queued;
                scan.queuedAt = OffsetDateTime.now();
                scan.persist();
                ids.add(scan.id);
            }
            return ids;
        });
    }

    @Test
    void twoWorkersClaimTenScansEachExactlyOnce() throws Exception {
        List<Long> queued = queueScans(10);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        Callable<Void> worker = () -> {
            Optional<Long> next;
            while ((next = queue.claim("test-worker-" + Thread.currentThread().getName())).isPresent()) {
                claimed.add(next.get());
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> runs = pool.invokeAll(List.of(worker, worker));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> ours = claimed.stream().filter(queued::contains).sorted().toList();
        assertEquals(queued, ours, "every queued scan is claimed exactly once");
        for (long id : queued) {
            assertEquals(Scan.Status.running, QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>findById(id).status));
        }
    }

    @Test
    void theOverviewShowsALiveProgressBarForAQueuedScan() {
        long scanId = queueScans(1).getFirst();
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<progress data-scan-events=\"/api/v1/scans/" + scanId + "/events\""), html);
        given().when().get("/static/scan-progress.js").then().statusCode(200);
    }

    @Test
    void aRunningScanWithAStaleHeartbeatIsFailed() {
        long id = queueScans(1).getFirst();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update scan set status = 'running', heartbeat_at = now() - interval '1 hour' where id = ?1")
                .setParameter(1, id).executeUpdate());
        assertTrue(queue.failStale(Duration.ofMinutes(2)) >= 1);
        Scan scan = QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>findById(id));
        assertEquals(Scan.Status.failed, scan.status);
        assertTrue(scan.error.startsWith("the worker running this scan stopped"), scan.error);
    }

    @Test
    void aFreshHeartbeatKeepsAScanRunning() {
        long id = queueScans(1).getFirst();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update scan set status = 'running', heartbeat_at = now() - interval '1 hour' where id = ?1")
                .setParameter(1, id).executeUpdate());
        queue.heartbeat(List.of(id));
        queue.failStale(Duration.ofMinutes(2));
        assertEquals(Scan.Status.running, QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>findById(id).status));
    }
}
