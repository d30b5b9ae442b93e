package dev.rustlens.web;

import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.Scan;
import dev.rustlens.trend.RepositoryReports;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The overview page: one sortable table row per repository with its grade, score and unsafe
 * trends (each column on one scale), last scan, new findings, open benchmark alerts and gate status. A fixed handful of queries serves
 * all rows, however many repositories there are.
 */
@Path("/")
public class HomePage {

    private final RepositoryReports reports;
    private final GateService gates;

    public HomePage(RepositoryReports reports, GateService gates) {
        this.reports = reports;
        this.gates = gates;
    }

    /**
     * One repository row: its newest scan of any kind, its newest succeeded scan of the default
     * branch (grade, score, new findings, gate), the score trend, open benchmark alerts, and
     * whether the current scan had nothing to compare with ({@code firstScan}: its findings are all
     * "new" in the data, which the page says as "first scan" rather than as a count).
     */
    public record RepositoryRow(GitRepository repository, Scan lastScan, Scan current, Sparkline trend,
            Sparkline unsafeTrend, long openAlerts, Boolean gatePassed, boolean firstScan) {

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

    /**
     * The portfolio in one line: gates failing of those judged, open benchmark regressions, and new
     * CRITICAL or BLOCKER findings that count against the score in the current scans committed in
     * the last seven days (first scans have nothing new).
     */
    public record Summary(long gatesFailing, long gatesJudged, long openRegressions, long newSevereThisWeek) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RepositoryRow> repositories, Summary summary);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        List<RepositoryReports.RepositorySummary> summaries = reports.summaries();
        Map<Long, Boolean> gatePassed = gates.passedNow(summaries.stream()
                .map(RepositoryReports.RepositorySummary::current).filter(Objects::nonNull).map(scan -> scan.id).toList());
        // One scale per column, so that rows compare: the scores' range, and the unsafe blocks from zero.
        Sparkline.Scale scores = Sparkline.Scale.ofScores(summaries.stream()
                .map(RepositoryReports.RepositorySummary::recentScores).toList());
        Sparkline.Scale unsafeBlocks = Sparkline.Scale.ofCounts(summaries.stream()
                .map(RepositoryReports.RepositorySummary::recentUnsafeBlocks).toList());
        List<RepositoryRow> rows = summaries.stream().map(summary -> {
            Scan current = summary.current();
            return new RepositoryRow(summary.repository(), summary.lastScan(), current,
                    new Sparkline("Score", summary.recentScores(), scores),
                    new Sparkline("Unsafe blocks", summary.recentUnsafeBlocks(), unsafeBlocks), summary.openAlerts(),
                    current == null ? null : gatePassed.get(current.id),
                    current != null && Scan.findBaseline(current, current.commitSha, current.committedAt).isEmpty());
        }).toList();
        OffsetDateTime weekAgo = OffsetDateTime.now().minusDays(7);
        List<Long> thisWeek = rows.stream().filter(row -> row.current() != null && row.current().committedAt != null
                && row.current().committedAt.isAfter(weekAgo) && !row.firstScan()).map(row -> row.current().id).toList();
        return Templates.index(rows, new Summary(rows.stream().filter(row -> Boolean.FALSE.equals(row.gatePassed())).count(),
                rows.stream().filter(row -> row.gatePassed() != null).count(),
                rows.stream().mapToLong(RepositoryRow::openAlerts).sum(), reports.newSevereFindings(thisWeek)));
    }
}
