package dev.rustlens.scan;

import dev.rustlens.config.BackgroundPriority;
import dev.rustlens.config.InstanceIdentity;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.ArchiveStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The pool of scan workers of this instance. Each worker claims queued backfills and scans from
 * PostgreSQL and runs them; a timer sends heartbeats for running scans, notices scans cancelled on
 * other instances, and queues again scans whose worker died (on any instance). A running scan is
 * told to stop, whatever it is doing (fetching included), when it is cancelled, runs over its time
 * limit, or rustlens shuts down; at start-up the instance queues again what it was running when it
 * last stopped.
 */
@ApplicationScoped
public class ScanWorkers {

    private static final Logger LOG = Logger.getLogger(ScanWorkers.class);
    private static final long IDLE_POLL_MILLIS = 2000;
    /** How often running scans look for a cancel made on another instance. */
    private static final long CANCEL_POLL_MILLIS = 1000;
    /** How long a shutdown waits for workers to stop; SIGTERM must be done well within 30 s. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    /** Why a running scan must stop. */
    public enum StopReason {
        CANCELLED, TIME_LIMIT, SHUTDOWN
    }

    private final RustlensConfig config;
    private final ScanQueue queue;
    private final ScanRunner runner;
    private final BackfillRunner backfills;
    private final ArchiveStore archives;
    private final InstanceIdentity identity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workQueued = lock.newCondition();
    /** Running scans of this instance and when each started (nanoTime). */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    /** Running scans cancelled over the API: their workers stop within a moment. */
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService timer;
    private volatile boolean stopping;

    public ScanWorkers(RustlensConfig config, ScanQueue queue, ScanRunner runner, BackfillRunner backfills,
            ArchiveStore archives, InstanceIdentity identity) {
        this.config = config;
        this.queue = queue;
        this.runner = runner;
        this.backfills = backfills;
        this.archives = archives;
        this.identity = identity;
    }

    void start(@Observes StartupEvent event) {
        int recovered = queue.recoverInstance(identity.id(), config.scan().maxAttempts(),
                "a crash, kill or power loss");
        if (recovered > 0) {
            LOG.warnf("queued again (or failed after %d attempts) %d scan(s) this instance (%s) was running when it"
                    + " stopped", config.scan().maxAttempts(), recovered, identity.id());
        }
        archives.sweepOrphanedUploads();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rustlens-scan-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = config.scan().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::pollCancels, CANCEL_POLL_MILLIS, CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= config.scan().workers(); i++) {
            Thread worker = new Thread(this::work, "rustlens-scan-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Stops before the rest of the application (the analyzer, the database): running scans are
     * told to stop and queue themselves again; any still running after the wait are queued again
     * here, so that the next start of an instance runs them.
     */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        signal();
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (!running.isEmpty()) {
            try {
                queue.recoverInstance(identity.id(), config.scan().maxAttempts(), "rustlens shut down");
            } catch (RuntimeException e) {
                LOG.warn("could not queue the running scans again while shutting down; the next start does", e);
            }
        }
    }

    /** Tells this instance's worker running {@code scanId}, if any, to stop: the scan was cancelled. */
    public void cancelled(long scanId) {
        if (running.containsKey(scanId)) {
            cancelled.add(scanId);
        }
    }

    /** Wakes an idle worker: a scan was queued. */
    public void signal() {
        lock.lock();
        try {
            workQueued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        // A worker fetches, analyses and stores: background work, which pages and the API come before.
        BackgroundPriority.lowerCurrentThread(config.analysis().nice());
        String worker = identity.worker(Thread.currentThread().getName());
        while (!stopping) {
            try {
                Optional<Long> backfill = queue.claimBackfill(worker, identity.id());
                if (backfill.isPresent()) {
                    backfills.run(backfill.get(), () -> stopping);
                    continue;
                }
                Optional<Long> claimed = queue.claim(worker, identity.id());
                if (claimed.isPresent()) {
                    long scanId = claimed.get();
                    long started = System.nanoTime();
                    running.put(scanId, started);
                    try {
                        runner.run(scanId, worker, () -> stopReason(scanId, started));
                    } finally {
                        running.remove(scanId);
                        cancelled.remove(scanId);
                    }
                } else {
                    idle();
                }
            } catch (RuntimeException e) {
                // A database outage must not kill the worker: log, wait, try again.
                LOG.warn("scan worker could not claim work; retrying", e);
                idle();
            }
        }
    }

    private StopReason stopReason(long scanId, long startedNanos) {
        if (stopping) {
            return StopReason.SHUTDOWN;
        }
        if (cancelled.contains(scanId)) {
            return StopReason.CANCELLED;
        }
        return System.nanoTime() - startedNanos > config.scan().timeLimit().toNanos() ? StopReason.TIME_LIMIT : null;
    }

    private void idle() {
        lock.lock();
        try {
            if (!stopping) {
                workQueued.await(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void pollCancels() {
        if (running.isEmpty()) {
            return;
        }
        try {
            cancelled.addAll(queue.cancelledAmong(List.copyOf(running.keySet())));
        } catch (RuntimeException e) {
            LOG.debug("looking for cancelled scans failed; trying again in a second", e);
        }
    }

    private void tick() {
        try {
            queue.heartbeat(List.copyOf(running.keySet()), identity.id());
            recoverStale();
        } catch (RuntimeException e) {
            LOG.warn("scan heartbeat failed; retrying at the next beat", e);
        }
    }

    /** Queues again the scans of dead workers, on any instance; also run before "Scan now" looks for an active scan. */
    void recoverStale() {
        int stale = queue.recoverStale(config.scan().staleAfter(), config.scan().maxAttempts(),
                config.git().fetchBudget().plus(config.scan().staleAfter()));
        if (stale > 0) {
            LOG.warnf("queued again (or failed) %d scan(s) whose worker stopped sending heartbeats", stale);
        }
    }
}
