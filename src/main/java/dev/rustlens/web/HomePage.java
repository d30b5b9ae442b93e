package dev.rustlens.web;

import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.RecentTrend;
import dev.rustlens.scan.RecentTrends;
import dev.rustlens.scan.Scan;
import dev.rustlens.trend.RepositoryReports;
import dev.rustlens.trend.RepositoryReports.Standing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The overview page: a page of {@value #PAGE_SIZE} repositories, sorted on the server by any
 * column, one row each with its grade, score and unsafe trends (each column on one scale), last
 * scan, new findings, open benchmark alerts and gate status, under the totals of every repository.
 * A fixed handful of queries serves it, each reading a bounded number of scans per repository,
 * however many scans the repositories have had: the trend columns sort by the changes stored for
 * each repository ({@link RecentTrends#store}), the trends are read for the page's rows alone.
 */
@Path("/")
public class HomePage {

    /** Repositories a page shows. */
    static final int PAGE_SIZE = 50;

    private final RepositoryReports reports;
    private final RecentTrends recentTrends;
    private final GateService gates;
    private final BenchmarkService benchmarks;

    public HomePage(RepositoryReports reports, RecentTrends recentTrends, GateService gates,
            BenchmarkService benchmarks) {
        this.reports = reports;
        this.recentTrends = recentTrends;
        this.gates = gates;
        this.benchmarks = benchmarks;
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
     * Every repository in one line: gates failing of those judged, open benchmark regressions, and
     * new CRITICAL or BLOCKER findings that count against the score in the current scans committed
     * in the last seven days (first scans have nothing new).
     */
    public record Summary(long gatesFailing, long gatesJudged, long openRegressions, long newSevereThisWeek) {
    }

    /**
     * A column the overview sorts by: its header, the {@code sort} parameter naming it, the order
     * its header's first click asks for, and the class its cells have on a narrow screen.
     */
    public enum Column {
        REPOSITORY("Repository", "name", false, ""),
        GRADE("Grade", "grade", false, ""),
        SCORE_TREND("Score trend", "score-trend", false, "wide-only"),
        UNSAFE_TREND("Unsafe blocks", "unsafe-trend", true, "wide-only"),
        LAST_SCAN("Last scan", "last-scan", true, "text wide-only"),
        NEW_FINDINGS("New findings", "new-findings", true, ""),
        OPEN_ALERTS("Open alerts", "open-alerts", true, ""),
        GATE("Gate", "gate", false, "");

        /** The order of the page without a {@code sort}: the latest activity first. */
        static final Column DEFAULT = LAST_SCAN;

        final String label;
        final String parameter;
        final boolean descendingFirst;
        final String cssClass;

        Column(String label, String parameter, boolean descendingFirst, String cssClass) {
            this.label = label;
            this.parameter = parameter;
            this.descendingFirst = descendingFirst;
            this.cssClass = cssClass;
        }
    }

    /** A column's header: its label, its class, the address that sorts by it, and aria-sort's value (or null). */
    public record Header(String label, String cssClass, String url, String ariaSort) {
    }

    /**
     * Which repositories the page shows: sorted by {@code sort} ({@code descending} or not),
     * page {@code page} of {@code pages}, {@code repositories} in all.
     */
    public record Listing(Column sort, boolean descending, int page, int pages, int repositories) {

        /** The first repository's position on this page, from 1. */
        public int first() {
            return (page - 1) * PAGE_SIZE + 1;
        }

        /** The last repository's position on this page. */
        public int last() {
            return Math.min(page * PAGE_SIZE, repositories);
        }

        /** The order in words, for the table's caption. */
        public String order() {
            return sort.label.toLowerCase(Locale.ROOT) + (descending ? ", descending" : ", ascending");
        }

        /** Every column's header, each a link that sorts by it (the current one the other way round). */
        public List<Header> headers() {
            return Arrays.stream(Column.values()).map(column -> new Header(column.label, column.cssClass,
                    url(column, column == sort ? !descending : column.descendingFirst, 1),
                    column != sort ? null : descending ? "descending" : "ascending")).toList();
        }

        /** The previous page's address, null on the first. */
        public String previous() {
            return page > 1 ? url(sort, descending, page - 1) : null;
        }

        /** The next page's address, null on the last. */
        public String next() {
            return page < pages ? url(sort, descending, page + 1) : null;
        }

        /** The address of page {@code number} in this order; the default order and page 1 are left out. */
        private static String url(Column sort, boolean descending, int number) {
            StringBuilder url = new StringBuilder("/");
            if (sort != Column.DEFAULT || descending != sort.descendingFirst) {
                url.append("?sort=").append(sort.parameter).append("&order=").append(descending ? "desc" : "asc");
            }
            if (number > 1) {
                url.append(url.length() == 1 ? '?' : '&').append("page=").append(number);
            }
            return url.toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RepositoryRow> repositories, Listing listing, Summary summary);
    }

    /**
     * {@code sort} names a column ({@link Column#parameter}), {@code order} is asc or desc, {@code
     * page} counts from 1. The page's queries share one transaction: one connection, one commit.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance index(@QueryParam("sort") String sortParam, @QueryParam("order") String orderParam,
            @QueryParam("page") String pageParam) {
        Column sort;
        String order;
        try {
            sort = Objects.requireNonNullElse(Choices.parse("sort", sortParam, Column.class, column -> column.parameter),
                    Column.DEFAULT);
            order = Choices.parse("order", orderParam, List.of("asc", "desc"));
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        boolean descending = order == null ? sort.descendingFirst : order.equals("desc");
        Long page = QueryParams.number("page", pageParam);
        if (page != null && page < 1) {
            throw PageException.badRequest("page must be 1 or more");
        }

        List<Standing> standings = reports.standings();
        Map<Long, Long> openAlerts = benchmarks.openAlertCounts();
        Map<Long, Boolean> gatePassed = gates.passedNow(standings.stream().map(Standing::currentScanId)
                .filter(Objects::nonNull).toList(), openAlerts);
        Function<Standing, Long> key = switch (sort) {
            case REPOSITORY -> null;
            case GRADE -> standing -> longOrNull(standing.score());
            case SCORE_TREND -> standing -> longOrNull(standing.scoreTrendChange());
            case UNSAFE_TREND -> standing -> longOrNull(standing.unsafeBlocksTrendChange());
            case LAST_SCAN -> standing -> standing.lastScanAt() == null ? null
                    : standing.lastScanAt().toInstant().toEpochMilli();
            case NEW_FINDINGS -> standing -> standing.currentScanId() == null ? null
                    : standing.firstScan() ? Long.valueOf(-1) : longOrNull(standing.findingsNew());
            case OPEN_ALERTS -> standing -> openAlerts.getOrDefault(standing.repositoryId(), 0L);
            case GATE -> standing -> {
                Boolean passed = standing.currentScanId() == null ? null : gatePassed.get(standing.currentScanId());
                return passed == null ? null : passed ? 1L : 0L;
            };
        };
        List<Standing> sorted = standings.stream().sorted(order(key, descending)).toList();
        int pages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page != null && page > pages) {
            throw PageException.notFound("There are " + pages + (pages == 1 ? " page" : " pages") + " of repositories.");
        }
        Listing listing = new Listing(sort, descending, page == null ? 1 : page.intValue(), pages, sorted.size());
        List<Standing> shown = sorted.subList(Math.min(sorted.size(), listing.first() - 1), listing.last());

        OffsetDateTime weekAgo = OffsetDateTime.now().minusDays(7);
        Summary summary = new Summary(gatePassed.values().stream().filter(Boolean.FALSE::equals).count(),
                gatePassed.size(), openAlerts.values().stream().mapToLong(Long::longValue).sum(),
                reports.newSevereFindings(standings.stream().filter(standing -> standing.currentScanId() != null
                        && !standing.firstScan() && standing.committedAt() != null
                        && standing.committedAt().isAfter(weekAgo)).map(Standing::currentScanId).toList()));
        return Templates.index(rows(shown, openAlerts, gatePassed), listing, summary);
    }

    /**
     * The rows of the repositories shown, with their scans and trends read for them alone; each
     * trend column on one scale over the page's rows.
     */
    private List<RepositoryRow> rows(List<Standing> shown, Map<Long, Long> openAlerts, Map<Long, Boolean> gatePassed) {
        List<Long> ids = shown.stream().map(Standing::repositoryId).toList();
        Map<Long, GitRepository> repositories = reports.repositories(ids);
        Map<Long, Scan> scans = reports.scans(shown.stream()
                .flatMap(standing -> Stream.of(standing.lastScanId(), standing.currentScanId()))
                .filter(Objects::nonNull).distinct().toList());
        Map<Long, RecentTrend> trends = recentTrends.of(ids);
        List<RecentTrend> shownTrends = ids.stream().map(id -> trends.getOrDefault(id, RecentTrend.NONE)).toList();
        Sparkline.Scale scores = Sparkline.Scale.ofScores(shownTrends.stream().map(RecentTrend::scores).toList());
        Sparkline.Scale unsafeBlocks = Sparkline.Scale.ofCounts(shownTrends.stream()
                .map(RecentTrend::unsafeBlocks).toList());
        return shown.stream().map(standing -> {
            RecentTrend trend = trends.getOrDefault(standing.repositoryId(), RecentTrend.NONE);
            Scan current = standing.currentScanId() == null ? null : scans.get(standing.currentScanId());
            return new RepositoryRow(repositories.get(standing.repositoryId()),
                    standing.lastScanId() == null ? null : scans.get(standing.lastScanId()), current,
                    new Sparkline("Score", trend.scores(), scores),
                    new Sparkline("Unsafe blocks", trend.unsafeBlocks(), unsafeBlocks),
                    openAlerts.getOrDefault(standing.repositoryId(), 0L),
                    current == null ? null : gatePassed.get(current.id), current != null && standing.firstScan());
        }).toList();
    }

    /**
     * The order of the rows: by {@code key} (by name when null), empty values last in either
     * direction as the page's other sortable tables have them, then by name and id.
     */
    private static Comparator<Standing> order(Function<Standing, Long> key, boolean descending) {
        Comparator<Standing> byName = Comparator.comparing(standing -> standing.name().toLowerCase(Locale.ROOT));
        if (key == null) {
            return (descending ? byName.reversed() : byName).thenComparing(Standing::repositoryId);
        }
        Comparator<Long> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(byName)
                .thenComparing(Standing::repositoryId);
    }

    /** A sort key from a nullable column: empty values sort last. */
    private static Long longOrNull(Integer value) {
        return value == null ? null : value.longValue();
    }
}
