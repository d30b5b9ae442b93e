package dev.rustlens.bench.ingest;

/**
 * One measured value of one benchmark, in the unit its measure implies (nanoseconds for
 * {@code latency}); the bounds are the confidence interval or spread the tool reported, if any.
 */
public record ParsedResult(String benchmark, String measure, double value, Double lowerValue, Double upperValue) {

    /** The measure of a time per iteration, always in nanoseconds. */
    public static final String LATENCY = "latency";
    /** Declared throughput in bytes per second. */
    public static final String THROUGHPUT_BYTES = "throughput-bytes";
    /** Declared throughput in elements per second. */
    public static final String THROUGHPUT_ELEMENTS = "throughput-elements";

    /** The unit values of {@code measure} are in, for display; empty for custom measures. */
    public static String unitOf(String measure) {
        return switch (measure) {
            case LATENCY -> "ns";
            case THROUGHPUT_BYTES -> "B/s";
            case THROUGHPUT_ELEMENTS -> "elements/s";
            default -> "";
        };
    }

    /** Whether a larger value is worse (time) rather than better (throughput). */
    public static boolean higherIsWorse(String measure) {
        return !measure.startsWith("throughput");
    }
}
