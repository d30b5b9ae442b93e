package dev.rustlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.bench.BenchmarkQueries.MeasureSummary;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.SeededScans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repository's benchmark list against PostgreSQL, every field checked against values worked out
 * by hand: benchmarks of two measures with results on two branches and testbeds, a threshold whose
 * window leaves out the oldest result, alerts in every status, and commit times uploaded, scanned
 * (twice) or unknown; with and without the branch and testbed filters.
 */
@QuarkusTest
class BenchmarkQueriesListTest {

    private static final Instant MEASURED = Instant.parse("2026-02-01T00:00:00Z");

    @Inject
    EntityManager entityManager;

    @Inject
    BenchmarkQueries queries;

    private final List<Long> seeded = new ArrayList<>();
    /** Result ids by the names the expectations refer to them by. */
    private final Map<String, Long> results = new HashMap<>();
    private final Map<Long, Instant> measuredAt = new HashMap<>();
    private long repository;
    private long alpha;
    private long beta;
    private long gamma;

    @BeforeEach
    void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            repository = TestRepositories.registered("bench-list-").id;
            long other = TestRepositories.registered("bench-list-other-").id;
            seeded.addAll(List.of(repository, other));
            // Inserted out of name order: the list goes by name. delta has no result and is left out.
            gamma = benchmark(repository, "gamma", null);
            alpha = benchmark(repository, "alpha", "parser");
            beta = benchmark(repository, "beta", "parser");
            benchmark(repository, "delta", null);

            // Throughput first: measures are listed by name, not by when they were first measured.
            result("t0", alpha, "throughput-bytes", 1000, "c1", "main", "x86", null);
            result("t1", alpha, "throughput-bytes", 1100, "c2", "main", "x86", null);
            result("t2", alpha, "throughput-bytes", 900, "c4", "main", "x86", null);
            result("a0", alpha, "latency", 500, "c0", "main", "x86", null);
            result("a1", alpha, "latency", 100, "c1", "main", "x86", null);
            result("a2", alpha, "latency", 102, "c2", "main", "x86", null);
            result("a3", alpha, "latency", 50, "c2", "main", "arm", null);
            result("a4", alpha, "latency", 98, "c3", "main", "x86", null);
            result("a5", alpha, "latency", 104, "c4", "main", "x86", "2026-01-04T12:00:00Z");
            result("a6", alpha, "latency", 55, "c4", "main", "arm", null);
            result("a7", alpha, "latency", 110, "c5", "feature", "x86", null);
            result("a8", alpha, "latency", 120, "c6", "feature", "x86", "2026-01-06T08:30:00+02:00");
            result("b0", beta, "latency", 10, "c7", "main", "x86", null);
            result("g0", gamma, "latency", 0, "c8", "main", "x86", null);
            result("g1", gamma, "latency", 5, "c9", "main", "x86", null);
            // Three results back, so a0 is outside the window on main/x86.
            threshold(alpha, "latency", 3);
            alert("a5", "open");
            alert("a2", "acknowledged");
            alert("t1", "acknowledged");
            alert("t0", "resolved");
            alert("b0", "resolved");
            scan(repository, "c4", "2026-01-04T11:00:00Z");
            scan(repository, "c6", "2026-01-06T00:00:00Z");
            scan(repository, "c7", "2026-01-07T09:00:00Z");
            scan(repository, "c7", "2026-01-07T10:00:00Z");
            scan(repository, "c7", null);
            scan(other, "c9", "2026-01-09T00:00:00Z");

