package dev.rustlens.gate;

import java.util.List;
import java.util.Map;

/**
 * The gate's verdict on one scan: passed or not, each condition with its actual and expected
 * value, and what is new since the baseline scan.
 */
public record GateVerdict(long scanId, Long baselineScanId, boolean passed, List<ConditionResult> conditions,
        NewCode newCode) {

    /** One condition and how the scan fared. */
    public record ConditionResult(GateCondition condition, String description, boolean passed, String actual,
            String expected) {
    }

    /**
     * What changed since the baseline: findings that are new (not in the baseline scan, not
     * suppressed, outside tests, not triaged) by severity and by check, and each count's change.
     */
    public record NewCode(Long baselineScanId, long newFindings, Map<String, Long> bySeverity, Map<String, Long> byCheck,
            Map<String, Long> metricsDelta) {
    }
}
