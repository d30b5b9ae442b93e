package dev.rustlens.scan;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.dependencies.DependencyGraph;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.dependencies.ResolvedPackage;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.database.DatabaseErrors;
import dev.rustlens.gitrepo.ArchiveStore;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.gitrepo.CredentialCipher;
import dev.rustlens.gitrepo.DiskFull;
import dev.rustlens.gitrepo.GitCommitTree;
import dev.rustlens.gitrepo.GitMirror.FetchStopped;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import dev.rustlens.gitrepo.GitMirror;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.ScanPhases.Outcome;
import dev.rustlens.scan.ScanPhases.Phase;
import dev.rustlens.scan.ScanWorkers.StopReason;
import dev.rustlens.supply.DependencyAnalyses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.jboss.logging.Logger;

/**
 * Runs one claimed scan: fetch the branch, analyse its head commit (reusing the cached results of
 * unchanged files), store the result. A branch scan with a target fetches the target too and
 * records the merge-base, its baseline commit, queueing a scan of that commit when it has none.
 */
@ApplicationScoped
public class ScanRunner {

    private static final Logger LOG = Logger.getLogger(ScanRunner.class);
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final Duration STORE_RETRY_BACKOFF = Duration.ofSeconds(1);
    /** How much longer than one package's time limit the scan waits for its dependency analyses. */
    private static final long DEPENDENCY_GRACE_MILLIS = 5_000;

    private final GitMirror mirror;
    private final AnalysisEngine engine;
    private final ScanStore store;
    private final ScanQueue queue;
    private final FileResultStore fileResults;
    private final ArchiveStore archives;
    private final CredentialCipher cipher;
    private final RustlensConfig config;
    private final ScanMetrics metrics;
    private final DependencyAnalyses dependencyAnalyses;

    public ScanRunner(GitMirror mirror, AnalysisEngine engine, ScanStore store, ScanQueue queue,
            FileResultStore fileResults, ArchiveStore archives, CredentialCipher cipher, RustlensConfig config,
            ScanMetrics metrics, DependencyAnalyses dependencyAnalyses) {
        this.config = config;
        this.dependencyAnalyses = dependencyAnalyses;
        this.metrics = metrics;
        this.fileResults = fileResults;
        this.archives = archives;
        this.cipher = cipher;
        this.mirror = mirror;
        this.engine = engine;
        this.store = store;
        this.queue = queue;
    }

    /** What a scan needs to know of its repository, read before any slow work starts. */
    record Job(long scanId, long repositoryId, GitRepository.Kind kind, String url, Credentials credentials,
            String branch, String requestedCommit, String targetBranch, OffsetDateTime queuedAt,
            OffsetDateTime claimedAt, List<String> coreModules) {
    }

    @Transactional
    Job job(long scanId) {
        Scan scan = Scan.findById(scanId);
        GitRepository repository = scan.repository;
        Credentials credentials = repository.credentials == null ? null : cipher.decrypt(repository.credentials);
        return new Job(scan.id, repository.id, repository.kind, repository.url, credentials, scan.branch,
                scan.requestedCommit, scan.targetBranch, scan.queuedAt, scan.startedAt,
                List.copyOf(repository.coreModules));
    }

