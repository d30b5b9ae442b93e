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
 * The pool of scan workers of this instance. Each worker claims queued scans from PostgreSQL and
 * runs them; a timer sends heartbeats for running scans, fails scans whose worker died (on any
 * instance), and stops scans that run over their time limit.
 */
@ApplicationScoped
public class ScanWorkers {

    private static final Logger LOG = Logger.getLogger(ScanWorkers.class);
    private static final long IDLE_POLL_MILLIS = 2000;

    private final RustlensConfig config;
    private final ScanQueue queue;
    private final ScanRunner runner;
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

    public ScanWorkers(RustlensConfig config, ScanQueue queue, ScanRunner runner) {
        this.config = config;
        this.queue = queue;
        this.runner = runner;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rustlens-scan-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = config.scan().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, heartbeat, TimeUnit.MILLISECONDS);
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
                Optional<Long> claimed = queue.claim(name);
                if (claimed.isPresent()) {
                    long scanId = claimed.get();
                    long started = System.nanoTime();
                    running.put(scanId, started);
                    try {
                        runner.run(scanId, () -> stopping || overdue(started) || cancelled.contains(scanId));
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

    private boolean overdue(long startedNanos) {
        return System.nanoTime() - startedNanos > config.scan().timeLimit().toNanos();
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

    private void tick() {
        try {
            List<Long> mine = List.copyOf(running.keySet());
            queue.heartbeat(mine);
            cancelled.addAll(queue.cancelledAmong(mine));
            int stale = queue.failStale(config.scan().staleAfter());
            if (stale > 0) {
                LOG.warnf("failed %d scan(s) whose worker stopped sending heartbeats", stale);
            }
        } catch (RuntimeException e) {
            LOG.warn("scan heartbeat failed; retrying at the next beat", e);
        }
    }
}
