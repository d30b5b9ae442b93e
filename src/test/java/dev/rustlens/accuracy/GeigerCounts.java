package dev.rustlens.accuracy;

import dev.rustlens.analysis.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file's figures by cargo-geiger's rules, in the order of rustlens's metrics: functions,
 * methods, impls and traits (safe, unsafe), and unsafe expressions.
 *
 * @param values the figures, in the order of {@link #METRICS}
 */
record GeigerCounts(List<Long> values) {

    /** The compared figures; cargo-geiger's safe expressions have no rustlens twin. */
    static final List<Metric> METRICS = List.of(Metric.GEIGER_FUNCTIONS_SAFE, Metric.GEIGER_FUNCTIONS_UNSAFE,
            Metric.GEIGER_METHODS_SAFE, Metric.GEIGER_METHODS_UNSAFE, Metric.GEIGER_IMPLS_SAFE, Metric.GEIGER_IMPLS_UNSAFE,
            Metric.GEIGER_TRAITS_SAFE, Metric.GEIGER_TRAITS_UNSAFE, Metric.UNSAFE_EXPRESSIONS);

    /** rustlens's figures for one file, from its file result's metrics (by key). */
    static GeigerCounts ofMetrics(Map<String, Long> metrics) {
        return new GeigerCounts(METRICS.stream().map(metric -> metrics.getOrDefault(metric.key(), 0L)).toList());
    }

    /**
     * The oracle's output ({@code src/test/rust/geiger-oracle}): per file, the path, then functions,
     * methods, impls, traits and expressions, each safe and unsafe; or {@code parse-error}. Files
     * {@code syn} could not parse map to nothing and are listed in {@code unparsed}.
     */
    static Map<String, GeigerCounts> parseOracle(String output, List<String> unparsed) {
        Map<String, GeigerCounts> files = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\t");
            if (fields.length == 2 && fields[1].equals("parse-error")) {
                unparsed.add(fields[0]);
                continue;
            }
            if (fields.length != 11) {
                throw new IllegalArgumentException("not a line of the geiger oracle: " + line);
            }
            List<Long> values = new ArrayList<>();
            // The first eight figures, then the unsafe expressions (the safe ones, field 9, are left out).
            for (int i = 1; i <= 8; i++) {
                values.add(Long.parseLong(fields[i]));
            }
            values.add(Long.parseLong(fields[10]));
            files.put(fields[0], new GeigerCounts(List.copyOf(values)));
        }
        return files;
    }
}
