package dev.rustlens.trend;

import dev.rustlens.bench.Benchmark;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.database.Columns;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.TriageInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The read models of the overview page and a repository's page: repositories with their newest
 * scans and recent scores, and one repository's crates, findings by check, unread files and scans.
 * The entities in them are loaded with every association the pages show.
 */
@ApplicationScoped
public class RepositoryReports {

    private final BenchmarkService benchmarks;
    private final EntityManager entityManager;

    public RepositoryReports(BenchmarkService benchmarks, EntityManager entityManager) {
        this.benchmarks = benchmarks;
        this.entityManager = entityManager;
    }

    /**
     * A repository's place on the overview, from one query over every repository: what the overview
     * sorts, filters and totals by, without its scans' entities or trends.
     *
     * @param lastScanId its newest scan of any kind, null if none
     * @param lastScanAt when that scan ended, started or was queued, whichever is the latest it got to
     * @param currentScanId its newest succeeded scan of the default branch, null if none
     * @param score the current scan's score; {@code findingsNew} its findings new since the scan before
     * @param firstScan whether the current scan had no scan to compare with when it was stored (its
     *     findings are all "new" in the data)
     * @param committedAt the current scan's commit time
     * @param scoreTrendChange the change of its recent score trend, {@code unsafeBlocksTrendChange} of its
     *     unsafe blocks, as stored for it ({@link dev.rustlens.scan.RecentTrends}; null without a value)
     */
    public record Standing(long repositoryId, String name, Long lastScanId, OffsetDateTime lastScanAt,
            Long currentScanId, Integer score, Integer findingsNew, boolean firstScan, OffsetDateTime committedAt,
            Integer scoreTrendChange, Integer unsafeBlocksTrendChange) {
    }

    /**
     * A crate of a scan with its Unsafe rating (null until rated) and its findings that count
     * against the score ({@link FindingFilter#COUNTS}, as the findings by check count them).
     */
    public record CrateRow(CrateSnapshot snapshot, Integer unsafeRating, long countedFindings) {
    }

    /** A file rustlens did not read in full, and why: parse errors (how many), or no crate root reaches it. */
    public record UnreadFile(String crate, String path, String checkId, String why, long findings) {
    }

    /**
     * A repository with its newest succeeded scan of the default branch ({@code latest}, null if
     * none) and what that scan found: its crates riskiest first, its counted findings by check and
     * severity, and the files it did not read in full.
     */
    public record RepositoryReport(GitRepository repository, Scan latest, List<CrateRow> crates,
            List<CheckCount> findings, List<UnreadFile> unreadFiles, List<Scan> recentScans, long openAlerts,
            long benchmarkCount) {
    }

    /**
     * The ids of repository {@code r}'s succeeded scans of its default branch, newest commit first:
     * with {@code limit 1}, its current scan, the one the overview, its pages and the crates table show.
     */
    static final String DEFAULT_BRANCH_SCANS_NEWEST_FIRST = "select s.id from scan s where s.repository_id = r.id"
            + " and s.branch = r.default_branch and s.status = 'succeeded' order by s.committed_at desc, s.id desc";

    /**
     * Every repository's standing, in one query that reads two scans of each (its newest, and its
     * current through the commit-time index) and its stored trend changes, however long its history.
     */
    @Transactional
    public List<Standing> standings() {
        return session().createNativeQuery("""
                select r.id as repository_id, r.name, t.score_change, t.unsafe_blocks_change, l.id as last_scan_id,
                       coalesce(l.finished_at, l.started_at, l.queued_at) as last_scan_at, c.id as current_scan_id,
                       c.score, c.findings_new, c.previous_scan_id is null as first_scan, c.committed_at
                from repository r left join repository_trend t on t.repository_id = r.id
                left join lateral (select s.id, s.finished_at, s.started_at, s.queued_at from scan s
                                   where s.repository_id = r.id order by s.id desc limit 1) l on true
                left join lateral (select s.id, s.score, s.findings_new, s.previous_scan_id, s.committed_at
                                   from scan s where s.repository_id = r.id and s.branch = r.default_branch
                                   and s.status = 'succeeded' order by s.committed_at desc, s.id desc limit 1) c on true
                """, Tuple.class).getResultList().stream().map(row -> new Standing(Columns.longOf(row, "repository_id"),
                        row.get("name", String.class), Columns.nullableLongOf(row, "last_scan_id"),
                        time(row, "last_scan_at"), Columns.nullableLongOf(row, "current_scan_id"),
                        Columns.nullableIntOf(row, "score"), Columns.nullableIntOf(row, "findings_new"),
                        Boolean.TRUE.equals(row.get("first_scan", Boolean.class)), time(row, "committed_at"),
                        Columns.nullableIntOf(row, "score_change"), Columns.nullableIntOf(row, "unsafe_blocks_change")))
                .toList();
    }

    /** The scans {@code ids} by id, with the associations the overview shows. */
    @Transactional
    public Map<Long, Scan> scans(Collection<Long> ids) {
        Map<Long, Scan> scans = new HashMap<>();
        if (!ids.isEmpty()) {
            Scan.<Scan>list("id in ?1", ids).forEach(scan -> scans.put(scan.id, scan));
        }
        return scans;
    }

