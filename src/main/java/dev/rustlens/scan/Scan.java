package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryPart;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One analysis of one commit of a repository, from queued to its end. */
@Entity
@Table(name = "scan")
public class Scan extends RepositoryPart {

    /** Where a scan is in its life. */
    public enum Status {
        queued, running, succeeded, failed, cancelled;

        public boolean active() {
            return this == queued || this == running;
        }
    }

    /** What asked for the scan. */
    public enum Trigger {
        manual, schedule, api, backfill,
        /** The merge-base of a branch scan, scanned first because it had no scan. */
        baseline
    }

    public String branch;

    @Column(name = "commit_sha")
    public String commitSha;

    /** The commit to analyse instead of the branch head (history backfill); null for head scans. */
    @Column(name = "requested_commit")
    public String requestedCommit;

    /**
     * The branch a branch scan is compared with (a pull request's target); null for a scan of the
     * default branch, which is compared with its own previous commit.
     */
    @Column(name = "target_branch")
    public String targetBranch;

    /** The merge-base of the scanned commit and the target branch: the baseline commit of a branch scan. */
    @Column(name = "base_commit")
    public String baseCommit;

    /** The pull request this branch scan stands for, as its host names it (e.g. "42"); may be null. */
    @Column(name = "pull_request")
    public String pullRequest;

    /** When the scanned commit was made (its committer time): the time axis of trends. */
    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    @Enumerated(EnumType.STRING)
    public Trigger trigger;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String error;

    @Column(name = "queued_at")
    public OffsetDateTime queuedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;

    public String worker;

    /** The rustlens instance that runs or last ran the scan. */
    @Column(name = "instance_id")
    public String instanceId;

    /** How many times the scan was started (a start cut short by a shutdown does not count). */
    public int attempt;

    @Column(name = "analyzer_version")
    public String analyzerVersion;

    /** The repository's core modules this scan was analysed with. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "core_modules")
    public List<String> coreModules = List.of();

    @Column(name = "files_total")
    public Integer filesTotal;

    @Column(name = "files_done")
    public Integer filesDone;

    @Column(name = "files_analyzed")
    public Integer filesAnalyzed;

    @Column(name = "files_reused")
    public Integer filesReused;

    /** The backfill that queued this scan, if one did. */
    @Column(name = "backfill_id")
    public Long backfillId;

    /** The succeeded scan of the same branch before this one, which new and fixed are relative to. */
    @Column(name = "previous_scan_id")
    public Long previousScanId;

    /**
     * The repository's safety score: its crates' scores weighted by their non-test lines, held
     * within one grade of its worst crate with unsafe code.
     */
    public Integer score;

    public String grade;

    /** Its crates' unsafe blocks in all; null until it has stored a crate, and for a scan that found none. */
    @Column(name = "unsafe_blocks")
    public Integer unsafeBlocks;

    /** Why the score is below its crates' mean, when the worst crate with unsafe code holds it down. */
    @Column(name = "score_held_because")
    public String scoreHeldBecause;

    /**
     * A digest of the triage marks in force when its crates were last scored ({@link
     * SnapshotScores#digest}); null when not known.
     */
    @Column(name = "scored_with_triage")
    public String scoredWithTriage;

    @Column(name = "findings_new")
    public Integer findingsNew;

    @Column(name = "findings_fixed")
    public Integer findingsFixed;

    /** When housekeeping removed this scan's findings and unsafe sites (docs/database.md); null while it has them. */
    @Column(name = "findings_removed_at")
    public OffsetDateTime findingsRemovedAt;

    /**
     * The scan whose finding rows are this scan's findings, when it repeats that scan unchanged
     * (docs/database.md, "Findings shared by unchanged rescans"); null when the rows are its own.
     */
    @Column(name = "findings_of")
    public Long findingsOf;

    /** The scan id that this scan's finding rows carry: its own, or that of the scan it shares them with. */
    public long findingsScanId() {
        return findingsOf == null ? id : findingsOf;
    }