            // Another repository's benchmark of the same name: its threshold and open alert count for nothing here.
            long otherAlpha = benchmark(other, "alpha", null);
            result("o0", otherAlpha, "throughput-bytes", 1, "c1", "main", "x86", null);
            alert("o0", "open");
            threshold(otherAlpha, "throughput-bytes", 2);
        });
    }

    @AfterEach
    void deleteSeeded() {
        QuarkusTransaction.requiringNew().run(() -> seeded.forEach(id -> SeededScans.delete(session(), id)));
    }

    @Test
    void eachMeasureShowsItsNewestResultAnywhereWithItsBaselineStatusAndCommitTime() {
        assertEquals(List.of(
                // Its own branch's window: a7 alone. The uploaded time, not the scan's, in the upload's instant.
                summary(alpha, "alpha", "parser", "latency", "ns", "a8", 120, "c6", "feature", "x86",
                        "2026-01-06T06:30:00Z", 1000.0 / 110, 110.0, "regressed", 1),
                // The default window holds both earlier results; an acknowledged alert outweighs a resolved one.
                summary(alpha, "alpha", "parser", "throughput-bytes", "B/s", "t2", 900, "c4", "main", "x86",
                        "2026-01-04T11:00:00Z", -150.0 / 1050 * 100, 1050.0, "acknowledged", 0),
                // Not uploaded: the latest of its commit's scans that know the time.
                summary(beta, "beta", "parser", "latency", "ns", "b0", 10, "c7", "main", "x86",
                        "2026-01-07T10:00:00Z", null, null, "ok", 0),
                // A zero mean gives no change; only another repository scanned c9.
                summary(gamma, "gamma", null, "latency", "ns", "g1", 5, "c9", "main", "x86",
                        null, null, 0.0, "ok", 0)),
                comparable(queries.list(repository, null, null)));
    }

    @Test
    void theBranchAndTestbedFiltersChooseTheLatestResultAndItsBaseline() {
        MeasureSummary throughput = summary(alpha, "alpha", "parser", "throughput-bytes", "B/s", "t2", 900, "c4",
                "main", "x86", "2026-01-04T11:00:00Z", -150.0 / 1050 * 100, 1050.0, "acknowledged", 0);
        MeasureSummary beta = summary(this.beta, "beta", "parser", "latency", "ns", "b0", 10, "c7", "main", "x86",
                "2026-01-07T10:00:00Z", null, null, "ok", 0);
        MeasureSummary gamma = summary(this.gamma, "gamma", null, "latency", "ns", "g1", 5, "c9", "main", "x86", null,
                null, 0.0, "ok", 0);
        // The window of three is a1, a2 and a4, mean 100; its upload said when c4 was made.
        assertEquals(List.of(summary(alpha, "alpha", "parser", "latency", "ns", "a5", 104, "c4", "main", "x86",
                "2026-01-04T12:00:00Z", 4.0, 100.0, "regressed", 1), throughput, beta, gamma),
                comparable(queries.list(repository, "main", "x86")));
        // a6 on arm is newer than a5; its window is a3 alone, and a6 (not uploaded) takes c4's scan time
        // although a5 of the same commit was uploaded with another. Alerts count on every branch and testbed.
        MeasureSummary onArm = summary(alpha, "alpha", "parser", "latency", "ns", "a6", 55, "c4", "main", "arm",
                "2026-01-04T11:00:00Z", 10.0, 50.0, "regressed", 1);
        assertEquals(List.of(onArm, throughput, beta, gamma), comparable(queries.list(repository, "main", null)));
        assertEquals(List.of(onArm), comparable(queries.list(repository, null, "arm")));
        assertEquals(List.of(), queries.list(repository, "feature", "arm"));
    }

    private MeasureSummary summary(long benchmarkId, String benchmark, String crate, String measure, String unit,
            String result, double value, String commit, String branch, String testbed, String committedAt,
            Double changePercent, Double baselineMean, String status, long openAlerts) {
        return comparable(new MeasureSummary(benchmarkId, benchmark, crate, measure, unit, value, commit, branch,
                testbed, committedAt == null ? null : OffsetDateTime.parse(committedAt),
                measuredAt.get(results.get(result)).atOffset(ZoneOffset.UTC), changePercent, baselineMean, status,
                openAlerts));
    }

    /** The summaries with their times in UTC and the change and mean to six decimals, for comparing. */
    private static List<MeasureSummary> comparable(List<MeasureSummary> summaries) {
        return summaries.stream().map(BenchmarkQueriesListTest::comparable).toList();
    }

    private static MeasureSummary comparable(MeasureSummary s) {
        return new MeasureSummary(s.benchmarkId(), s.benchmark(), s.crate(), s.measure(), s.unit(), s.latestValue(),
                s.commit(), s.branch(), s.testbed(), utc(s.committedAt()), utc(s.measuredAt()),
                rounded(s.changePercent()), rounded(s.baselineMean()), s.status(), s.openAlerts());
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 1e6) / 1e6;
    }

    private long benchmark(long repositoryId, String name, String crate) {
        return id("insert into benchmark (repository_id, name, crate_name) values (%d, '%s', %s) returning id"
                .formatted(repositoryId, name, crate == null ? "null" : "'" + crate + "'"));
    }

    /** A result named {@code name}, measured a minute after the one seeded before it. */
    private void result(String name, long benchmark, String measure, double value, String commit, String branch,
            String testbed, String committedAt) {
        Instant measured = MEASURED.plusSeconds(60L * results.size());
        long id = id("""
                insert into benchmark_result (benchmark_id, measure, value, commit_sha, branch, testbed, committed_at,
                                              created_at)
                values (%d, '%s', %s, '%s', '%s', '%s', %s, '%s') returning id""".formatted(benchmark, measure, value,
                commit, branch, testbed, committedAt == null ? "null" : "'" + committedAt + "'", measured));
        results.put(name, id);
        measuredAt.put(id, measured);
    }

    private void threshold(long benchmark, String measure, int windowSize) {
        sql("""
                insert into benchmark_threshold (benchmark_id, measure, test, window_size, min_sample_size,
                                                 upper_boundary)
                values (%d, '%s', 'percentage', %d, 2, 0.1)""".formatted(benchmark, measure, windowSize));
    }

    private void alert(String result, String status) {
        sql("""
                insert into benchmark_alert (result_id, test, boundary, baseline_mean, baseline_spread, baseline_size,
                                             limit_value, value, change_percent, status)
                values (%d, 'percentage', 'upper', 1, 0, 3, 1, 1, 0, '%s')""".formatted(results.get(result), status));
    }

    private void scan(long repositoryId, String commit, String committedAt) {
        sql("""
                insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, started_at,
                                  finished_at, committed_at)
                values (%d, 'main', '%s', 'api', 'succeeded', now(), now(), now(), %s)""".formatted(repositoryId,
                commit, committedAt == null ? "null" : "'" + committedAt + "'"));
    }

    private long id(String insert) {
        return session().createNativeQuery(insert, Long.class).getSingleResult();
    }

    private void sql(String statement) {
        session().createNativeMutationQuery(statement).executeUpdate();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
