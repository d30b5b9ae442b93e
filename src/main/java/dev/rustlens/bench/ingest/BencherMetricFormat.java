package dev.rustlens.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.text.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Bencher Metric Format: {@code {"<benchmark>": {"<measure>": {"value": v,
 * "lower_value": l, "upper_value": u}}}}. {@code latency} is in nanoseconds by that format's
 * definition; {@code throughput} (operations per second) and custom measures are kept as given.
 */
public final class BencherMetricFormat {

    private static final Pattern MEASURE_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private BencherMetricFormat() {
    }

    public static List<ParsedResult> parse(String file, String text) {
        JsonNode root = JsonFields.parse(file, text);
        if (!root.isObject() || root.isEmpty()) {
            throw new MalformedResultsException(file, "expected a JSON object of benchmarks");
        }
        List<ParsedResult> results = new ArrayList<>();
        for (Map.Entry<String, JsonNode> benchmark : root.properties()) {
            if (!benchmark.getValue().isObject() || benchmark.getValue().isEmpty()) {
                throw new MalformedResultsException(file, "field " + Echo.quoted(benchmark.getKey()) + " must be an object of measures");
            }
            for (Map.Entry<String, JsonNode> measure : benchmark.getValue().properties()) {
                String path = benchmark.getKey() + "." + measure.getKey();
                if (!MEASURE_SLUG.matcher(measure.getKey()).matches()) {
                    throw new MalformedResultsException(file, "measure " + Echo.quoted(path) + " must be a lowercase slug");
                }
                JsonNode metric = measure.getValue();
                if (!metric.isObject()) {
                    throw new MalformedResultsException(file, "field " + Echo.quoted(path) + " must be an object with \"value\"");
                }
                results.add(new ParsedResult(benchmark.getKey(), measure.getKey(), number(metric, "value", file, path),
                        optional(metric, "lower_value", file, path), optional(metric, "upper_value", file, path)));
            }
        }
        return results;
    }

    private static double number(JsonNode metric, String field, String file, String path) {
        JsonNode node = metric.get(field);
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new MalformedResultsException(file, "field " + Echo.quoted(path + "." + field) + " must be a finite number");
        }
        return node.asDouble();
    }

    private static Double optional(JsonNode metric, String field, String file, String path) {
        JsonNode node = metric.get(field);
        return node == null || node.isNull() ? null : number(metric, field, file, path);
    }
}
