package dev.rustlens.trend;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.database.Columns;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.Crate;
import dev.rustlens.scan.TriageInForce;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Time series of a repository's or a crate's scans, by commit time: score, grade, unsafe counts,
 * findings by severity and category, doc coverage, tests and lines. One point per scanned commit
 * (the newest scan of it), over the succeeded scans of one branch.
 */
@ApplicationScoped
public class Trends {

    /** The series every point carries, in this order. */
    static final List<String> SERIES = List.of("code_lines", "library_code_lines", "unsafe_blocks", "unsafe_functions",
            "unsafe_methods", "unsafe_impls", "unsafe_traits", "extern_blocks", "unsafe_in_macros", "findings",
            "public_items", "documented_public_items", "doc_coverage", "test_fns", "doctests",
            "integration_test_files");

    private final EntityManager entityManager;
    private final AnalysisEngine engine;

    public Trends(EntityManager entityManager, AnalysisEngine engine) {
        this.entityManager = entityManager;
        this.engine = engine;
    }

    /** One scanned commit of a series. */
    public record Point(long scanId, String commit, OffsetDateTime committedAt, Integer score, String grade,
            Map<String, Number> metrics, Map<String, Long> findingsBySeverity, Map<String, Long> findingsByCategory) {
    }

    /** A series of points, oldest commit first. */
    public record Trend(long repositoryId, Long crateId, String branch, List<Point> points) {
    }

    /**
     * A trend's query parameters as given, checked by {@link Trends} (bad ones throw {@link BadRequest}).
     *
     * @param branch the branch, the repository's default one when blank
     * @param from the first day (2026-01-31), or blank for the first scan
     * @param to the last day, or blank for the newest scan
     * @param metric a comma-separated subset of {@link #SERIES}, or blank for all
     */
    public record Query(String branch, String from, String to, String metric) {
    }

    /** The series of repository {@code repositoryId}, empty if there is no such repository. */
    @Transactional
    public Optional<Trend> repositoryTrend(long repositoryId, Query query) {
        return GitRepository.<GitRepository>findByIdOptional(repositoryId)
                .map(repository -> trend(repository, null, query));
    }

    /** The series of crate {@code crateId} in its repository, empty if there is no such crate. */
    @Transactional
    public Optional<Trend> crateTrend(long crateId, Query query) {
        return Crate.<Crate>findByIdOptional(crateId).map(crate -> trend(crate.repository, crate.id, query));
    }

