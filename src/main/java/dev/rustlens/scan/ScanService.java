package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Queues scans; the workers pick them up. */
@ApplicationScoped
public class ScanService {

    private final ScanWorkers workers;

    public ScanService(ScanWorkers workers) {
        this.workers = workers;
    }

    /**
     * Queues a scan of the repository's default branch, or returns the scan of that branch that
     * is already queued or running: there is at most one at a time.
     */
    public Optional<Scan> enqueue(long repositoryId, Scan.Trigger trigger) {
        Optional<Scan> scan = enqueueInTransaction(repositoryId, trigger);
        scan.ifPresent(queued -> workers.signal());
        return scan;
    }

    /** What a cancel request found. */
    public enum CancelOutcome {
        CANCELLED, ALREADY_ENDED, NOT_FOUND
    }

    /**
     * Cancels a queued or running scan. A running scan's worker sees the status at its next
     * heartbeat and stops; whatever it had computed is not stored.
     */
    @Transactional
    public CancelOutcome cancel(long scanId) {
        Scan scan = Scan.findById(scanId);
        if (scan == null) {
            return CancelOutcome.NOT_FOUND;
        }
        if (!scan.status.active()) {
            return CancelOutcome.ALREADY_ENDED;
        }
        scan.status = Scan.Status.cancelled;
        scan.finishedAt = OffsetDateTime.now();
        scan.error = "cancelled on request";
        return CancelOutcome.CANCELLED;
    }

    @Transactional
    Optional<Scan> enqueueInTransaction(long repositoryId, Scan.Trigger trigger) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        Optional<Scan> active = Scan.findActive(repository, repository.defaultBranch);
        if (active.isPresent()) {
            return active;
        }
        Scan scan = new Scan();
        scan.repository = repository;
        scan.branch = repository.defaultBranch;
        scan.trigger = trigger;
        scan.status = Scan.Status.queued;
        scan.queuedAt = OffsetDateTime.now();
        scan.persist();
        return Optional.of(scan);
    }
}