    /**
     * Runs the scan, claimed by {@code worker}, to its end; never throws. {@code stop} is polled
     * while fetching and as files complete, and says when and why the scan must give up (cancel,
     * time limit, shutdown). Only the claiming worker's results are stored: a scan queued again
     * meanwhile (its worker was taken for dead) belongs to its new worker. When it ends, it is
     * logged and counted with its phases ({@link ScanMetrics}).
     */
    public void run(long scanId, String worker, Supplier<StopReason> stop) {
        ScanPhases phases = new ScanPhases(scanId, System::nanoTime);
        phases.begin(Phase.FETCH);
        // Failed unless the attempt says otherwise: it throws only when even recording a failure failed.
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = attempt(scanId, worker, stop, phases);
        } finally {
            phases.stop();
            metrics.ended(phases, outcome);
        }
    }

    private Outcome attempt(long scanId, String worker, Supplier<StopReason> stop, ScanPhases phases) {
        String commit = null;
        try {
            Job job = job(scanId);
            phases.add(Phase.QUEUE, Duration.between(job.queuedAt(), job.claimedAt()).toNanos());
            if (job.kind() == GitRepository.Kind.archive) {
                // An uploaded archive: its digest stands for the commit, its upload time for the commit time.
                commit = job.requestedCommit();
                Path root = archives.sourceRoot(job.repositoryId(), commit);
                return analyzeAndStore(scanId, job.repositoryId(), worker, new DirectorySourceTree(root, true), commit,
                        job.queuedAt(), job.coreModules(), stop, phases);
            }
            ObjectId targetHead = job.targetBranch() == null ? null : fetchHead(job, job.targetBranch(), stop);
            try (GitMirror.Fetched fetched = mirror.fetch(job.repositoryId(), job.url(), job.branch(), job.credentials(),
                    () -> stop.get() != null);
                    RevWalk walk = new RevWalk(fetched.repository())) {
                RevCommit head = job.requestedCommit() == null ? walk.parseCommit(fetched.head())
                        : commitOnBranch(walk, fetched, job);
                commit = head.name();
                if (targetHead != null) {
                    String base = mergeBase(walk, head, targetHead, job).name();
                    queue.recordBase(scanId, worker, base, job.targetBranch());
                }
                return analyzeAndStore(scanId, job.repositoryId(), worker, new GitCommitTree(fetched.repository(), head),
                        commit, committedAt(head), job.coreModules(), stop, phases);
            }
        } catch (FetchStopped | ScanStopped e) {
            return stopped(scanId, worker, commit, stop.get());
        } catch (GitFailure | ManifestException | ArchiveStore.UploadMissing e) {
            return fail(scanId, worker, commit, e.getMessage(), stop);
        } catch (IOException e) {
            LOG.warnf(e, "scan %d: reading the repository failed", scanId);
            return fail(scanId, worker, commit, DiskFull.causes(e) ? "this server's disk is full"
                    : "cannot read the repository's files; the server log has the details", stop);
        } catch (RuntimeException e) {
            LOG.errorf(e, "scan %d failed unexpectedly", scanId);
            return fail(scanId, worker, commit, DatabaseErrors.trouble(e)
                    .map(trouble -> "storing the results failed: " + DatabaseErrors.describe(trouble))
                    .orElse("an internal error stopped this scan; the server log has the details"), stop);
        }
    }

    /** Ends a scan that was told to stop, saying why. */
    private Outcome stopped(long scanId, String worker, String commit, StopReason reason) {
        return switch (reason) {
            case SHUTDOWN -> {
                queue.requeue(scanId, worker, "rustlens shut down while this scan ran; it was queued again");
                yield Outcome.REQUEUED;
            }
            case TIME_LIMIT -> fail(scanId, worker, commit, "the scan ran over its time limit of "
                    + config.scan().timeLimit().toSeconds() + " s (rustlens.scan.time-limit)", () -> null);
            // A cancelled scan keeps its status: fail() only ends scans that are still active.
            case CANCELLED -> {
                fail(scanId, worker, commit, "cancelled on request", () -> null);
                yield Outcome.CANCELLED;
            }
            case null -> fail(scanId, worker, commit, "the scan was stopped", () -> null);
        };
    }

    private Outcome fail(long scanId, String worker, String commit, String error, Supplier<StopReason> stop) {
        withRetries(scanId, stop, () -> {
            store.fail(scanId, worker, commit, error);
            return null;
        });
        return Outcome.FAILED;
    }

    private Outcome analyzeAndStore(long scanId, long repositoryId, String worker, SourceTree tree, String commit,
            OffsetDateTime committedAt, List<String> coreModules, Supplier<StopReason> stop, ScanPhases phases)
            throws IOException, ManifestException {
        String version = engine.catalogue().analyzerVersion();
        Optional<Outcome> copied = withRetries(scanId, stop, () -> store.succeedAsPrevious(scanId, worker, commit,
                committedAt, version, coreModules, phases));
        if (copied.isPresent()) {
            return copied.get(); // the same commit, analysed by the same analyzer: its results are already stored
        }
        phases.begin(Phase.ANALYSIS);
        List<SourceFile> rustFiles = tree.files().stream().filter(file -> file.path().endsWith(".rs")).toList();
        phases.rustBytes(rustFiles.stream().mapToLong(SourceFile::size).sum());
        FileResultStore.ScanCache cache = fileResults.load(repositoryId, rustFiles.stream().map(SourceFile::contentId).toList(),
                version);
        // The dependencies are read from the lock files first, so that their sources are fetched and
        // analysed (once per package version for the server) beside the repository's own files.
        List<DependencyGraph> dependencies = engine.analyzer().dependencies(tree);
        CompletableFuture<?> exposure = dependencyAnalyses.analyseAsync(registryPackages(dependencies), tree,
                engine.analyzer(), version, () -> stop.get() != null);
        long[] lastReport = {0};
        AnalysisResult result = engine.analyzer().analyze(tree, coreModules, cache, (done, total) -> {
            if (stop.get() != null) {
                throw new ScanStopped();
            }
            long now = System.nanoTime();
            if (done == total || now - lastReport[0] > PROGRESS_INTERVAL_NANOS) {
                lastReport[0] = now;
                progress(scanId, worker, done, total);
            }
        });
        phases.handled(result.filesAnalyzed(), result.filesReused(), result.crates().size(),
                result.crates().stream().mapToLong(crate -> crate.findings().size()).sum());
        awaitDependencyAnalyses(scanId, exposure);
        return withRetries(scanId, stop, () -> store.succeed(scanId, worker, commit, committedAt, result, dependencies,
                cache, version, coreModules, phases));
    }

    /** The locked registry packages of every lock file, each once: those whose sources can be analysed. */
    private static List<LockedPackage> registryPackages(List<DependencyGraph> graphs) {
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        for (DependencyGraph graph : graphs) {
            for (ResolvedPackage resolved : graph.packages()) {
                LockedPackage locked = resolved.locked();
                if (locked.source().kind() == PackageSource.Kind.REGISTRY) {
                    packages.putIfAbsent(locked.key(), locked);
                }
            }
        }
        return List.copyOf(packages.values());
    }

    /**
     * Waits for the dependency analyses a little past the repository's own analysis: each package
     * is bounded by its own time limit, and one still running then goes on in the background and
     * fills the server's cache, so a slow registry never holds back the scan's results.
     */
    private void awaitDependencyAnalyses(long scanId, CompletableFuture<?> exposure) {
        try {
            exposure.get(config.dependencies().timeout().toMillis() + DEPENDENCY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.infof("scan %d: dependency analyses still run; they are stored when they end", scanId);
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "scan %d: analysing the dependencies failed", scanId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanStopped();
        }
    }

    /** Progress is only shown: a database hiccup while recording it must not fail the scan. */
    private void progress(long scanId, String worker, int done, int total) {
        try {
            queue.progress(scanId, worker, done, total);
        } catch (RuntimeException e) {
            LOG.debugf(e, "scan %d: recording progress failed", scanId);
        }
    }

    /**
     * Runs a write, trying it again after a database error that may pass (a lost connection, a
     * deadlock) rather than failing a scan whose analysis is done; 1, 2, 4, 8 s apart.
     */
    private <T> T withRetries(long scanId, Supplier<StopReason> stop, Supplier<T> write) {
        for (int attempt = 0;; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= config.scan().storeRetries() || !DatabaseErrors.isTransient(e) || stop.get() != null) {
                    throw e;
                }
                LOG.warnf("scan %d: the database failed (%s); trying again", scanId,
                        DatabaseErrors.trouble(e).orElseThrow());
                try {
                    Thread.sleep(STORE_RETRY_BACKOFF.multipliedBy(1L << Math.min(attempt, 4)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Fetches another branch of the job's repository (a branch scan's target) and gives its head. */
    private ObjectId fetchHead(Job job, String branch, Supplier<StopReason> stop) throws GitFailure, IOException {
        try (GitMirror.Fetched fetched = mirror.fetch(job.repositoryId(), job.url(), branch, job.credentials(),
                () -> stop.get() != null)) {
            return fetched.head();
        }
    }

    /**
     * The commit {@code head} forked from {@code target}'s history: the newest common ancestor, as
     * {@code git merge-base} picks it (the first of several when criss-cross merges leave more).
     */
    private static RevCommit mergeBase(RevWalk walk, RevCommit head, ObjectId target, Job job)
            throws IOException, GitFailure {
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(head);
        walk.markStart(walk.parseCommit(target));
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        if (base == null) {
            throw new GitFailure("branch '" + job.branch() + "' shares no history with its target branch '"
                    + job.targetBranch() + "': there is no merge-base to compare it with", null);
        }
        return base;
    }

    /** The requested commit, which must be on the branch (a backfill never scans other history). */
    private static RevCommit commitOnBranch(RevWalk walk, GitMirror.Fetched fetched, Job job)
            throws IOException, GitFailure {
        ObjectId id = ObjectId.isId(job.requestedCommit()) ? ObjectId.fromString(job.requestedCommit()) : null;
        if (id == null || !fetched.repository().getObjectDatabase().has(id)) {
            throw new GitFailure("commit " + job.requestedCommit() + " does not exist in " + job.url(), null);
        }
        RevCommit commit = walk.parseCommit(id);
        if (!walk.isMergedInto(commit, walk.parseCommit(fetched.head()))) {
            throw new GitFailure("commit " + job.requestedCommit() + " is not on branch '" + job.branch() + "'", null);
        }
        walk.reset();
        return commit;
    }

    private static OffsetDateTime committedAt(RevCommit commit) {
        return commit.getCommitterIdent().getWhenAsInstant().atOffset(ZoneOffset.UTC);
    }

    /** Thrown from the progress callback to stop an analysis. */
    private static final class ScanStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScanStopped() {
            super(null, null, false, false);
        }
    }
}
