package dev.rustlens.bench;

import dev.rustlens.bench.ingest.ParsedResult;
import java.time.OffsetDateTime;

/**
 * A benchmark alert as the API shows it: which result, the test, the baseline (mean, sample
 * standard deviation, size), the limit crossed, the new value and its change from the mean in
 * percent, the unit of the values ({@code ns}, {@code B/s}, ...; empty for a custom measure), and
 * who acknowledged or resolved it ({@code changedBy}).
 */
public record AlertView(long id, String status, long repositoryId, long benchmarkId, String benchmark, String measure,
        String unit, String commit, String branch, String testbed, String test, String boundary, double baselineMean,
        double baselineSpread, int baselineSize, double limit, double value, double changePercent,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, String changedBy) {

    static AlertView of(BenchmarkAlert alert) {
        BenchmarkResult result = alert.result;
        return new AlertView(alert.id, alert.status.name(), result.benchmark.repository.id, result.benchmark.id,
                result.benchmark.name, result.measure, ParsedResult.unitOf(result.measure), result.commitSha, result.branch, result.testbed, alert.test,
                alert.boundary, alert.baselineMean, alert.baselineSpread, alert.baselineSize, alert.limitValue,
                alert.value, alert.changePercent, alert.createdAt, alert.updatedAt, alert.changedBy);
    }
}
