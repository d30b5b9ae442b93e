package dev.rustlens.gate;

import dev.rustlens.scan.ScanFailed;
import dev.rustlens.scan.ScanStored;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Wakes the requests waiting for a repository's gate verdict once one of its scans is stored or
 * has failed (after the commit, so that they see it), instead of each asking the database again
 * and again: waiting CI jobs cost a parked virtual thread each, not a query every half second.
 */
@ApplicationScoped
public class VerdictSignals {

    private final Object monitor = new Object();
    /** How many times each repository's scans ended, guarded by {@link #monitor}. */
    private final Map<Long, Long> generations = new HashMap<>();

    /** A count that changes whenever a scan of the repository ends; read it before looking. */
    public long generation(long repositoryId) {
        synchronized (monitor) {
            return generations.getOrDefault(repositoryId, 0L);
        }
    }

    /**
     * Waits until a scan of the repository ends after {@code seen} was read, or {@code millis}
     * pass, whichever comes first.
     */
    public void awaitChange(long repositoryId, long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            long left;
            while (generations.getOrDefault(repositoryId, 0L) == seen
                    && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                monitor.wait(left);
            }
        }
    }

    void signal(long repositoryId) {
        synchronized (monitor) {
            generations.merge(repositoryId, 1L, Long::sum);
            monitor.notifyAll();
        }
    }

    void onScanStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
            ScanStored stored) {
        signal(stored.scan().repository.id);
    }

    void onScanFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
            ScanFailed failed) {
        signal(failed.repositoryId());
    }
}
