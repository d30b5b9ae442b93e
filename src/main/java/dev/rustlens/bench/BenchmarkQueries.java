package dev.rustlens.bench;

import dev.rustlens.bench.detect.Detector;
import dev.rustlens.bench.detect.Threshold;
import dev.rustlens.bench.ingest.ParsedResult;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/** Read side of benchmarks: the repository's list, one measure's history, thresholds, alerts. */
@ApplicationScoped
public class BenchmarkQueries {

    /** The most history points one request returns (the newest ones). */
    static final int MAX_POINTS = 1000;
    /** The most benchmarks one comparison chart shows. */
    static final int MAX_SERIES = 20;

    /**
     * One measure of one benchmark in a repository's list: its latest result (on the branch and
     * testbed asked for, else anywhere), when its commit was made ({@code committedAt}: as uploaded,
     * else from the commit's scan; null when neither is known) and when it was uploaded
     * ({@code measuredAt}), its change against the baseline its alerts are judged by (the mean of
     * the threshold's window of results before it on the same branch and testbed; null without
     * one), and status {@code regressed} (an open alert), {@code acknowledged} or {@code ok}.
     */
    public record MeasureSummary(long benchmarkId, String benchmark, String crate, String measure, String unit,
            double latestValue, String commit, String branch, String testbed, OffsetDateTime committedAt,
            OffsetDateTime measuredAt, Double changePercent, Double baselineMean, String status, long openAlerts) {
    }

    /**
     * One point of a history: the value with its interval, where it was measured, when its commit
     * was made (as in {@link MeasureSummary}), the threshold band its baseline window gave (null
     * before the minimum sample size), and its alert if any.
     */
    public record HistoryPoint(long resultId, double value, Double lowerValue, Double upperValue, String commit,
            String branch, String testbed, OffsetDateTime committedAt, OffsetDateTime measuredAt, Double lowerLimit,
            Double upperLimit, AlertView alert) {
    }

    /** One benchmark's results of a measure, oldest first, for a chart of several benchmarks. */
    public record Series(long benchmarkId, String benchmark, List<SeriesPoint> points) {
    }

    /** A result in a {@link Series}: its commit, when the commit was made (else uploaded), and the value. */
    public record SeriesPoint(String commit, OffsetDateTime committedAt, OffsetDateTime measuredAt, double value) {
    }

    /** Every benchmark's series of one measure, for one chart, with the unit of their values. */
    public record Comparison(String measure, String unit, List<Series> series) {
    }

    /** A measure's history, oldest first, with the threshold in force and whether it is the default. */
    public record History(long benchmarkId, String benchmark, String crate, String measure, String unit,
            ThresholdView threshold, List<HistoryPoint> points) {
    }

    /** A threshold as the API shows it; {@code isDefault} when none was set for the measure. */
    public record ThresholdView(String measure, String test, int windowSize, int minSampleSize, Double upperBoundary,
            Double lowerBoundary, boolean isDefault) {
        static ThresholdView of(String measure, Threshold threshold, boolean isDefault) {
            return new ThresholdView(measure, threshold.test().wireName(), threshold.windowSize(),
                    threshold.minSampleSize(), threshold.upperBoundary(), threshold.lowerBoundary(), isDefault);
        }
    }