    /** The repositories {@code ids} by id. */
    @Transactional
    public Map<Long, GitRepository> repositories(Collection<Long> ids) {
        Map<Long, GitRepository> repositories = new HashMap<>();
        if (!ids.isEmpty()) {
            GitRepository.<GitRepository>list("id in ?1", ids).forEach(repository -> repositories.put(repository.id,
                    repository));
        }
        return repositories;
    }

    private static OffsetDateTime time(Tuple row, String column) {
        Instant instant = row.get(column, Instant.class);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The new findings of severity CRITICAL or worse that count against the score ({@link
     * FindingFilter#COUNTS}: our checks', not suppressed, not in test code, not triaged) in the scans
     * {@code scanIds}: the counts stored with each scan ({@code finding_count}) less the findings
     * their repositories' active triage marks take out, so that it reads no scan's findings but the
     * few triaged ones.
     */
    @Transactional
    public long newSevereFindings(List<Long> scanIds) {
        if (scanIds.isEmpty()) {
            return 0;
        }
        String newSevere = "f.tracking = 'new' and f.severity in ('CRITICAL', 'BLOCKER') and "
                + FindingFilter.COUNTS_UNLESS_TRIAGED;
        // A scan sharing another's finding rows reads that scan's rows and counts. Each scan's counts
        // are summed apart (a lateral join: a probe of finding_count_new_severe_idx per scan); as a
        // join, PostgreSQL read the index's rows of every scan ever stored into a hash (18 ms at 30,000 scans).
        long stored = ((Number) session().createNativeQuery("select coalesce(sum(n.findings), 0) from scan s"
                + " cross join lateral (select sum(f.findings) as findings from finding_count f"
                + " where f.scan_id = coalesce(s.findings_of, s.id) and " + newSevere + ") n where s.id in (?1)",
                Long.class).setParameter(1, scanIds).getSingleResult()).longValue();
        long triaged = ((Number) session().createNativeQuery("""
                select count(*) from scan s
                join finding_triage t on t.repository_id = s.repository_id and %s
                join finding f on f.scan_id = coalesce(s.findings_of, s.id) and f.fingerprint = t.fingerprint
                where s.id in (?1) and %s""".formatted(TriageInForce.of("t"), newSevere), Long.class).setParameter(1, scanIds).getSingleResult())
                .longValue();
        return stored - triaged;
    }

    /** The report on repository {@code id}, empty if there is no such repository. */
    @Transactional
    public Optional<RepositoryReport> report(long id) {
        return GitRepository.<GitRepository>findByIdOptional(id).map(repository -> {
            Scan latest = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElse(null);
            Map<Long, Long> counted = latest == null ? Map.of() : countedByCrate(latest);
            List<CrateRow> crates = latest == null ? List.of() : Scores.riskiestFirst(CrateSnapshot.listForScan(latest))
                    .stream().map(snapshot -> new CrateRow(snapshot, Scores.unsafeRating(snapshot),
                            counted.getOrDefault(snapshot.crate.id, 0L))).toList();
            return new RepositoryReport(repository, latest, crates, latest == null ? List.of() : findings(latest),
                    latest == null ? List.of() : unreadFiles(latest), Scan.listNewestFirst(repository, null, 20),
                    benchmarks.openAlertCount(id), Benchmark.count("repository", repository));
        });
    }

    /**
     * The scan's findings that count against the score ({@link FindingFilter#COUNTS}: the list the
     * findings browser shows with {@code counted=true}), by check and severity.
     */
    private List<CheckCount> findings(Scan scan) {
        return session().createNativeQuery("select f.check_id, f.severity, count(*) as findings"
                + FindingRow.MATCHING
                + " where f.scan_id = ?1 and " + FindingFilter.COUNTS
                + " group by f.check_id, f.severity order by count(*) desc, f.check_id", Tuple.class)
                .setParameter(1, scan.findingsScanId()).getResultList().stream().map(CheckCount::of).toList();
    }

    /** The scan's findings that count against the score, by crate id. */
    private Map<Long, Long> countedByCrate(Scan scan) {
        Map<Long, Long> counted = new HashMap<>();
        session().createNativeQuery("select c.id as crate_id, count(*) as findings"
                + FindingRow.MATCHING
                + " where f.scan_id = ?1 and " + FindingFilter.COUNTS + " group by c.id", Tuple.class)
                .setParameter(1, scan.findingsScanId()).getResultList()
                .forEach(row -> counted.put(Columns.longOf(row, "crate_id"), Columns.longOf(row, "findings")));
        return counted;
    }

    /** The files of a scan that rustlens did not read in full, with why (issue 9: such code costs no points). */
    private List<UnreadFile> unreadFiles(Scan scan) {
        return session().createNativeQuery("""
                select c.name as crate, f.path, f.check_id, min(f.message) as why, count(*) as findings from finding f
                join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id
                where f.scan_id = ?1 and f.check_id in ('parse_error', 'unlinked_file')
                group by c.name, f.path, f.check_id order by f.path, f.check_id""", Tuple.class)
                .setParameter(1, scan.findingsScanId()).getResultList().stream()
                .map(row -> new UnreadFile(row.get("crate", String.class), row.get("path", String.class),
                        row.get("check_id", String.class), row.get("why", String.class), Columns.longOf(row, "findings")))
                .toList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
