package dev.rustlens.scan;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.gitrepo.GitCommitTree;
import dev.rustlens.gitrepo.GitMirror;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
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

    public ScanRunner(GitMirror mirror, AnalysisEngine engine, ScanStore store, ScanQueue queue,
            FileResultStore fileResults) {
        this.fileResults = fileResults;
        this.mirror = mirror;
        this.engine = engine;
        this.store = store;
        this.queue = queue;
    }

    /** What a scan needs to know of its repository, read before any slow work starts. */
    record Job(long scanId, long repositoryId, String url, String branch, String requestedCommit) {
    }

    @Transactional
    Job job(long scanId) {
        Scan scan = Scan.findById(scanId);
        return new Job(scan.id, scan.repository.id, scan.repository.url, scan.branch, scan.requestedCommit);
    }

    /**
     * Runs the scan to its end; never throws. {@code stop} is polled as files complete and
     * says when the scan must give up (time limit, shutdown).
     */
    public void run(long scanId, BooleanSupplier stop) {
        String commit = null;
        try {
            Job job = job(scanId);
            try (GitMirror.Fetched fetched = mirror.fetch(job.repositoryId(), job.url(), job.branch());
                    RevWalk walk = new RevWalk(fetched.repository())) {
                RevCommit head = job.requestedCommit() == null ? walk.parseCommit(fetched.head())
                        : commitOnBranch(walk, fetched, job);
                commit = head.name();
                GitCommitTree tree = new GitCommitTree(fetched.repository(), head);
                String version = engine.catalogue().analyzerVersion();
                FileResultStore.ScanCache cache = fileResults.load(tree.files().stream()
                        .filter(file -> file.path().endsWith(".rs")).map(SourceFile::contentId).toList(), version);
                long[] lastReport = {0};
                AnalysisResult result = engine.analyzer().analyze(tree, cache, (done, total) -> {
                    if (stop.getAsBoolean()) {
                        throw new ScanStopped();
                    }
                    long now = System.nanoTime();
                    if (done == total || now - lastReport[0] > PROGRESS_INTERVAL_NANOS) {
                        lastReport[0] = now;
                        queue.progress(scanId, done, total);
                    }
                });
                store.succeed(scanId, commit, committedAt(head), result, cache, version);
            }
        } catch (GitFailure | ManifestException e) {
            store.fail(scanId, commit, e.getMessage());
        } catch (ScanStopped e) {
            // A cancelled scan keeps its status: fail() only ends scans that are still active.
            store.fail(scanId, commit, "the scan was stopped: it ran over its time limit or rustlens shut down");
        } catch (IOException e) {
            LOG.warnf(e, "scan %d: reading the repository failed", scanId);
            store.fail(scanId, commit, "cannot read the repository: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "scan %d failed unexpectedly", scanId);
            store.fail(scanId, commit, "internal error while scanning: " + e);
        }
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
