package dev.rustlens.trend;

import dev.rustlens.analysis.check.Check;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
     * The series of a repository, or of one of its crates when {@code crateId} is given; the
     * parameters are the query's, checked here (bad ones throw {@link BadRequest}).
     */
    @Transactional
    public Trend trend(GitRepository repository, Long crateId, String branch, String from, String to, String metric) {
        String scannedBranch = branch == null || branch.isBlank() ? repository.defaultBranch : branch;
        OffsetDateTime start = day(from, "from", OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        OffsetDateTime end = day(to, "to", OffsetDateTime.parse("9999-01-01T00:00:00Z")).plusDays(to == null ? 0 : 1);
        List<String> wanted = metrics(metric);
        String sums = SERIES.stream().filter(name -> !name.equals("doc_coverage"))
                .map(name -> "sum(coalesce((c.metrics->>'" + name + "')::bigint, 0))").collect(Collectors.joining(", "));
        List<Object[]> rows = session().createNativeQuery("""
                select s.id, s.commit_sha, s.committed_at, %s, %s
                from scan s join crate_snapshot c on c.scan_id = s.id
                where s.id in (select distinct on (commit_sha) id from scan
                               where repository_id = ?1 and branch = ?2 and status = 'succeeded'
                               order by commit_sha, id desc)
                  and s.committed_at >= ?3 and s.committed_at < ?4 and (?5 = 0 or c.crate_id = ?5)
                group by s.id, s.commit_sha, s.committed_at, s.score, s.grade
                order by s.committed_at, s.id""".formatted(
                crateId == null ? "s.score, s.grade" : "max(c.score), max(c.grade)", sums), Object[].class)
                .setParameter(1, repository.id).setParameter(2, scannedBranch).setParameter(3, start)
                .setParameter(4, end).setParameter(5, crateId == null ? 0L : crateId).getResultList();
        Map<Long, Map<String, Long>> bySeverity = new TreeMap<>();
        Map<Long, Map<String, Long>> byCategory = new TreeMap<>();
        countFindings(rows.stream().map(row -> ((Number) row[0]).longValue()).toList(), crateId, bySeverity, byCategory);
        List<Point> points = new ArrayList<>();
        for (Object[] row : rows) {
            long scanId = ((Number) row[0]).longValue();
            Map<String, Number> values = new LinkedHashMap<>();
            int column = 5;
            for (String name : SERIES) {
                if (name.equals("doc_coverage")) {
                    long publicItems = values.get("public_items").longValue();
                    long documented = values.get("documented_public_items").longValue();
                    values.put(name, publicItems == 0 ? 100.0 : Math.round(1000.0 * documented / publicItems) / 10.0);
                } else {
                    values.put(name, ((Number) row[column++]).longValue());
                }
            }
            values.keySet().retainAll(wanted);
            points.add(new Point(scanId, (String) row[1], ((Instant) row[2]).atOffset(ZoneOffset.UTC),
                    row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4], values,
                    bySeverity.getOrDefault(scanId, Map.of()), byCategory.getOrDefault(scanId, Map.of())));
        }
        return new Trend(repository.id, crateId, scannedBranch, points);
    }

    /** Counts the findings that count (not suppressed, not in tests) by severity and by check category. */
    private void countFindings(List<Long> scanIds, Long crateId, Map<Long, Map<String, Long>> bySeverity,
            Map<Long, Map<String, Long>> byCategory) {
        if (scanIds.isEmpty()) {
            return;
        }
        Map<String, String> categories = engine.catalogue().checks().stream()
                .collect(Collectors.toMap(Check::id, check -> check.info().category().name()));
        for (Object[] row : session().createNativeQuery("""
                select f.scan_id, f.severity, f.check_id, count(*) from finding f
                where f.scan_id in (?1) and f.suppression = 'NONE' and not f.in_test_code
                  and (?2 = 0 or f.crate_snapshot_id in (select id from crate_snapshot where crate_id = ?2))
                group by f.scan_id, f.severity, f.check_id""", Object[].class)
                .setParameter(1, scanIds).setParameter(2, crateId == null ? 0L : crateId).getResultList()) {
            long scanId = ((Number) row[0]).longValue();
            long count = ((Number) row[3]).longValue();
            bySeverity.computeIfAbsent(scanId, key -> new TreeMap<>()).merge((String) row[1], count, Long::sum);
            byCategory.computeIfAbsent(scanId, key -> new TreeMap<>())
                    .merge(categories.getOrDefault((String) row[2], "OTHER"), count, Long::sum);
        }
    }

    private static List<String> metrics(String metric) {
        if (metric == null || metric.isBlank()) {
            return SERIES;
        }
        List<String> wanted = Arrays.stream(metric.split(",")).map(String::strip).toList();
        for (String name : wanted) {
            if (!SERIES.contains(name)) {
                throw new BadRequest("unknown metric " + Echo.quoted(name) + "; known: " + String.join(", ", SERIES));
            }
        }
        return wanted;
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
