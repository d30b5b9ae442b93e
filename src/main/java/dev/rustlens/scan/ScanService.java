package dev.rustlens.scan;

import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryUrls;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/** Queues scans; the workers pick them up. */
@ApplicationScoped
public class ScanService {

    private final ScanWorkers workers;
    private final EntityManager entityManager;

    public ScanService(ScanWorkers workers, EntityManager entityManager) {
        this.workers = workers;
        this.entityManager = entityManager;
    }

    /**
     * Queues a scan of a branch's head or of one of its commits (the default branch's head for
     * {@link ScanRequest#DEFAULT_BRANCH_HEAD}), or returns the scan of it that is already queued or
     * running: there is at most one at a time. A running scan whose worker died is queued again
     * first, so the scan returned is always one that will end.
     */
    public Optional<ScanView> enqueue(long repositoryId, Scan.Trigger trigger, ScanRequest request) {
        workers.recoverStale();
        Optional<ScanView> scan = enqueueInTransaction(repositoryId, trigger, request);
        scan.ifPresent(queued -> workers.signal());
        return scan;
    }

    /**
     * Queues a history backfill of a branch (the repository's default branch when null): a worker
     * fetches the branch, picks the commits and queues their scans, leaving out commits already
     * scanned or queued. The request itself never waits for a fetch.
     *
     * @return the queued backfill; empty when the repository does not exist
     */
    public Optional<BackfillRunner.BackfillView> backfill(long repositoryId, String branch,
            BackfillCommits.Selection selection) {
        Optional<BackfillRunner.BackfillView> queued = QuarkusTransaction.requiringNew()
                .call(() -> queueBackfill(repositoryId, branch, selection));
        queued.ifPresent(backfill -> workers.signal()); // after the commit, so that the worker finds it
        return queued;
    }

    private Optional<BackfillRunner.BackfillView> queueBackfill(long repositoryId, String branch,
            BackfillCommits.Selection selection) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        requireGit(repository);
        String scannedBranch = branch == null || branch.isBlank() ? repository.defaultBranch : branch.strip();
        if (!RepositoryUrls.isValidBranch(scannedBranch)) {
            throw new BadRequest(Echo.quoted(scannedBranch) + " is not a valid branch name");
        }
        Backfill backfill = new Backfill();
        backfill.repository = repository;
        backfill.branch = scannedBranch;
        switch (selection) {
            case BackfillCommits.Last last -> backfill.lastCommits = last.count();
            case BackfillCommits.Every every -> {
                backfill.every = every.period().name();
                backfill.since = every.since();
            }
        }
        backfill.status = Backfill.Status.queued;
        backfill.persist();
        return Optional.of(BackfillRunner.BackfillView.of(backfill, List.of()));
    }

    /** Queues the scans of a backfill's commits, leaving out those scanned or queued already. */
    @Transactional
    List<Scan> queueCommits(Backfill backfill, List<BackfillCommits.Commit> commits) {
        GitRepository repository = GitRepository.findById(backfill.repository.id);
        String branch = backfill.branch;
        Set<String> known = Scan.scannedOrPendingCommits(repository, branch);
        List<Scan> queued = new ArrayList<>();
        for (BackfillCommits.Commit commit : commits) {
            if (known.contains(commit.sha())) {
                continue;
            }
            Scan scan = new Scan();
            scan.repository = repository;
            scan.branch = branch;
            scan.requestedCommit = commit.sha();
            scan.trigger = Scan.Trigger.backfill;
            scan.backfillId = backfill.id;
            scan.status = Scan.Status.queued;
            scan.queuedAt = OffsetDateTime.now();
            scan.persist();
            queued.add(scan);
        }
        return queued;
    }

    /** Queues the scan of an archive just uploaded to an archive repository. */
    @Transactional
    public ScanView enqueueArchive(long repositoryId, String sha256) {
        GitRepository repository = GitRepository.findById(repositoryId);
        Scan scan = new Scan();
        scan.repository = repository;
        scan.branch = repository.defaultBranch;
        scan.requestedCommit = sha256;
        scan.trigger = Scan.Trigger.api;
        scan.status = Scan.Status.queued;
        scan.queuedAt = OffsetDateTime.now();
        scan.persist();
        workers.signal();
        return ScanView.summary(scan);
    }

    /** Archive repositories are scanned when an archive is uploaded; there is no branch to fetch. */
    static void requireGit(GitRepository repository) {
        if (repository.kind != GitRepository.Kind.git) {
            throw new ClientErrorException("repository '" + repository.name + "' is fed by uploaded archives: upload"
                    + " one to /api/v1/repositories/" + repository.id + "/archives to scan it", Response.Status.CONFLICT);
        }
    }

    /** What a cancel request found. */
    public enum CancelOutcome {
        CANCELLED, ALREADY_ENDED, NOT_FOUND
    }

    /** What a cancel request found, and the scan as cancelled ({@code null} unless it was). */
    public record Cancellation(CancelOutcome outcome, ScanView scan) {
    }

    /**
     * Cancels a queued or running scan. A running scan's worker sees the status at its next
     * heartbeat and stops; whatever it had computed is not stored. The scan's row is locked, as
     * the worker's store locks it: a cancel and a store never both see the scan running.
     */
    @Transactional
    public Cancellation cancel(long scanId) {
        Scan scan = Scan.findById(scanId, LockModeType.PESSIMISTIC_WRITE);
        if (scan == null) {
            return new Cancellation(CancelOutcome.NOT_FOUND, null);
        }
        if (!scan.status.active()) {
            return new Cancellation(CancelOutcome.ALREADY_ENDED, null);
        }
        scan.status = Scan.Status.cancelled;
        scan.finishedAt = OffsetDateTime.now();
        scan.error = "cancelled on request";
        workers.cancelled(scanId);
        return new Cancellation(CancelOutcome.CANCELLED, ScanView.summary(scan));
    }

    /**
     * Queues a scan unless one of the same branch head or commit is active. The unique indexes
     * {@code scan_one_active_per_branch_key} and {@code scan_one_active_per_commit_key} decide,
     * not a check before the insert: of two simultaneous requests, the second waits for the first
     * to commit, inserts nothing and then finds the first one's scan.
     */
    @Transactional
    Optional<ScanView> enqueueInTransaction(long repositoryId, Scan.Trigger trigger, ScanRequest request) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        requireGit(repository);
        ScanRequest wanted = request.resolvedFor(repository);
        // The active scan may end between the insert that met it and the look-up: then insert again.
        while (true) {
            Optional<Scan> queued = entityManager.unwrap(Session.class).createNativeQuery("""
                    insert into scan (repository_id, branch, requested_commit, target_branch, pull_request, trigger,
                        status, queued_at)
                    values (?1, ?2, cast(?3 as text), cast(?4 as text), cast(?5 as text), ?6, 'queued', now())
                    on conflict do nothing returning id""", Long.class)
                    .setParameter(1, repository.id).setParameter(2, wanted.branch()).setParameter(3, wanted.commit())
                    .setParameter(4, wanted.target()).setParameter(5, wanted.pullRequest())
                    .setParameter(6, trigger.name()).getResultList().stream().findFirst().map(id -> Scan.<Scan>findById(id));
            Optional<Scan> scan = queued.isPresent() ? queued
                    : wanted.commit() == null ? Scan.findActive(repository, wanted.branch())
                    : Scan.findActiveOfCommit(repository, wanted.branch(), wanted.commit());
            if (scan.isPresent()) {
                return scan.map(ScanView::summary);
            }
        }
    }
}
