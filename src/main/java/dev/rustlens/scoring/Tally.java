package dev.rustlens.scoring;

import dev.rustlens.analysis.metric.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * How many findings of each of these checks count, the checks without any left out: the
     * evidence of a rating part. The formula's numbers read {@link #count}, never these.
     */
    Map<String, Integer> countsByCheck(String... checkIds) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String checkId : checkIds) {
            int count = counted.getOrDefault(checkId, List.of()).size();
            if (count > 0) {
                counts.put(checkId, count);
            }
        }
        return counts;
    }

    /** The findings that count, by check. */
    Map<String, List<ScoredFinding>> counted() {
        return counted;
    }

    /**
     * This snapshot with {@code count} findings of {@code checkId} fixed: gone, and the metrics
     * moved the way fixing them moves them ({@link ScoreFormula#FIX_EFFECTS}). Which of the check's
     * findings go does not matter: the formula reads how many count.
     */
    Tally fixing(String checkId, int count) {
        List<ScoredFinding> ofCheck = counted.getOrDefault(checkId, List.of());
        int fixed = Math.min(count, ofCheck.size());
        Map<String, Long> moved = new HashMap<>(metrics);
        ScoreFormula.FIX_EFFECTS.getOrDefault(checkId, Map.of()).forEach((metric, change) ->
                moved.merge(metric.key(), change * fixed, Long::sum));
        // The other checks' lists are shared, as no tally changes its own.
        Map<String, List<ScoredFinding>> left = new LinkedHashMap<>(counted);
        if (left.containsKey(checkId)) {
            left.put(checkId, ofCheck.subList(fixed, ofCheck.size()));
        }
        return new Tally(moved, left);
    }
}
