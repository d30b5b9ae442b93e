package dev.rustlens.scan;

import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.CredentialCipher;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.gitrepo.GitMirror;
import dev.rustlens.gitrepo.GitMirror.FetchStopped;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/** Runs one claimed backfill on a scan worker: fetch the branch, pick the commits, queue their scans. */
@ApplicationScoped
public class BackfillRunner {

    private static final Logger LOG = Logger.getLogger(BackfillRunner.class);

    private final GitMirror mirror;
    private final ScanService scans;
    private final ScanQueue queue;
    private final CredentialCipher cipher;

    public BackfillRunner(GitMirror mirror, ScanService scans, ScanQueue queue, CredentialCipher cipher) {
        this.mirror = mirror;
        this.scans = scans;
        this.queue = queue;
        this.cipher = cipher;
    }

    /** What the fetch needs, read before it starts. */
    record Job(Backfill backfill, long repositoryId, String url, Credentials credentials) {
    }

    @Transactional
    Job job(long backfillId) {
        Backfill backfill = Backfill.findById(backfillId);
        byte[] credentials = backfill.repository.credentials;
        return new Job(backfill, backfill.repository.id, backfill.repository.url,
                credentials == null ? null : cipher.decrypt(credentials));
    }

    /** Runs the backfill to its end; never throws. {@code stopping} says that rustlens shuts down. */
    public void run(long backfillId, BooleanSupplier stopping) {
        try {
            Job job = job(backfillId);
            List<BackfillCommits.Commit> commits;
            try (GitMirror.Fetched fetched = mirror.fetch(job.repositoryId(), job.url(), job.backfill().branch,
                    job.credentials(), stopping)) {
                commits = BackfillCommits.select(fetched.repository(), fetched.head(), job.backfill().selection());
            }
            List<Scan> queued = scans.queueCommits(job.backfill(), commits);
            queue.endBackfill(backfillId, Backfill.Status.done, null, queued.size());
            LOG.infof("backfill %d queued %d scan(s)", backfillId, queued.size());
        } catch (FetchStopped e) {
            queue.requeueBackfill(backfillId);
        } catch (GitFailure e) {
            queue.endBackfill(backfillId, Backfill.Status.failed, e.getMessage(), 0);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "backfill %d failed unexpectedly", backfillId);
            queue.endBackfill(backfillId, Backfill.Status.failed,
                    "reading the history failed; the server log has the details", 0);
        }
    }

    /** A backfill as the API shows it, with the scans it queued. */
    public record BackfillView(long id, long repositoryId, String branch, Integer last, String every, String since,
            String status, String error, Integer scansQueued, List<Long> scanIds, OffsetDateTime requestedAt,
            OffsetDateTime finishedAt) {

        static BackfillView of(Backfill backfill, List<Long> scanIds) {
            return new BackfillView(backfill.id, backfill.repository.id, backfill.branch, backfill.lastCommits,
                    backfill.every, backfill.since == null ? null : backfill.since.toString(), backfill.status.name(),
                    backfill.error, backfill.scansQueued, scanIds, backfill.requestedAt, backfill.finishedAt);
        }
    }
}
