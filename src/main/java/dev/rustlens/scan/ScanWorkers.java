package dev.rustlens.scan;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
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
 * other instances, and fails scans whose worker died (on any instance). A running scan is told to
 * stop, whatever it is doing (fetching included), when it is cancelled, runs over its time limit,
 * or rustlens shuts down.
 */
@ApplicationScoped
public class ScanWorkers {

    private static final Logger LOG = Logger.getLogger(ScanWorkers.class);
    private static final long IDLE_POLL_MILLIS = 2000;
    /** How often running scans look for a cancel made on another instance. */
    private static final long CANCEL_POLL_MILLIS = 1000;

    /** Why a running scan must stop. */
    public enum StopReason {
        CANCELLED, TIME_LIMIT, SHUTDOWN
    }

    private final RustlensConfig config;
    private final ScanQueue queue;
    private final ScanRunner runner;
    private final BackfillRunner backfills;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workQueued = lock.newCondition();
    /** Running scans of this instance and when each started (nanoTime). */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    /** Running scans cancelled over the API: their workers stop at the next file. */
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService timer;
    private volatile boolean stopping;

    public ScanWorkers(RustlensConfig config, ScanQueue queue, ScanRunner runner, BackfillRunner backfills) {
        this.config = config;
        this.queue = queue;
        this.runner = runner;
        this.backfills = backfills;
    }

    void start(@Observes StartupEvent event) {
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

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        signal();
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (timer != null) {
            timer.shutdownNow();
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
        String name = instance + "/" + Thread.currentThread().getName();
        while (!stopping) {
            try {
                Optional<Long> backfill = queue.claimBackfill(name);
                if (backfill.isPresent()) {
                    backfills.run(backfill.get(), () -> stopping);
                    continue;
                }
                Optional<Long> claimed = queue.claim(name);
                if (claimed.isPresent()) {
                    long scanId = claimed.get();
                    long started = System.nanoTime();
                    running.put(scanId, started);
                    try {
                        runner.run(scanId, () -> stopReason(scanId, started));
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
            queue.heartbeat(List.copyOf(running.keySet()));
            int stale = queue.failStale(config.scan().staleAfter());
            if (stale > 0) {
                LOG.warnf("failed %d scan(s) whose worker stopped sending heartbeats", stale);
            }
        } catch (RuntimeException e) {
            LOG.warn("scan heartbeat failed; retrying at the next beat", e);
        }
    }
}
