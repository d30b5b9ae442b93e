package dev.rustlens.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.text.Echo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads criterion's {@code target/criterion/<group>/<bench>/new/{estimates,benchmark}.json}.
 * Only {@code new/} counts: {@code base/} repeats an earlier run and {@code change/} holds
 * relative deltas, not measurements.
 */
public final class CriterionFiles {

    private CriterionFiles() {
    }

    /**
     * The results in {@code files} (path to content); every {@code new/estimates.json} needs its
     * {@code new/benchmark.json} beside it. Other files are ignored.
     */
    public static List<ParsedResult> parse(Map<String, byte[]> files) {
        List<ParsedResult> results = new ArrayList<>();
        for (var entry : new TreeMap<>(files).entrySet()) {
            String path = entry.getKey();
            if (!path.endsWith("/new/estimates.json") && !path.equals("new/estimates.json")) {
                continue;
            }
            String benchmarkPath = path.substring(0, path.length() - "estimates.json".length()) + "benchmark.json";
            byte[] benchmark = files.get(benchmarkPath);
            if (benchmark == null) {
                throw new MalformedResultsException(path, "no " + Echo.quoted(benchmarkPath) + " beside it (upload both files)");
            }
            results.addAll(parseOne(path, text(entry.getValue()), benchmarkPath, text(benchmark)));
        }
        return results;
    }

    /** The latency (and declared throughput) of one benchmark from its two files. */
    static List<ParsedResult> parseOne(String estimatesPath, String estimatesJson, String benchmarkPath,
            String benchmarkJson) {
        JsonNode estimates = JsonFields.parse(estimatesPath, estimatesJson);
        JsonNode benchmark = JsonFields.parse(benchmarkPath, benchmarkJson);
        String name = JsonFields.text(benchmark, "full_id", benchmarkPath);
        double mean = positive(JsonFields.number(estimates, "mean.point_estimate", estimatesPath), estimatesPath,
                "mean.point_estimate");
        double lower = JsonFields.number(estimates, "mean.confidence_interval.lower_bound", estimatesPath);
        double upper = JsonFields.number(estimates, "mean.confidence_interval.upper_bound", estimatesPath);
        List<ParsedResult> results = new ArrayList<>();
        results.add(new ParsedResult(name, ParsedResult.LATENCY, mean, lower, upper));
        JsonNode throughput = JsonFields.at(benchmark, "throughput");
        if (throughput != null) {
            results.add(throughput(name, throughput, benchmarkPath, mean, lower, upper));
        }
        return results;
    }

    /** Criterion declares throughput per iteration: {@code {"Bytes": n}} or {@code {"Elements": n}}. */
    private static ParsedResult throughput(String name, JsonNode declared, String file, double meanNs, double lowerNs,
            double upperNs) {
        String measure;
        double perIteration;
        if (declared.has("Bytes")) {
            measure = ParsedResult.THROUGHPUT_BYTES;
            perIteration = JsonFields.number(declared, "Bytes", file);
        } else if (declared.has("BytesDecimal")) {
            measure = ParsedResult.THROUGHPUT_BYTES;
            perIteration = JsonFields.number(declared, "BytesDecimal", file);
        } else if (declared.has("Elements")) {
            measure = ParsedResult.THROUGHPUT_ELEMENTS;
            perIteration = JsonFields.number(declared, "Elements", file);
        } else {
            throw new MalformedResultsException(file, "field \"throughput\" must hold Bytes or Elements");
        }
        return perSecond(name, measure, perIteration, meanNs, lowerNs, upperNs);
    }

    /** Units per second from units per iteration; a slower bound gives the lower throughput. */
    static ParsedResult perSecond(String name, String measure, double perIteration, double meanNs, double lowerNs,
            double upperNs) {
        return new ParsedResult(name, measure, perIteration * 1e9 / meanNs,
                upperNs > 0 ? perIteration * 1e9 / upperNs : null, lowerNs > 0 ? perIteration * 1e9 / lowerNs : null);
    }

    static double positive(double value, String file, String field) {
        if (value <= 0) {
            throw new MalformedResultsException(file, "field " + Echo.quoted(field) + " must be positive");
        }
        return value;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
