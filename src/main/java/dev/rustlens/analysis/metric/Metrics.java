package dev.rustlens.analysis.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable bag of metric values, summed over files and crates. */
public final class Metrics {

    private static final Metric[] METRICS = Metric.values();

    /** By ordinal: every file keeps a set of metrics, so no boxed values and no map. */
    private final long[] values = new long[METRICS.length];

    public long get(Metric metric) {
        return values[metric.ordinal()];
    }

    public void add(Metric metric, long amount) {
        values[metric.ordinal()] += amount;
    }

    public void increment(Metric metric) {
        add(metric, 1);
    }

    public void set(Metric metric, long value) {
        values[metric.ordinal()] = value;
    }

    public void set(Metric metric, boolean flag) {
        set(metric, flag ? 1L : 0L);
    }

    public void addAll(Metrics other) {
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
    }

    /** All metrics by key, zeros included, in declaration order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = LinkedHashMap.newLinkedHashMap(METRICS.length);
        for (Metric metric : METRICS) {
            map.put(metric.key(), get(metric));
        }
        return map;
    }

    /** Reads back a map written by {@link #asMap()}; unknown keys are ignored. */
    public static Metrics fromMap(Map<String, Long> map) {
        Metrics metrics = new Metrics();
        for (Metric metric : METRICS) {
            Long value = map.get(metric.key());
            if (value != null) {
                metrics.set(metric, value);
            }
        }
        return metrics;
    }
}
