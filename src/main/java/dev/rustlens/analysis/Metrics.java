package dev.rustlens.analysis;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable bag of metric values, summed over files and crates. */
public final class Metrics {

    private final EnumMap<Metric, Long> values = new EnumMap<>(Metric.class);

    public long get(Metric metric) {
        return values.getOrDefault(metric, 0L);
    }

    public void add(Metric metric, long amount) {
        values.merge(metric, amount, Long::sum);
    }

    public void increment(Metric metric) {
        add(metric, 1);
    }

    public void set(Metric metric, long value) {
        values.put(metric, value);
    }

    public void set(Metric metric, boolean flag) {
        values.put(metric, flag ? 1L : 0L);
    }

    public void addAll(Metrics other) {
        other.values.forEach(this::add);
    }

    /** All metrics by key, zeros included, in declaration order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            map.put(metric.key(), get(metric));
        }
        return map;
    }

    /** Reads back a map written by {@link #asMap()}; unknown keys are ignored. */
    public static Metrics fromMap(Map<String, Long> map) {
        Metrics metrics = new Metrics();
        for (Metric metric : Metric.values()) {
            Long value = map.get(metric.key());
            if (value != null) {
                metrics.set(metric, value);
            }
        }
        return metrics;
    }
}
