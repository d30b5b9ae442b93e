package dev.rustlens.web;

import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.Scan;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * The overview page: one sortable table row per repository with its grade, score trend, last
 * scan, new findings, open benchmark alerts and gate status. A fixed handful of queries serves
 * all rows, however many repositories there are.
 */
@Path("/")
public class HomePage {

    /** How many of the newest scores the trend line shows. */
    static final int TREND_SCANS = 30;

    private final GateService gates;
    private final BenchmarkService benchmarks;
    private final EntityManager entityManager;

    public HomePage(GateService gates, BenchmarkService benchmarks, EntityManager entityManager) {
        this.gates = gates;
        this.benchmarks = benchmarks;
        this.entityManager = entityManager;
    }

    /**
     * One repository row: its newest scan of any kind, its newest succeeded scan of the default
     * branch (grade, score, new findings, gate), the score trend, and open benchmark alerts.
     */
    public record RepositoryRow(GitRepository repository, Scan lastScan, Scan current, Sparkline trend,
            long openAlerts, Boolean gatePassed) {

        /** When the last scan ended, started or was queued, whichever is the latest it got to; empty if none. */
        public String lastScanTime() {
            return lastScan == null ? "" : DisplayExtensions.iso(Stream.of(lastScan.finishedAt, lastScan.startedAt,
                    lastScan.queuedAt).filter(Objects::nonNull).findFirst().orElse(null));
        }

        /** The current scan's score, null before the first succeeded scan. */
        public Integer score() {
            return current == null ? null : current.score;
        }

        /** The current scan's findings that are new since the scan before it. */
        public Integer newFindings() {
            return current == null ? null : current.findingsNew;
        }

        /** The gate column's text: passed, failed, or empty without a verdict. */
        public String gate() {
            return gatePassed == null ? "" : gatePassed ? "passed" : "failed";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RepositoryRow> repositories);
    }

    /** The ids behind one repository's row, and its recent scores oldest first. */
    private record RowIds(Long lastScanId, Long currentScanId, List<Integer> scores) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance index() {
        List<GitRepository> repositories = GitRepository.listByName();
        Map<Long, RowIds> ids = rowIds();
        List<Long> scanIds = ids.values().stream().flatMap(row -> Stream.of(row.lastScanId(), row.currentScanId()))
                .filter(Objects::nonNull).distinct().toList();
        Map<Long, Scan> scans = new HashMap<>();
        if (!scanIds.isEmpty()) {
            Scan.<Scan>list("id in ?1", scanIds).forEach(scan -> scans.put(scan.id, scan));
        }
        Map<Long, Long> openAlerts = benchmarks.openAlertCounts();
        Map<Long, Boolean> gatePassed = gates.passedNow(ids.values().stream().map(RowIds::currentScanId)
                .filter(Objects::nonNull).toList());
        List<RepositoryRow> rows = repositories.stream().map(repository -> {
            RowIds row = ids.getOrDefault(repository.id, new RowIds(null, null, List.of()));
            return new RepositoryRow(repository, scans.get(row.lastScanId()), scans.get(row.currentScanId()),
                    new Sparkline(row.scores()), openAlerts.getOrDefault(repository.id, 0L),
                    gatePassed.get(row.currentScanId()));
        }).toList();
        return Templates.index(rows);
    }

    /** Per repository id, in one query: its newest scan, its current scan and its recent scores. */
    private Map<Long, RowIds> rowIds() {
        Map<Long, RowIds> ids = new HashMap<>();
        for (Object[] row : entityManager.unwrap(Session.class).createNativeQuery("""
                select r.id,
                       (select s.id from scan s where s.repository_id = r.id order by s.id desc limit 1),
                       (select s.id from scan s where s.repository_id = r.id and s.branch = r.default_branch
                          and s.status = 'succeeded' order by s.committed_at desc, s.id desc limit 1),
                       (select string_agg(t.score::text, ',' order by t.committed_at, t.id) from (
                          select s.score, s.committed_at, s.id from scan s where s.repository_id = r.id
                            and s.branch = r.default_branch and s.status = 'succeeded' and s.score is not null
                          order by s.committed_at desc, s.id desc limit ?1) t)
                from repository r""", Object[].class).setParameter(1, TREND_SCANS).getResultList()) {
            List<Integer> scores = row[3] == null ? List.of()
                    : Arrays.stream(((String) row[3]).split(",")).map(Integer::valueOf).toList();
            ids.put(((Number) row[0]).longValue(), new RowIds(number(row[1]), number(row[2]), scores));
        }
        return ids;
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