    /** The series of a repository, or of one of its crates when {@code crateId} is given. */
    private Trend trend(GitRepository repository, Long crateId, Query query) {
        String scannedBranch = query.branch() == null || query.branch().isBlank() ? repository.defaultBranch
                : query.branch();
        OffsetDateTime start = day(query.from(), "from", OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        OffsetDateTime end = day(query.to(), "to", OffsetDateTime.parse("9999-01-01T00:00:00Z"))
                .plusDays(query.to() == null ? 0 : 1);
        List<String> wanted = metrics(query.metric());
        List<String> summed = SERIES.stream().filter(name -> !name.equals("doc_coverage")).toList();
        String sums = summed.stream().map(name -> "sum(coalesce(m." + name + ", 0)) as " + name)
                .collect(Collectors.joining(", "));
        // Each snapshot's metrics read once: an extraction per metric read the stored JSON 15 times
        // (1,644 snapshots of a backfilled corpus: 70 ms, 15 ms this way).
        String metricColumns = summed.stream().map(name -> name + " bigint").collect(Collectors.joining(", "));
        List<Tuple> rows = session().createNativeQuery("""
                select s.id as scan_id, s.commit_sha, s.committed_at, %s, %s
                from scan s join crate_snapshot c on c.scan_id = s.id
                cross join lateral jsonb_to_record(c.metrics) as m(%s)
                where s.id in (select distinct on (commit_sha) id from scan
                               where repository_id = ?1 and branch = ?2 and status = 'succeeded'
                               order by commit_sha, id desc)
                  and s.committed_at >= ?3 and s.committed_at < ?4 and (?5 = 0 or c.crate_id = ?5)
                group by s.id, s.commit_sha, s.committed_at, s.score, s.grade
                order by s.committed_at, s.id""".formatted(
                crateId == null ? "s.score, s.grade" : "max(c.score) as score, max(c.grade) as grade", sums,
                metricColumns), Tuple.class)
                .setParameter(1, repository.id).setParameter(2, scannedBranch).setParameter(3, start)
                .setParameter(4, end).setParameter(5, crateId == null ? 0L : crateId).getResultList();
        Map<Long, Map<String, Long>> bySeverity = new TreeMap<>();
        Map<Long, Map<String, Long>> byCategory = new TreeMap<>();
        countFindings(repository.id, rows.stream().map(row -> Columns.longOf(row, "scan_id")).toList(), crateId,
                bySeverity, byCategory);
        List<Point> points = new ArrayList<>();
        for (Tuple row : rows) {
            long scanId = Columns.longOf(row, "scan_id");
            Map<String, Number> values = new LinkedHashMap<>();
            for (String name : SERIES) {
                if (name.equals("doc_coverage")) {
                    long publicItems = values.get("public_items").longValue();
                    long documented = values.get("documented_public_items").longValue();
                    values.put(name, publicItems == 0 ? 100.0 : Math.round(1000.0 * documented / publicItems) / 10.0);
                } else {
                    values.put(name, Columns.longOf(row, name));
                }
            }
            values.keySet().retainAll(wanted);
            points.add(new Point(scanId, row.get("commit_sha", String.class),
                    row.get("committed_at", Instant.class).atOffset(ZoneOffset.UTC), Columns.nullableIntOf(row, "score"),
                    row.get("grade", String.class), values,
                    bySeverity.getOrDefault(scanId, Map.of()), byCategory.getOrDefault(scanId, Map.of())));
        }
        return new Trend(repository.id, crateId, scannedBranch, points);
    }

    /**
     * Counts the findings that count against the score (the definition of
     * {@link FindingFilter#COUNTS}, as every page counts them) by severity and by check category,
     * without reading the scans' findings: the counts stored with each scan ({@code finding_count})
     * less the findings that the repository's active triage marks take out, looked up by
     * fingerprint (a few marks, an index probe each per scan). A scan whose findings housekeeping
     * removed keeps its stored counts, triaged findings included (docs/database.md).
     */
    private void countFindings(long repositoryId, List<Long> scanIds, Long crateId,
            Map<Long, Map<String, Long>> bySeverity, Map<Long, Map<String, Long>> byCategory) {
        if (scanIds.isEmpty()) {
            return;
        }
        Map<String, String> categories = engine.catalogue().rules().stream()
                .collect(Collectors.toMap(CheckInfo::id, rule -> rule.category().name()));
        String counted = FindingFilter.COUNTS_UNLESS_TRIAGED
                + " and (?2 = 0 or f.crate_snapshot_id in (select id from crate_snapshot where crate_id = ?2))";
        // A scan sharing another's finding rows reads that scan's counts. The scans are the
        // repository's: said so, PostgreSQL reads them by repository (0.8 ms for 100 scans) where it
        // estimated a list of 100 ids at a few rows and read the whole scan table in parallel (5 ms at 30,000).
        List<Tuple> stored = session().createNativeQuery("""
                select s.id as scan_id, f.severity, f.check_id, sum(f.findings) as findings
                from scan s join finding_count f on f.scan_id = coalesce(s.findings_of, s.id)
                where s.id in (?1) and s.repository_id = ?3 and %s
                group by s.id, f.severity, f.check_id""".formatted(counted), Tuple.class)
                .setParameter(1, scanIds).setParameter(2, crateId == null ? 0L : crateId)
                .setParameter(3, repositoryId).getResultList();
        List<Tuple> triaged = session().createNativeQuery("""
                select s.id as scan_id, f.severity, f.check_id, count(*) as findings
                from scan s join finding_triage t on t.repository_id = ?3
                join finding f on f.fingerprint = t.fingerprint and f.scan_id = coalesce(s.findings_of, s.id)
                where s.id in (?1) and %s and %s
                group by s.id, f.severity, f.check_id""".formatted(TriageInForce.of("t"), counted), Tuple.class)
                .setParameter(1, scanIds).setParameter(2, crateId == null ? 0L : crateId)
                .setParameter(3, repositoryId).getResultList();
        add(stored, 1, categories, bySeverity, byCategory);
        add(triaged, -1, categories, bySeverity, byCategory);
        // A severity or category whose every finding is triaged is not in the count.
        bySeverity.values().forEach(counts -> counts.values().removeIf(count -> count == 0));
        byCategory.values().forEach(counts -> counts.values().removeIf(count -> count == 0));
    }

    private static void add(List<Tuple> rows, long sign, Map<String, String> categories,
            Map<Long, Map<String, Long>> bySeverity, Map<Long, Map<String, Long>> byCategory) {
        for (Tuple row : rows) {
            long scanId = Columns.longOf(row, "scan_id");
            long count = sign * Columns.longOf(row, "findings");
            bySeverity.computeIfAbsent(scanId, key -> new TreeMap<>()).merge(row.get("severity", String.class), count,
                    Long::sum);
            byCategory.computeIfAbsent(scanId, key -> new TreeMap<>())
                    .merge(categories.getOrDefault(row.get("check_id", String.class), "OTHER"), count, Long::sum);
        }
    }

    private static List<String> metrics(String metric) {
        if (metric == null || metric.isBlank()) {
            return SERIES;
        }
        return Arrays.stream(metric.split(",")).map(name -> Choices.require("metric", name.strip(), SERIES)).toList();
    }

    private static OffsetDateTime day(String value, String name, OffsetDateTime absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date like 2026-01-31, not " + Echo.quoted(value));
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
