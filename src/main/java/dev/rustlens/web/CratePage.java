package dev.rustlens.web;

import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.Crate;
import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.scoring.FixRanking;
import dev.rustlens.trend.Scores;
import dev.rustlens.web.RepositoryPage.CheckCount;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import java.util.TreeMap;
import org.hibernate.Session;

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

    private final Scores scores;
    private final ScoreUpgrade upgrade;
    private final EntityManager entityManager;

    public CratePage(Scores scores, ScoreUpgrade upgrade, EntityManager entityManager) {
        this.scores = scores;
        this.upgrade = upgrade;
        this.entityManager = entityManager;
    }

    /** One metric as shown: what it counts and its value. */
    public record MetricRow(String description, String value) {
    }

    /** A check behind a rating part and how many of the part's findings it raised. */
    public record PartCheck(String checkId, long findings) {
    }

    /** A part of a rating with the checks whose findings cost it points (none when metrics decide). */
    public record PartRow(Scores.ExplainedPart part, List<PartCheck> checks) {
    }

    /** A rating with its parts. */
    public record RatingRow(Scores.ExplainedRating rating, List<PartRow> parts) {
    }

    /** The unsafe code of one file, outside test code unless said otherwise. */
    public record UnsafeFile(String path, long total, long blocks, long functions, long implsAndTraits,
            long externAndMacros, long inTests) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crate(Scores.CrateDetail crate, String repositoryName, List<RatingRow> ratings,
                List<FixRanking.Fix> fixes, ScoreUpgrade.Progress rescoring, List<MetricRow> metrics,
                List<UnsafeFile> unsafeFiles, List<CheckCount> findings);
    }

    @GET
    @Path("crates/{id}")
    @Transactional
    public TemplateInstance crate(@PathParam("id") long id) {
        Crate crate = Crate.<Crate>findByIdOptional(id)
                .orElseThrow(() -> PageException.notFound("There is no crate " + id + "."));
        Scores.CrateDetail detail;
        try {
            detail = scores.crate(id);
        } catch (NotFoundException e) {
            throw PageException.notFound(e.getMessage());
        }
        List<RatingRow> ratings = detail.ratings().stream().map(rating -> new RatingRow(rating,
                rating.parts().stream().map(part -> {
                    Map<String, Long> byCheck = new TreeMap<>();
                    part.findings().forEach(finding -> byCheck.merge(finding.checkId(), 1L, Long::sum));
                    return new PartRow(part, byCheck.entrySet().stream()
                            .map(entry -> new PartCheck(entry.getKey(), entry.getValue())).toList());
                }).toList())).toList();
        List<FixRanking.Fix> fixes = detail.fixes().subList(0, Math.min(SHOWN_FIXES, detail.fixes().size()));
        return Templates.crate(detail, crate.repository.name, ratings, fixes, upgrade.progress(),
                metrics(detail.metrics()), unsafeFiles(detail.scanId(), id), findings(detail.scanId(), id));
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

    /** The crate's unsafe sites counted by file, the file with the most unsafe code outside tests first. */
    private List<UnsafeFile> unsafeFiles(long scanId, long crateId) {
        return session().createNativeQuery("""
                select u.path,
                       count(*) filter (where not u.in_test_code),
                       count(*) filter (where not u.in_test_code and u.kind = 'BLOCK'),
                       count(*) filter (where not u.in_test_code and u.kind in ('FUNCTION', 'METHOD')),
                       count(*) filter (where not u.in_test_code and u.kind in ('IMPL', 'TRAIT')),
                       count(*) filter (where not u.in_test_code and u.kind in ('EXTERN_BLOCK', 'IN_MACRO')),
                       count(*) filter (where u.in_test_code)
                from unsafe_site u join crate_snapshot s on s.id = u.crate_snapshot_id
                where s.scan_id = ?1 and s.crate_id = ?2
                group by u.path order by 2 desc, 7 desc, u.path""", Object[].class)
                .setParameter(1, scanId).setParameter(2, crateId).getResultList().stream()
                .map(row -> new UnsafeFile((String) row[0], count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                        count(row[5]), count(row[6]))).toList();
    }

    /** The crate's findings outside test code and not suppressed, by check and severity. */
    private List<CheckCount> findings(long scanId, long crateId) {
        return session().createNativeQuery("""
                select f.check_id, f.severity, count(*) from finding f join crate_snapshot s on s.id = f.crate_snapshot_id
                where f.scan_id = ?1 and s.crate_id = ?2 and f.suppression = 'NONE' and not f.in_test_code
                group by f.check_id, f.severity order by count(*) desc, f.check_id""", Object[].class)
                .setParameter(1, scanId).setParameter(2, crateId).getResultList().stream()
                .map(row -> new CheckCount((String) row[0], (String) row[1], count(row[2]))).toList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
