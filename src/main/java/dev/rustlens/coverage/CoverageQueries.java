package dev.rustlens.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.database.Columns;
import dev.rustlens.finding.CsvCells;
import dev.rustlens.scan.CrateSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Reads imported coverage for the pages and the API: per commit, per crate snapshot, and over a branch's scans. */
@ApplicationScoped
public class CoverageQueries {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public CoverageQueries(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Line coverage in percent, one decimal; null without lines. */
    static Double percent(long hit, long lines) {
        return lines == 0 ? null : Math.round(1000.0 * hit / lines) / 10.0;
    }

    /** One file of a report, mapped or not. */
    public record FileCoverage(String path, String reportPath, int lines, int linesHit, Double percent) {
    }

    /** One crate's figures in a scan of the commit. */
    public record CrateCoverage(long crateId, String crate, int files, int lines, int linesHit, Double percent,
            int unsafeSites, int unsafeSitesMeasured, int unsafeSitesExecuted) {
    }

    /**
     * The newest report of a commit: its paths that matched no file, its files and the figures of
     * its crates in the newest succeeded scan of the commit ({@code scanId}, null before one).
     */
    public record CommitCoverage(long reportId, String commit, String format, OffsetDateTime uploadedAt, boolean mapped,
            String root, Long scanId, List<PathMapping.Unmatched> unmatched, List<CrateCoverage> crates,
            List<FileCoverage> files) {
    }

    /** The newest report of a repository's commit (given by a prefix of its id); empty when it has none. */
    @Transactional
    public Optional<CommitCoverage> ofCommit(long repositoryId, String commit) {
        Optional<Tuple> report = session().createNativeQuery("""
                select id, commit_sha, format, uploaded_at, mapped, root, cast(unmatched as text) as unmatched
                from coverage_report where repository_id = ?1 and commit_sha like ?2 order by id desc limit 1""",
                Tuple.class).setParameter(1, repositoryId).setParameter(2, commit + "%").getResultStream().findFirst();
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = report.get();
        long reportId = Columns.longOf(row, "id");
        String sha = row.get("commit_sha", String.class);
        Long scanId = session().createNativeQuery("""
                select id from scan where repository_id = ?1 and commit_sha = ?2 and status = 'succeeded'
                order by id desc limit 1""", Long.class).setParameter(1, repositoryId).setParameter(2, sha)
                .getResultStream().findFirst().orElse(null);
        List<FileCoverage> files = session().createNativeQuery("""
                select repo_path, report_path, lines, lines_hit from coverage_file where report_id = ?1
                order by repo_path nulls last, report_path""", Tuple.class).setParameter(1, reportId).getResultList()
                .stream().map(file -> new FileCoverage(file.get("repo_path", String.class),
                        file.get("report_path", String.class), Columns.intOf(file, "lines"),
                        Columns.intOf(file, "lines_hit"), percent(Columns.intOf(file, "lines_hit"),
                                Columns.intOf(file, "lines")))).toList();
        List<CrateCoverage> crates = scanId == null ? List.of() : crates(scanId);
        return Optional.of(new CommitCoverage(reportId, sha, row.get("format", String.class),
                row.get("uploaded_at", Instant.class).atOffset(ZoneOffset.UTC), row.get("mapped", Boolean.class),
                row.get("root", String.class), scanId, unmatched(row.get("unmatched", String.class)), crates, files));
    }

    /** The figures of each crate of a scan that a report covers. */
    @Transactional
    public List<CrateCoverage> crates(long scanId) {
        return session().createNativeQuery("""
                select c.id as crate_id, c.name, v.files, v.lines, v.lines_hit, v.unsafe_sites, v.unsafe_sites_measured,
                       v.unsafe_sites_executed
                from crate_coverage v join crate_snapshot s on s.id = v.crate_snapshot_id join crate c on c.id = s.crate_id
                where s.scan_id = ?1 order by c.name""", Tuple.class).setParameter(1, scanId).getResultList().stream()
                .map(CoverageQueries::crate).toList();
    }

    /** A crate's figures in one scan; empty when no report covers it. */
    @Transactional
    public Optional<CrateCoverage> crate(long scanId, long crateId) {
        return crates(scanId).stream().filter(crate -> crate.crateId() == crateId).findFirst();
    }

    /**
     * An unsafe site of a crate with what the tests did to it: {@code executed} (a line of its
     * span ran), {@code not_executed} (lines with data, none ran) or {@code no_data} (no line of
     * its span carries coverage data, or its file is not in the report).
     */
    public record UnsafeSiteCoverage(String kind, String path, int line, int endLine, int linesWithData, int linesHit,
            String status) {
    }

    /** The unsafe sites outside test code of a crate in a scan, with their coverage; empty when no report covers it. */
    @Transactional
    public List<UnsafeSiteCoverage> unsafeSites(long scanId, long crateId) {
        return session().createNativeQuery("""
                select u.kind, u.path, u.line, coalesce(c.end_line, u.line) as end_line,
                       coalesce(c.lines_with_data, 0) as lines_with_data, coalesce(c.lines_hit, 0) as lines_hit
                from unsafe_site u""" + CrateSnapshot.readingUnsafeSites("u", "s") + """
                join crate_coverage v on v.crate_snapshot_id = s.id
                left join unsafe_site_coverage c on c.unsafe_site_id = u.id
                where s.scan_id = ?1 and s.crate_id = ?2 and not u.in_test_code
                order by u.path, u.line, u.col""", Tuple.class).setParameter(1, scanId).setParameter(2, crateId)
                .getResultList().stream().map(row -> {
                    int withData = Columns.intOf(row, "lines_with_data");
                    int hit = Columns.intOf(row, "lines_hit");
                    return new UnsafeSiteCoverage(row.get("kind", String.class), row.get("path", String.class),
                            Columns.intOf(row, "line"), Columns.intOf(row, "end_line"), withData, hit,
                            hit > 0 ? "executed" : withData > 0 ? "not_executed" : "no_data");
                }).toList();
    }

    /** Line coverage of one scan of a branch, for the trend. */
    public record TrendPoint(long scanId, String commit, OffsetDateTime committedAt, long lines, long linesHit,
            Double percent) {
    }

    /** Line coverage of each succeeded scan of a branch that a report covers, oldest first. */
    @Transactional
    public List<TrendPoint> trend(long repositoryId, String branch) {
        return session().createNativeQuery("""
                select s.id, s.commit_sha, s.committed_at, sum(v.lines) as lines, sum(v.lines_hit) as lines_hit
                from scan s join crate_snapshot c on c.scan_id = s.id join crate_coverage v on v.crate_snapshot_id = c.id
                where s.repository_id = ?1 and s.branch = ?2 and s.status = 'succeeded'
                group by s.id order by s.committed_at, s.id""", Tuple.class).setParameter(1, repositoryId)
                .setParameter(2, branch).getResultList().stream().map(row -> new TrendPoint(Columns.longOf(row, "id"),
                        row.get("commit_sha", String.class), row.get("committed_at", Instant.class).atOffset(ZoneOffset.UTC),
                        Columns.longOf(row, "lines"), Columns.longOf(row, "lines_hit"),
                        percent(Columns.longOf(row, "lines_hit"), Columns.longOf(row, "lines")))).toList();
    }

    /** The files of a commit's report as CSV, with a header row. */
    public static String filesCsv(CommitCoverage coverage) {
        StringBuilder csv = new StringBuilder(CsvCells.row("path", "report_path", "lines", "lines_hit", "percent"));
        for (FileCoverage file : coverage.files()) {
            csv.append(CsvCells.row(file.path() == null ? "" : file.path(), file.reportPath(),
                    Integer.toString(file.lines()), Integer.toString(file.linesHit()), text(file.percent())));
        }
        return csv.toString();
    }

    /** The crates of a commit's scan as CSV, with a header row. */
    public static String cratesCsv(CommitCoverage coverage) {
        StringBuilder csv = new StringBuilder(CsvCells.row("crate", "files", "lines", "lines_hit", "percent",
                "unsafe_sites", "unsafe_sites_measured", "unsafe_sites_executed"));
        for (CrateCoverage crate : coverage.crates()) {
            csv.append(CsvCells.row(crate.crate(), Integer.toString(crate.files()), Integer.toString(crate.lines()),
                    Integer.toString(crate.linesHit()), text(crate.percent()), Integer.toString(crate.unsafeSites()),
                    Integer.toString(crate.unsafeSitesMeasured()), Integer.toString(crate.unsafeSitesExecuted())));
        }
        return csv.toString();
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    private static CrateCoverage crate(Tuple row) {
        int lines = Columns.intOf(row, "lines");
        int hit = Columns.intOf(row, "lines_hit");
        return new CrateCoverage(Columns.longOf(row, "crate_id"), row.get("name", String.class),
                Columns.intOf(row, "files"), lines, hit, percent(hit, lines), Columns.intOf(row, "unsafe_sites"),
                Columns.intOf(row, "unsafe_sites_measured"), Columns.intOf(row, "unsafe_sites_executed"));
    }

    private List<PathMapping.Unmatched> unmatched(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<PathMapping.Unmatched>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable unmatched paths of a coverage report", e);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
