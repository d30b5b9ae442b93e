package dev.rustlens.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    @Inject
    ScanStore store;

    @Inject
    ScanService scans;

    @Inject
    FailedScans failedScans;

    /** Records the {@link ScanFailed} events, as webhooks observe them. */
    @ApplicationScoped
    public static class FailedScans {
        private final List<ScanFailed> seen = new CopyOnWriteArrayList<>();

        void on(@Observes ScanFailed failed) {
            seen.add(failed);
        }

        /** Read through a method: the injected client proxy's own fields are not the bean's. */
        List<ScanFailed> seen() {
            return List.copyOf(seen);
        }
    }

    private List<Long> queueScans(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GitRepository repository = TestRepositories.registered("queue-");
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
            while ((next = queue.claim("test-worker-" + Thread.currentThread().getName(), "test-instance")).isPresent()) {
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

    /** Marks a queued scan running on {@code instance}, at its {@code attempt}, with a heartbeat {@code age} old. */
    private void running(long id, String instance, int attempt, String age) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update scan set status = 'running', instance_id = ?2, worker = ?2 || '/old-run/worker-1', attempt = ?3,
                    started_at = now(), heartbeat_at = now() - cast(?4 as interval) where id = ?1""")
                .setParameter(1, id).setParameter(2, instance).setParameter(3, attempt).setParameter(4, age)
                .executeUpdate());
    }

    /** Claims until {@code id} is claimed; scans of other tests claimed on the way are put back. */
    private void claimOwn(long id, String worker, String instance) {
        List<Long> others = new ArrayList<>();
        for (Optional<Long> next = queue.claim(worker, instance); !next.equals(Optional.of(id));
                next = queue.claim(worker, instance)) {
            others.add(next.orElseThrow(() -> new AssertionError("scan " + id + " was not in the queue")));
        }
        if (!others.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    update scan set status = 'queued', worker = null, instance_id = null, attempt = attempt - 1
                    where id in (?1)""").setParameter(1, others).executeUpdate());
        }
    }

    private Scan reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>findById(id));
    }

    @Test
    void aRestartedInstanceQueuesAgainTheScansItWasRunningUntilTheirAttemptsAreUsedUp() {
        List<Long> ids = queueScans(3);
        String instance = "restarted-" + UUID.randomUUID();
        running(ids.get(0), instance, 1, "0 s");
        running(ids.get(1), instance, 3, "0 s");
        running(ids.get(2), "another-" + UUID.randomUUID(), 1, "0 s");
        assertEquals(2, queue.recoverInstance(instance, 3, "a crash, kill or power loss"));

        Scan requeued = reload(ids.get(0));
        assertEquals(Scan.Status.queued, requeued.status);
        assertEquals(1, requeued.attempt);
        assertEquals("the rustlens instance running this scan stopped (a crash, kill or power loss); it was queued"
                + " again", requeued.error);
        Scan exhausted = reload(ids.get(1));
        assertEquals(Scan.Status.failed, exhausted.status);
        assertEquals("the rustlens instance running this scan stopped 3 times (a crash, kill or power loss); see the"
                + " server log, then scan again", exhausted.error);
        assertEquals(List.of(exhausted.error), failedScans.seen().stream().filter(seen -> seen.scanId() == ids.get(1))
                .map(ScanFailed::error).toList(), "a scan failed for good is told of as any failed scan");
        assertTrue(failedScans.seen().stream().noneMatch(seen -> seen.scanId() == ids.get(0)), "a requeued one is not");
        assertEquals(Scan.Status.running, reload(ids.get(2)).status, "another instance's scan is left alone");

        claimOwn(ids.get(0), "new-worker", instance);
        assertEquals(2, reload(ids.get(0)).attempt, "the claim counts one more attempt");
    }

    @Test
    void aScanQueuedAgainIsNotEndedByItsOldWorker() {
        long id = queueScans(1).getFirst();
        String instance = "instance-" + UUID.randomUUID();
        running(id, instance, 1, "1 hour");
        queue.recoverStale(Duration.ofSeconds(30), 3, Duration.ofMinutes(10));
        claimOwn(id, "new-worker", instance);
        store.fail(id, instance + "/old-run/worker-1", null, "a late failure of the dead worker");
        assertEquals(Scan.Status.running, reload(id).status, "only the new worker ends the scan");
        store.fail(id, "new-worker", null, "the new worker's own failure");
        assertEquals("the new worker's own failure", reload(id).error);
    }

    @Test
    void scanNowQueuesAgainADeadScanInsteadOfReturningIt() {
        long id = queueScans(1).getFirst();
        running(id, "dead-" + UUID.randomUUID(), 1, "1 hour");
        long repositoryId = QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>findById(id).repository.id);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update scan set branch = 'main' where id = ?1").setParameter(1, id).executeUpdate());
        ScanView returned = scans.enqueue(repositoryId, Scan.Trigger.manual, ScanRequest.DEFAULT_BRANCH_HEAD).orElseThrow();
        assertEquals(id, returned.id());
        assertEquals(Scan.Status.queued.name(), returned.status(), "the dead scan is queued again, not handed back running");
    }

    @Test
    void simultaneousScanRequestsForOneBranchQueueOneScanAndAllGetIt() throws Exception {
        long repositoryId = QuarkusTransaction.requiringNew().call(() -> TestRepositories.registered("simultaneous-").id);
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        Callable<JsonPath> request = () -> {
            start.await();
            return given().auth().oauth2(TestTokens.ADMIN).when().post("/api/v1/repositories/{id}/scans", repositoryId)
                    .then().statusCode(202).extract().jsonPath();
        };
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(request));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<JsonPath> answer : answers) {
                JsonPath scan = answer.get(60, TimeUnit.SECONDS);
                assertEquals("queued", scan.getString("status"));
                ids.add(scan.getLong("id"));
            }
            assertEquals(1, ids.size(), "every request is answered with the same scan: " + ids);
        } finally {
            pool.shutdownNow();
        }
        long active = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from scan where repository_id = ?1 and status in ('queued', 'running')""")
                .setParameter(1, repositoryId).getSingleResult()).longValue());
        assertEquals(1, active, "one scan of the branch is queued");
    }

    @Test
    void theDatabaseRefusesASecondActiveScanOfABranch() {
        long id = queueScans(1).getFirst();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("""
                        insert into scan (repository_id, branch, trigger, status)
                        select repository_id, branch, 'api', 'queued' from scan where id = ?1""")
                        .setParameter(1, id).executeUpdate()));
        assertTrue(Stream.iterate((Throwable) refused, Objects::nonNull, Throwable::getCause)
                .anyMatch(cause -> cause instanceof SQLException sql && "23505".equals(sql.getSQLState())),
                "a unique violation: " + refused);
    }

    @Test
    void aRunningScanWithAStaleHeartbeatIsQueuedAgain() {
        long id = queueScans(1).getFirst();
        running(id, "stale-" + UUID.randomUUID(), 1, "1 hour");
        assertTrue(queue.recoverStale(Duration.ofSeconds(30), 3, Duration.ofMinutes(10)) >= 1);
        Scan scan = reload(id);
        assertEquals(Scan.Status.queued, scan.status);
        assertEquals("the rustlens instance running this scan stopped (no heartbeat for 30 s); it was queued again",
                scan.error);
    }

    @Test
    void aFreshHeartbeatKeepsAScanRunning() {
        long id = queueScans(1).getFirst();
        String instance = "alive-" + UUID.randomUUID();
        running(id, instance, 1, "1 hour");
        queue.heartbeat(List.of(id), instance);
        queue.recoverStale(Duration.ofSeconds(30), 3, Duration.ofMinutes(10));
        assertEquals(Scan.Status.running, reload(id).status);
    }

    /**
     * A scan being stored holds its row for the whole store: heartbeats and recovery pass it by
     * instead of waiting on it (and timing out, or queueing again a scan whose store is running),
     * and recovery finds it once the store has let go without ending it.
     */
    @Test
    void aScanWhoseRowIsHeldByItsStoreIsNeitherWaitedForNorQueuedAgain() throws Exception {
        long id = queueScans(1).getFirst();
        String instance = "storing-" + UUID.randomUUID();
        running(id, instance, 1, "1 hour");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService store = Executors.newSingleThreadExecutor();
        Future<?> storing = store.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select id from scan where id = ?1 for update").setParameter(1, id)
                    .getResultList();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(held.await(30, TimeUnit.SECONDS));
            queue.heartbeat(List.of(id), instance);
            queue.recoverStale(Duration.ofSeconds(30), 3, Duration.ofMinutes(10));
        } finally {
            release.countDown();
            storing.get(60, TimeUnit.SECONDS);
            store.shutdown();
        }
        assertEquals(Scan.Status.running, reload(id).status, "left alone while its store ran");
        assertTrue(queue.recoverStale(Duration.ofSeconds(30), 3, Duration.ofMinutes(10)) >= 1);
        assertEquals(Scan.Status.queued, reload(id).status, "its store ended without it: queued again");
    }
}