    @Transactional
    public List<MeasureSummary> list(long repositoryId, String branch, String testbed) {
        GitRepository repository = BenchmarkService.repository(repositoryId);
        List<Benchmark> benchmarks = Benchmark.listOf(repository);
        // Each kind of data is read once for the whole repository: the number of queries does not grow
        // with its benchmarks and measures.
        List<BenchmarkResult> latest = latestResults(repository, branch, testbed);
        Map<MeasureKey, BenchmarkThreshold> stored = new HashMap<>();
        BenchmarkThreshold.<BenchmarkThreshold>list("benchmark.repository = ?1", repository)
                .forEach(threshold -> stored.put(new MeasureKey(threshold.benchmark.id, threshold.measure), threshold));
        Map<Long, List<Double>> baselines = baselines(latest.stream()
                .collect(Collectors.toMap(result -> result.id, result -> BenchmarkThreshold
                        .effective(stored.get(MeasureKey.of(result)), result.measure).windowSize())));
        Map<MeasureKey, Map<BenchmarkAlert.Status, Long>> alerts = alertCounts(repository);
        Map<String, OffsetDateTime> scanned = scanTimes(repository,
                latest.stream().filter(result -> result.committedAt == null).map(result -> result.commitSha).toList());
        Map<Long, List<BenchmarkResult>> latestByBenchmark = latest.stream()
                .collect(Collectors.groupingBy(result -> result.benchmark.id));
        List<MeasureSummary> summaries = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            for (BenchmarkResult result : latestByBenchmark.getOrDefault(benchmark.id, List.of())) {
                List<Double> baseline = baselines.getOrDefault(result.id, List.of());
                Double mean = baseline.isEmpty() ? null
                        : baseline.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                Double change = mean == null || mean == 0 ? null : (result.value - mean) / Math.abs(mean) * 100;
                Map<BenchmarkAlert.Status, Long> counts = alerts.getOrDefault(MeasureKey.of(result), Map.of());
                long open = counts.getOrDefault(BenchmarkAlert.Status.open, 0L);
                String status = open > 0 ? "regressed"
                        : counts.containsKey(BenchmarkAlert.Status.acknowledged) ? "acknowledged" : "ok";
                summaries.add(new MeasureSummary(benchmark.id, benchmark.name, benchmark.crateName, result.measure,
                        ParsedResult.unitOf(result.measure), result.value, result.commitSha, result.branch,
                        result.testbed, result.committedAt != null ? result.committedAt : scanned.get(result.commitSha),
                        result.createdAt, change, mean, status, open));
            }
        }
        return summaries;
    }

    /** A measure of a benchmark, as the list's per-measure lookups are keyed. */
    private record MeasureKey(long benchmarkId, String measure) {
        static MeasureKey of(BenchmarkResult result) {
            return new MeasureKey(result.benchmark.id, result.measure);
        }
    }

    /**
     * The newest result (highest id, as {@link #newestFirst} orders) of each measure of each of the
     * repository's benchmarks, on the branch and testbed given (null = any), by benchmark id and then measure.
     */
    private static List<BenchmarkResult> latestResults(GitRepository repository, String branch, String testbed) {
        // max(id) per group can be read from the index benchmark_result_window alone; distinct on sorts every row.
        StringBuilder newest = new StringBuilder("""
                select max(x.id) from benchmark_result x join benchmark b on b.id = x.benchmark_id
                where b.repository_id = :repository""");
        if (branch != null) {
            newest.append(" and x.branch = :branch");
        }
        if (testbed != null) {
            newest.append(" and x.testbed = :testbed");
        }
        newest.append(" group by x.benchmark_id, x.measure");
        NativeQuery<BenchmarkResult> latest = session().createNativeQuery(
                "select r.* from benchmark_result r where r.id in (" + newest + ") order by r.benchmark_id, r.measure",
                BenchmarkResult.class).setParameter("repository", repository.id);
        if (branch != null) {
            latest.setParameter("branch", branch);
        }
        if (testbed != null) {
            latest.setParameter("testbed", testbed);
        }
        return latest.getResultList();
    }

    /**
     * The values of the baseline window of each result (its id, to the size of its window), oldest
     * first: what {@link BenchmarkResult#window} reads, for all at once; results with an empty window are absent.
     */
    private static Map<Long, List<Double>> baselines(Map<Long, Integer> windowSizes) {
        Map<Long, List<Double>> baselines = new HashMap<>();
        if (windowSizes.isEmpty()) {
            return baselines;
        }
        Long[] ids = windowSizes.keySet().toArray(Long[]::new);
        Integer[] sizes = Arrays.stream(ids).map(windowSizes::get).toArray(Integer[]::new);
        // Each window is a short backward walk of the index benchmark_result_window.
        session().createNativeQuery("""
                select l.id as latest_id, w.value from unnest(?1, ?2) as wanted (id, window_size)
                join benchmark_result l on l.id = wanted.id
                cross join lateral (select p.id, p.value from benchmark_result p
                    where p.benchmark_id = l.benchmark_id and p.measure = l.measure and p.branch = l.branch
                      and p.testbed = l.testbed and p.id < l.id
                    order by p.id desc limit wanted.window_size) w
                order by l.id, w.id""", Tuple.class)
                .setParameter(1, ids).setParameter(2, sizes).getResultList()
                .forEach(row -> baselines.computeIfAbsent(row.get("latest_id", Long.class), id -> new ArrayList<>())
                        .add(row.get("value", Double.class)));
        return baselines;
    }

    /** How many alerts each measure of the repository's benchmarks has in each status it has any in. */
    private static Map<MeasureKey, Map<BenchmarkAlert.Status, Long>> alertCounts(GitRepository repository) {
        Map<MeasureKey, Map<BenchmarkAlert.Status, Long>> counts = new HashMap<>();
        BenchmarkAlert.getEntityManager().createQuery("""
                select a.result.benchmark.id as benchmark, a.result.measure as measure, a.status as status,
                       count(a) as alerts
                from BenchmarkAlert a where a.result.benchmark.repository = ?1
                group by a.result.benchmark.id, a.result.measure, a.status""", Tuple.class)
                .setParameter(1, repository).getResultList()
                .forEach(row -> counts.computeIfAbsent(new MeasureKey(row.get("benchmark", Long.class),
                        row.get("measure", String.class)), key -> new EnumMap<>(BenchmarkAlert.Status.class))
                        .put(row.get("status", BenchmarkAlert.Status.class), row.get("alerts", Long.class)));
        return counts;
    }

    @Transactional
    public History history(long benchmarkId, String measure, String branch, String testbed) {
        Benchmark benchmark = BenchmarkService.benchmark(benchmarkId);
        if (!measures(benchmark).contains(measure)) {
            throw new BadRequest("benchmark " + benchmarkId + " has no measure " + Echo.quoted(measure)
                    + "; it has " + measures(benchmark));
        }
        Threshold threshold = BenchmarkThreshold.effective(benchmark, measure);
        List<BenchmarkResult> newestFirst = newestFirst(benchmark, measure, branch, testbed).page(0, MAX_POINTS).list();
        Map<Long, BenchmarkAlert> alerts = new HashMap<>();
        BenchmarkAlert.<BenchmarkAlert>list("result.benchmark = ?1 and result.measure = ?2", benchmark, measure)
                .forEach(alert -> alerts.put(alert.result.id, alert));
        // Each point's band comes from the results before it on its own branch and testbed.
        Map<String, List<Double>> seriesSoFar = new HashMap<>();
        Map<String, OffsetDateTime> committed = commitTimes(benchmark.repository, newestFirst);
        List<HistoryPoint> points = new ArrayList<>();
        for (BenchmarkResult result : newestFirst.reversed()) {
            List<Double> before = seriesSoFar.computeIfAbsent(result.branch + "\n" + result.testbed,
                    key -> new ArrayList<>(BenchmarkResult.window(result, threshold.windowSize()).stream()
                            .map(r -> r.value).toList()));
            Detector.Evaluation band = Detector.evaluate(threshold, before, result.value);
            BenchmarkAlert alert = alerts.get(result.id);
            points.add(new HistoryPoint(result.id, result.value, result.lowerValue, result.upperValue,
                    result.commitSha, result.branch, result.testbed, committed.get(result.commitSha), result.createdAt,
                    band.lowerLimit(),
                    band.upperLimit(), alert == null ? null : AlertView.of(alert)));
            before.add(result.value);
        }
        return new History(benchmark.id, benchmark.name, benchmark.crateName, measure, ParsedResult.unitOf(measure),
                thresholdView(benchmark, measure), points);
    }

    /**
     * One measure of every benchmark of the repository (the first {@code MAX_SERIES} by name that
     * have it), on the branch and testbed given (null = any), newest {@code MAX_POINTS} each.
     */
    @Transactional
    public Comparison compare(long repositoryId, String measure, String branch, String testbed) {
        GitRepository repository = BenchmarkService.repository(repositoryId);
        // Three queries whatever the number of benchmarks: those with the measure, their newest
        // results, and the times of the results' commits.
        Set<Long> measured = new HashSet<>(BenchmarkResult.getEntityManager().createQuery("select distinct r.benchmark.id"
                + " from BenchmarkResult r where r.benchmark.repository = ?1 and r.measure = ?2", Long.class)
                .setParameter(1, repository).setParameter(2, measure).getResultList());
        List<Benchmark> compared = Benchmark.listOf(repository).stream()
                .filter(benchmark -> measured.contains(benchmark.id)).limit(MAX_SERIES).toList();
        if (compared.isEmpty()) {
            throw new BadRequest("no benchmark of repository " + repositoryId + " has the measure " + Echo.quoted(measure));
        }
        Map<Long, List<BenchmarkResult>> newest = newestResults(compared, measure, branch, testbed);
        Map<String, OffsetDateTime> committed = commitTimes(repository,
                newest.values().stream().flatMap(List::stream).toList());
        List<Series> series = compared.stream().map(benchmark -> new Series(benchmark.id, benchmark.name,
                newest.getOrDefault(benchmark.id, List.of()).reversed().stream()
                        .map(result -> new SeriesPoint(result.commitSha, committed.get(result.commitSha),
                                result.createdAt, result.value))
                        .toList())).toList();
        return new Comparison(measure, ParsedResult.unitOf(measure), series);
    }

    /**
     * The newest {@code MAX_POINTS} results of the measure of each of {@code benchmarks}, newest
     * first, on the branch and testbed given (null = any), by benchmark id.
     */
    private static Map<Long, List<BenchmarkResult>> newestResults(List<Benchmark> benchmarks, String measure,
            String branch, String testbed) {
        StringBuilder ranked = new StringBuilder("""
                select x.id, row_number() over (partition by x.benchmark_id order by x.id desc) as rank
                from benchmark_result x where x.benchmark_id = any(:benchmarks) and x.measure = :measure""");
        if (branch != null) {
            ranked.append(" and x.branch = :branch");
        }
        if (testbed != null) {
            ranked.append(" and x.testbed = :testbed");
        }
        NativeQuery<BenchmarkResult> query = session().createNativeQuery("select r.* from benchmark_result r where"
                + " r.id in (select id from (" + ranked + ") ranked where rank <= :points) order by r.benchmark_id,"
                + " r.id desc", BenchmarkResult.class)
                .setParameter("benchmarks", benchmarks.stream().map(benchmark -> benchmark.id).toArray(Long[]::new))
                .setParameter("measure", measure).setParameter("points", MAX_POINTS);
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        if (testbed != null) {
            query.setParameter("testbed", testbed);
        }
        return query.getResultList().stream().collect(Collectors.groupingBy(result -> result.benchmark.id,
                LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * When each result's commit was made: as its upload said, else as the commit's scan in the
     * repository recorded; commits known to neither are absent.
     */
    private static Map<String, OffsetDateTime> commitTimes(GitRepository repository, List<BenchmarkResult> results) {
        Map<String, OffsetDateTime> times = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (BenchmarkResult result : results) {
            if (result.committedAt != null) {
                times.putIfAbsent(result.commitSha, result.committedAt);
            } else {
                unknown.add(result.commitSha);
            }
        }
        unknown.removeAll(times.keySet());
        times.putAll(scanTimes(repository, unknown));
        return times;
    }

    /** When each of {@code commits} was made as the repository's scans of it recorded; undated commits are absent. */
    private static Map<String, OffsetDateTime> scanTimes(GitRepository repository, List<String> commits) {
        Map<String, OffsetDateTime> times = new HashMap<>();
        if (commits.isEmpty()) {
            return times;
        }
        List<Tuple> scanned = session().createNativeQuery("""
                select commit_sha, max(committed_at) as committed_at from scan
                where repository_id = ?1 and commit_sha = any(?2) and committed_at is not null
                group by commit_sha""", Tuple.class)
                .setParameter(1, repository.id).setParameter(2, commits.stream().distinct().toArray(String[]::new))
                .getResultList();
        for (Tuple row : scanned) {
            times.put(row.get("commit_sha", String.class),
                    row.get("committed_at", Instant.class).atOffset(ZoneOffset.UTC));
        }
        return times;
    }

    @Transactional
    public List<ThresholdView> thresholds(long benchmarkId) {
        Benchmark benchmark = BenchmarkService.benchmark(benchmarkId);
        return measures(benchmark).stream().map(measure -> thresholdView(benchmark, measure)).toList();
    }

    /** Every alert of the repository, newest first, of {@code status} when given. */
    public List<AlertView> alerts(long repositoryId, BenchmarkAlert.Status status) {
        return alerts(repositoryId, status, null, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code limit} alerts of the repository older than the alert {@code beforeId} (from the
     * newest when null), newest first, of {@code status} when given.
     */
    @Transactional
    public List<AlertView> alerts(long repositoryId, BenchmarkAlert.Status status, Long beforeId, int limit) {
        Map<String, Object> parameters = new HashMap<>(Map.of("repository", BenchmarkService.repository(repositoryId),
                "before", beforeId == null ? Long.MAX_VALUE : beforeId));
        StringBuilder query = new StringBuilder("result.benchmark.repository = :repository and id < :before");
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        return BenchmarkAlert.<BenchmarkAlert>find(query + " order by id desc", parameters).page(0, limit).stream()
                .map(AlertView::of).toList();
    }

    private static ThresholdView thresholdView(Benchmark benchmark, String measure) {
        boolean isDefault = BenchmarkThreshold.count("benchmark = ?1 and measure = ?2", benchmark, measure) == 0;
        return ThresholdView.of(measure, BenchmarkThreshold.effective(benchmark, measure), isDefault);
    }

    /** A measure's results, newest first, on the branch and testbed given (null = any). */
    private static PanacheQuery<BenchmarkResult> newestFirst(Benchmark benchmark, String measure, String branch,
            String testbed) {
        Map<String, Object> parameters = new HashMap<>(Map.of("benchmark", benchmark, "measure", measure));
        StringBuilder query = new StringBuilder("benchmark = :benchmark and measure = :measure");
        if (branch != null) {
            query.append(" and branch = :branch");
            parameters.put("branch", branch);
        }
        if (testbed != null) {
            query.append(" and testbed = :testbed");
            parameters.put("testbed", testbed);
        }
        return BenchmarkResult.find(query.append(" order by id desc").toString(), parameters);
    }

    private static List<String> measures(Benchmark benchmark) {
        return BenchmarkResult.getEntityManager()
                .createQuery("select distinct r.measure from BenchmarkResult r where r.benchmark = ?1 order by r.measure",
                        String.class)
                .setParameter(1, benchmark).getResultList();
    }

    private static Session session() {
        return BenchmarkResult.getEntityManager().unwrap(Session.class);
    }
}
