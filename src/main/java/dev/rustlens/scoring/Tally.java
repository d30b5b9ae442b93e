package dev.rustlens.scoring;

import dev.rustlens.analysis.metric.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the formula reads of a crate snapshot: its metrics, and the findings that count grouped by
 * check. Fix ranking asks it what the snapshot would be with some findings fixed.
 */
final class Tally {

    private final Map<String, Long> metrics;
    private final Map<String, List<ScoredFinding>> counted;

    private Tally(Map<String, Long> metrics, Map<String, List<ScoredFinding>> counted) {
        this.metrics = metrics;
        this.counted = counted;
    }

    static Tally of(Map<String, Long> metrics, Collection<ScoredFinding> findings) {
        Map<String, List<ScoredFinding>> counted = new LinkedHashMap<>();
        for (ScoredFinding finding : findings) {
            if (finding.counts()) {
                counted.computeIfAbsent(finding.checkId(), key -> new ArrayList<>()).add(finding);
            }
        }
        return new Tally(Map.copyOf(metrics), counted);
    }

    long metric(Metric metric) {
        return Math.max(0, metrics.getOrDefault(metric.key(), 0L));
    }

    /** A figure stored under a key that is not an analysis metric (imported coverage), 0 when absent. */
    long value(String key) {
        return Math.max(0, metrics.getOrDefault(key, 0L));
    }

    boolean flag(Metric metric) {
        return metric(metric) > 0;
    }

    /** Non-test code in thousands of lines, at least {@value ScoreFormula#MIN_DENSITY_LINES} lines. */
    double kloc() {
        return Math.max(metric(Metric.LIBRARY_CODE_LINES), ScoreFormula.MIN_DENSITY_LINES) / 1000.0;
    }

    /** How many findings of these checks count. */
    long count(String... checkIds) {
        long count = 0;
        for (String checkId : checkIds) {
            count += counted.getOrDefault(checkId, List.of()).size();
        }
        return count;
    }

    /** The fingerprints of the findings of these checks that count. */
    List<String> fingerprints(String... checkIds) {
        List<String> fingerprints = new ArrayList<>();
        for (String checkId : checkIds) {
            counted.getOrDefault(checkId, List.of()).forEach(finding -> fingerprints.add(finding.fingerprint()));
        }
        return fingerprints;
    }

    /** The findings that count, by check. */
    Map<String, List<ScoredFinding>> counted() {
        return counted;
    }

    /**
     * This snapshot with {@code fixed} findings fixed: gone, and the metrics moved the way fixing
     * them moves them ({@link ScoreFormula#FIX_EFFECTS}).
     */
    Tally fixing(Collection<ScoredFinding> fixed) {
        Map<String, Long> moved = new HashMap<>(metrics);
        // Only the fixed findings' checks are copied; the other lists are shared, as no tally changes its own.
        Map<String, List<ScoredFinding>> left = new LinkedHashMap<>(counted);
        Map<String, Map<ScoredFinding, Integer>> fixedByCheck = new HashMap<>();
        fixed.forEach(finding -> fixedByCheck.computeIfAbsent(finding.checkId(), check -> new HashMap<>())
                .merge(finding, 1, Integer::sum));
        fixedByCheck.forEach((check, gone) -> {
            List<ScoredFinding> kept = new ArrayList<>();
            for (ScoredFinding finding : counted.getOrDefault(check, List.of())) {
                // Each fixed finding takes one equal finding away, as List.remove would.
                Integer times = gone.get(finding);
                if (times != null) {
                    if (times == 1) {
                        gone.remove(finding);
                    } else {
                        gone.put(finding, times - 1);
                    }
                    ScoreFormula.FIX_EFFECTS.getOrDefault(check, Map.of()).forEach((metric, change) ->
                            moved.merge(metric.key(), change, Long::sum));
                } else {
                    kept.add(finding);
                }
            }
            if (left.containsKey(check)) {
                left.put(check, kept);
            }
        });
        return new Tally(moved, left);
    }
}
