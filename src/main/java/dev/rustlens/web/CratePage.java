package dev.rustlens.web;

import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.coverage.CoverageQueries;
import dev.rustlens.scoring.FixRanking;
import dev.rustlens.trend.CheckCount;
import dev.rustlens.trend.CrateReports;
import dev.rustlens.trend.Scores;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A crate at the newest succeeded scan of its repository's default branch: its grade and score
 * with every rating and part explained, what to fix first, its verification evidence, its
 * metrics, where its unsafe code lives, its trends and findings.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CratePage {

    /** The metrics shown, in this order; doc coverage is worked out from two of them. */
    private static final List<Metric> SHOWN = List.of(Metric.FILES, Metric.CODE_LINES, Metric.LIBRARY_CODE_LINES,
            Metric.TEST_CODE_LINES, Metric.PUBLIC_ITEMS, Metric.DOCUMENTED_PUBLIC_ITEMS, Metric.PUBLIC_FNS,
            Metric.PUBLIC_FNS_WITH_EXAMPLE, Metric.TEST_FNS, Metric.INTEGRATION_TEST_FILES, Metric.DOCTESTS,
            Metric.UNSAFE_BLOCKS, Metric.UNSAFE_FUNCTIONS, Metric.UNSAFE_METHODS, Metric.UNSAFE_IMPLS,
            Metric.UNSAFE_TRAITS, Metric.EXTERN_BLOCKS, Metric.UNSAFE_IN_MACROS, Metric.UNSAFE_IN_TESTS);

    /** The fixes the page lists; the API lists them all. */
    private static final int SHOWN_FIXES = 10;

    private final CrateReports reports;
    private final ScoreUpgrade upgrade;
    private final CoverageQueries coverage;

    public CratePage(CrateReports reports, ScoreUpgrade upgrade, CoverageQueries coverage) {
        this.reports = reports;
        this.upgrade = upgrade;
        this.coverage = coverage;
    }

    /**
     * The crate's test coverage from the report of its scan's commit: its figures and its unsafe
     * sites' coverage (null when no report covers the crate), and the report's unmatched paths.
     */
    public record CoverageSection(CoverageQueries.CrateCoverage figures, List<CoverageQueries.UnsafeSiteCoverage> sites,
            CoverageQueries.CommitCoverage report) {
    }

    /** One metric as shown: what it counts and its value. */
    public record MetricRow(String description, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crate(Scores.CrateDetail crate, String repositoryName,
                List<FixRanking.Fix> fixes, ScoreUpgrade.Progress rescoring, List<MetricRow> metrics,
                List<CrateReports.UnsafeFile> unsafeFiles, List<CheckCount> findings, CoverageSection coverage);
    }

    @GET
    @Path("crates/{id}")
    public TemplateInstance crate(@PathParam("id") long id) {
        Optional<CrateReports.CrateReport> found;
        try {
            found = reports.report(id);
        } catch (NotFoundException e) {
            throw PageException.notFound(e.getMessage());
        }
        CrateReports.CrateReport report = found
                .orElseThrow(() -> PageException.notFound("There is no crate " + id + "."));
        Scores.CrateDetail detail = report.detail();
        List<FixRanking.Fix> fixes = detail.fixes().subList(0, Math.min(SHOWN_FIXES, detail.fixes().size()));
        return Templates.crate(detail, report.repositoryName(), fixes, upgrade.progress(),
                metrics(detail.metrics()), report.unsafeFiles(), report.findings(), coverage(detail));
    }

    private CoverageSection coverage(Scores.CrateDetail detail) {
        CoverageQueries.CommitCoverage report = coverage.ofCommit(detail.repositoryId(), detail.commit()).orElse(null);
        return new CoverageSection(coverage.crate(detail.scanId(), detail.crateId()).orElse(null),
                coverage.unsafeSites(detail.scanId(), detail.crateId()), report);
    }

    private static List<MetricRow> metrics(Map<String, Long> metrics) {
        List<MetricRow> rows = new ArrayList<>();
        for (Metric metric : SHOWN) {
            rows.add(new MetricRow(metric.description(), String.format(Locale.ROOT, "%,d",
                    metrics.getOrDefault(metric.key(), 0L))));
            if (metric == Metric.DOCUMENTED_PUBLIC_ITEMS) {
                long items = metrics.getOrDefault(Metric.PUBLIC_ITEMS.key(), 0L);
                long documented = metrics.getOrDefault(Metric.DOCUMENTED_PUBLIC_ITEMS.key(), 0L);
                rows.add(new MetricRow("doc coverage: documented share of the pub items", items == 0 ? "no pub items"
                        : String.format(Locale.ROOT, "%.1f%%", 100.0 * Math.min(documented, items) / items)));
            }
        }
        return rows;
    }
}
