package dev.rustlens.trend;

import dev.rustlens.bench.Benchmark;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.database.Columns;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * The read models of the overview page and a repository's page: repositories with their newest
 * scans and recent scores, and one repository's crates, findings by check, unread files and scans.
 * The entities in them are loaded with every association the pages show.
 */
@ApplicationScoped
public class RepositoryReports {

    /** How many of the newest scores a repository's trend line shows. */
    private static final int TREND_SCANS = 30;

    private final BenchmarkService benchmarks;
    private final EntityManager entityManager;

    public RepositoryReports(BenchmarkService benchmarks, EntityManager entityManager) {
        this.benchmarks = benchmarks;
        this.entityManager = entityManager;
    }

    /**
     * A repository on the overview page.
     *
     * @param lastScan its newest scan of any kind, null if none
     * @param current its newest succeeded scan of the default branch, null if none
     * @param recentScores the scores of its newest succeeded scans of the default branch, oldest first
     * @param recentUnsafeBlocks the unsafe blocks of the same scans (every crate's, as the crates table counts them)
     */
    public record RepositorySummary(GitRepository repository, Scan lastScan, Scan current, List<Integer> recentScores,
            List<Integer> recentUnsafeBlocks, long openAlerts) {
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

    /** The ids behind one repository's summary, and its recent scores and unsafe blocks oldest first. */
    private record SummaryIds(Long lastScanId, Long currentScanId, List<Integer> scores, List<Integer> unsafeBlocks) {
    }

    /** Every repository in name order; a fixed handful of queries serves them all, however many there are. */
    @Transactional
    public List<RepositorySummary> summaries() {
        List<GitRepository> repositories = GitRepository.listByName();
        Map<Long, SummaryIds> ids = summaryIds();
        List<Long> scanIds = ids.values().stream().flatMap(row -> Stream.of(row.lastScanId(), row.currentScanId()))
                .filter(Objects::nonNull).distinct().toList();
        Map<Long, Scan> scans = new HashMap<>();
        if (!scanIds.isEmpty()) {
            Scan.<Scan>list("id in ?1", scanIds).forEach(scan -> scans.put(scan.id, scan));
        }
        Map<Long, Long> openAlerts = benchmarks.openAlertCounts();
        return repositories.stream().map(repository -> {
            SummaryIds row = ids.getOrDefault(repository.id, new SummaryIds(null, null, List.of(), List.of()));
            return new RepositorySummary(repository, scans.get(row.lastScanId()), scans.get(row.currentScanId()),
                    row.scores(), row.unsafeBlocks(), openAlerts.getOrDefault(repository.id, 0L));
        }).toList();
    }

    /**
     * The ids of repository {@code r}'s succeeded scans of its default branch, newest commit first:
     * with {@code limit 1}, its current scan, the one the overview, its pages and the crates table show.
     */
    static final String DEFAULT_BRANCH_SCANS_NEWEST_FIRST = "select s.id from scan s where s.repository_id = r.id"
            + " and s.branch = r.default_branch and s.status = 'succeeded' order by s.committed_at desc, s.id desc";

    /** Per repository id, in one query: its newest scan, its current scan, its recent scores and unsafe blocks. */
    private Map<Long, SummaryIds> summaryIds() {
        Map<Long, SummaryIds> ids = new HashMap<>();
        for (Tuple row : session().createNativeQuery("select r.id as repository_id,"
                + " (select s.id from scan s where s.repository_id = r.id order by s.id desc limit 1) as last_scan_id,"
                + " (" + DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1) as current_scan_id,"
                + " (select string_agg(t.score::text, ',' order by t.committed_at, t.id) from ("
                + " select s.score, s.committed_at, s.id from scan s where s.repository_id = r.id"
                + " and s.branch = r.default_branch and s.status = 'succeeded' and s.score is not null"
                + " order by s.committed_at desc, s.id desc limit ?1) t) as scores,"
                + " (select string_agg(t.blocks::text, ',' order by t.committed_at, t.id) from ("
                + " select (select coalesce(sum(cs.unsafe_blocks), 0) from crate_snapshot cs where cs.scan_id = s.id)"
                + " as blocks, s.committed_at, s.id from scan s where s.repository_id = r.id"
                + " and s.branch = r.default_branch and s.status = 'succeeded'"
                + " order by s.committed_at desc, s.id desc limit ?1) t) as unsafe_blocks"
                + " from repository r", Tuple.class).setParameter(1, TREND_SCANS).getResultList()) {
            ids.put(Columns.longOf(row, "repository_id"), new SummaryIds(Columns.nullableLongOf(row, "last_scan_id"),
                    Columns.nullableLongOf(row, "current_scan_id"), numbers(row.get("scores", String.class)),
                    numbers(row.get("unsafe_blocks", String.class))));
        }
        return ids;
    }

    /** "3,5,8" as numbers; none for null. */
    private static List<Integer> numbers(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).map(Integer::valueOf).toList();
    }

    /**
     * The new findings of severity CRITICAL or worse that count against the score (our checks', not
     * suppressed, not in test code, not triaged) in the scans {@code scanIds}.
     */
    @Transactional
    public long newSevereFindings(List<Long> scanIds) {
        if (scanIds.isEmpty()) {
            return 0;
        }
        return ((Number) session().createNativeQuery("select count(*) from finding f"
                + " join crate_snapshot cs on cs.id = f.crate_snapshot_id join crate c on c.id = cs.crate_id"
                + " where f.scan_id = any(?1) and f.tracking = 'new' and f.severity in ('CRITICAL', 'BLOCKER') and "
                + FindingFilter.COUNTS, Long.class).setParameter(1, scanIds.toArray(Long[]::new)).getSingleResult())
                .longValue();
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
        return session().createNativeQuery("select f.check_id, f.severity, count(*) as findings from finding f"
                + " join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id"
                + " where f.scan_id = ?1 and " + FindingFilter.COUNTS
                + " group by f.check_id, f.severity order by count(*) desc, f.check_id", Tuple.class)
                .setParameter(1, scan.id).getResultList().stream().map(CheckCount::of).toList();
    }

    /** The scan's findings that count against the score, by crate id. */
    private Map<Long, Long> countedByCrate(Scan scan) {
        Map<Long, Long> counted = new HashMap<>();
        session().createNativeQuery("select c.id as crate_id, count(*) as findings from finding f"
                + " join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id"
                + " where f.scan_id = ?1 and " + FindingFilter.COUNTS + " group by c.id", Tuple.class)
                .setParameter(1, scan.id).getResultList()
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
                .setParameter(1, scan.id).getResultList().stream()
                .map(row -> new UnreadFile(row.get("crate", String.class), row.get("path", String.class),
                        row.get("check_id", String.class), row.get("why", String.class), Columns.longOf(row, "findings")))
                .toList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