    /**
     * {@link #findingsScanId()} of the scan with this id; the id itself when there is no such scan.
     * Read with SQL, so that a caller's later native update of the scan is not hidden behind an
     * entity this loaded.
     */
    public static long findingsScanIdOf(long scanId) {
        List<?> rows = getEntityManager().createNativeQuery("select coalesce(findings_of, id) from scan where id = ?1")
                .setParameter(1, scanId).getResultList();
        return rows.isEmpty() ? scanId : ((Number) rows.getFirst()).longValue();
    }

    /** The queued or running scan of this repository and branch's head, if there is one. */
    public static Optional<Scan> findActive(GitRepository repository, String branch) {
        return find("repository = ?1 and branch = ?2 and requestedCommit is null and status in ?3 order by id",
                repository, branch,
                List.of(Status.queued, Status.running)).firstResultOptional();
    }

    /** The queued or running scan of a chosen commit of a repository's branch, if any. */
    public static Optional<Scan> findActiveOfCommit(GitRepository repository, String branch, String commit) {
        return find("repository = ?1 and branch = ?2 and requestedCommit = ?3 and status in ?4 order by id",
                repository, branch, commit, List.of(Status.queued, Status.running)).firstResultOptional();
    }

    /** A page of a repository's scans, newest first, older than {@code beforeId} when given. */
    public static List<Scan> listNewestFirst(GitRepository repository, Long beforeId, int limit) {
        return (beforeId == null
                ? find("repository = ?1 order by id desc", repository)
                : find("repository = ?1 and id < ?2 order by id desc", repository, beforeId)).page(0, limit).list();
    }

    /**
     * What a scan of {@code commitSha} is compared with (new and fixed findings, the gate's default
     * baseline): the newest succeeded scan of this scan's repository and branch of another commit
     * made no later. Another commit, so that scanning a commit again tells the same new findings as
     * its first scan did (a rescan must not turn new into unchanged); by commit time, so that a
     * backfilled old commit never becomes the head's baseline. A branch scan with a target is
     * compared with the scan of its merge-base instead, whichever branch scanned that commit.
     */
    public static Optional<Scan> findBaseline(Scan scan, String commitSha, OffsetDateTime committedAt) {
        if (scan.baseCommit != null) {
            // Even the same commit: a branch that has not moved from its base has no new findings.
            return find("repository = ?1 and commitSha = ?2 and status = ?3 and id <> ?4"
                    + " and findingsRemovedAt is null order by id desc",
                    scan.repository, scan.baseCommit, Status.succeeded, scan.id).firstResultOptional();
        }
        return find("repository = ?1 and branch = ?2 and status = ?3 and id <> ?4 and commitSha <> ?5"
                + " and committedAt <= ?6 and findingsRemovedAt is null order by committedAt desc, id desc",
                scan.repository, scan.branch, Status.succeeded, scan.id, commitSha, committedAt).firstResultOptional();
    }

    /** The newest succeeded scan of this scan's repository and branch of the same commit, if any. */
    public static Optional<Scan> findEarlierOfCommit(Scan scan, String commitSha) {
        return find("repository = ?1 and branch = ?2 and status = ?3 and id <> ?4 and commitSha = ?5"
                + " and findingsRemovedAt is null order by id desc",
                scan.repository, scan.branch, Status.succeeded, scan.id, commitSha).firstResultOptional();
    }

    /** The commits of a repository and branch that have a succeeded scan, or a queued or running one. */
    public static Set<String> scannedOrPendingCommits(GitRepository repository, String branch) {
        Set<String> commits = new HashSet<>();
        for (Scan scan : Scan.<Scan>list("repository = ?1 and branch = ?2 and (status = ?3 or (status in ?4"
                + " and requestedCommit is not null))", repository, branch, Status.succeeded,
                List.of(Status.queued, Status.running))) {
            commits.add(scan.requestedCommit != null ? scan.requestedCommit : scan.commitSha);
        }
        return commits;
    }

    /** The succeeded scan of a repository's branch whose commit is the newest (by commit time). */
    public static Optional<Scan> findNewestSucceeded(GitRepository repository, String branch) {
        return find("repository = ?1 and branch = ?2 and status = ?3 order by committedAt desc, id desc",
                repository, branch, Status.succeeded).firstResultOptional();
    }
}
