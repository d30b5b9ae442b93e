package dev.rustlens.scan;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.ArchiveStore;
import dev.rustlens.gitrepo.CredentialCipher;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.gitrepo.GitCommitTree;
import dev.rustlens.gitrepo.GitMirror;
import dev.rustlens.gitrepo.GitMirror.FetchStopped;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.ScanWorkers.StopReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jboss.logging.Logger;

/**
 * Runs one claimed scan: fetch the branch, analyse its head commit (reusing the cached results of
 * unchanged files), store the result.
 */
@ApplicationScoped
public class ScanRunner {

    private static final Logger LOG = Logger.getLogger(ScanRunner.class);
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    private final GitMirror mirror;
    private final AnalysisEngine engine;
    private final ScanStore store;
    private final ScanQueue queue;
    private final FileResultStore fileResults;
    private final ArchiveStore archives;
    private final CredentialCipher cipher;
    private final RustlensConfig config;

    public ScanRunner(GitMirror mirror, AnalysisEngine engine, ScanStore store, ScanQueue queue,
            FileResultStore fileResults, ArchiveStore archives, CredentialCipher cipher, RustlensConfig config) {
        this.config = config;
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
            String branch, String requestedCommit, OffsetDateTime queuedAt, List<String> coreModules) {
    }

    @Transactional
    Job job(long scanId) {
        Scan scan = Scan.findById(scanId);
        GitRepository repository = scan.repository;
        Credentials credentials = repository.credentials == null ? null : cipher.decrypt(repository.credentials);
        return new Job(scan.id, repository.id, repository.kind, repository.url, credentials, scan.branch,
                scan.requestedCommit, scan.queuedAt, List.copyOf(repository.coreModules));
    }

    /**
     * Runs the scan to its end; never throws. {@code stop} is polled while fetching and as files
     * complete, and says when and why the scan must give up (cancel, time limit, shutdown).
     */
    public void run(long scanId, Supplier<StopReason> stop) {
        String commit = null;
        try {
            Job job = job(scanId);
            if (job.kind() == GitRepository.Kind.archive) {
                // An uploaded archive: its digest stands for the commit, its upload time for the commit time.
                commit = job.requestedCommit();
                Path root = archives.sourceRoot(job.repositoryId(), commit);
                analyzeAndStore(scanId, new DirectorySourceTree(root, true), commit, job.queuedAt(), job.coreModules(),
                        stop);
                return;
            }
            try (GitMirror.Fetched fetched = mirror.fetch(job.repositoryId(), job.url(), job.branch(), job.credentials(),
                    () -> stop.get() != null);
                    RevWalk walk = new RevWalk(fetched.repository())) {
                RevCommit head = job.requestedCommit() == null ? walk.parseCommit(fetched.head())
                        : commitOnBranch(walk, fetched, job);
                commit = head.name();
                analyzeAndStore(scanId, new GitCommitTree(fetched.repository(), head), commit, committedAt(head),
                        job.coreModules(), stop);
            }
        } catch (FetchStopped | ScanStopped e) {
            stopped(scanId, commit, stop.get());
        } catch (GitFailure | ManifestException e) {
            store.fail(scanId, commit, e.getMessage());
        } catch (IOException e) {
            LOG.warnf(e, "scan %d: reading the repository failed", scanId);
            store.fail(scanId, commit, "cannot read the repository: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "scan %d failed unexpectedly", scanId);
            store.fail(scanId, commit, "internal error while scanning: " + e);
        }
    }

    /** Ends a scan that was told to stop, saying why. */
    private void stopped(long scanId, String commit, StopReason reason) {
        switch (reason) {
            case SHUTDOWN -> queue.requeue(scanId, "rustlens shut down while this scan ran; it was queued again");
            case TIME_LIMIT -> store.fail(scanId, commit, "the scan ran over its time limit of "
                    + config.scan().timeLimit().toMinutes() + " min (rustlens.scan.time-limit)");
            // A cancelled scan keeps its status: fail() only ends scans that are still active.
            case CANCELLED -> store.fail(scanId, commit, "cancelled on request");
            case null -> store.fail(scanId, commit, "the scan was stopped");
        }
    }

    private void analyzeAndStore(long scanId, SourceTree tree, String commit, OffsetDateTime committedAt,
            List<String> coreModules, Supplier<StopReason> stop) throws IOException, ManifestException {
        String version = engine.catalogue().analyzerVersion();
        if (store.succeedAsPrevious(scanId, commit, committedAt, version, coreModules)) {
            return; // the same commit, analysed by the same analyzer: its results are already stored
        }
        FileResultStore.ScanCache cache = fileResults.load(tree.files().stream()
                .filter(file -> file.path().endsWith(".rs")).map(SourceFile::contentId).toList(), version);
        long[] lastReport = {0};
        AnalysisResult result = engine.analyzer().analyze(tree, coreModules, cache, (done, total) -> {
            if (stop.get() != null) {
                throw new ScanStopped();
            }
            long now = System.nanoTime();
            if (done == total || now - lastReport[0] > PROGRESS_INTERVAL_NANOS) {
                lastReport[0] = now;
                queue.progress(scanId, done, total);
            }
        });
        store.succeed(scanId, commit, committedAt, result, cache, version, coreModules);
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
