package dev.rustlens.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rustlens.bench.AlertView;
import dev.rustlens.gate.GateStatusChanged;
import dev.rustlens.scan.ScanFailed;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of a delivery: the event, when it happened, the repository, and one part that
 * says what happened ({@code gate}, {@code scan} or {@code alert}, after the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(String event, Instant occurredAt, Repository repository, Gate gate, Scan scan, Alert alert) {

    /** Which repository. */
    record Repository(long id, String name) {
    }

    /** The new verdict of a branch's newest scan, the one before (null for the first), and the conditions. */
    record Gate(String status, String previousStatus, long scanId, String branch, String commit, Long baselineScanId,
            List<Condition> conditions) {
    }

    /** One gate condition and how the scan fared. */
    record Condition(String description, boolean passed, String actual, String expected) {
    }

    /** The scan that failed and why. */
    record Scan(long id, String branch, String commit, String error) {
    }

    /** The result that crossed its threshold, and the baseline it was judged against. */
    record Alert(long id, long benchmarkId, String benchmark, String measure, String commit, String branch,
            String testbed, String test, String boundary, double baselineMean, double baselineSpread, int baselineSize,
            double limit, double value, double changePercent) {
    }

    static WebhookPayload of(Repository repository, GateStatusChanged changed) {
        return new WebhookPayload(WebhookEvent.gate_status.name(), Instant.now(), repository,
                new Gate(changed.status(), changed.previousStatus(), changed.verdict().scanId(), changed.branch(),
                        changed.commit(), changed.verdict().baselineScanId(), changed.verdict().conditions().stream()
                                .map(result -> new Condition(result.description(), result.passed(), result.actual(),
                                        result.expected()))
                                .toList()),
                null, null);
    }

    static WebhookPayload of(Repository repository, ScanFailed failed) {
        return new WebhookPayload(WebhookEvent.scan_failed.name(), Instant.now(), repository, null,
                new Scan(failed.scanId(), failed.branch(), failed.commit(), failed.error()), null);
    }

    static WebhookPayload of(Repository repository, AlertView alert) {
        return new WebhookPayload(WebhookEvent.benchmark_alert.name(), Instant.now(), repository, null, null,
                new Alert(alert.id(), alert.benchmarkId(), alert.benchmark(), alert.measure(), alert.commit(),
                        alert.branch(), alert.testbed(), alert.test(), alert.boundary(), alert.baselineMean(),
                        alert.baselineSpread(), alert.baselineSize(), alert.limit(), alert.value(), alert.changePercent()));
    }
}
