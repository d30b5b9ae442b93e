package dev.rustlens.bench.ingest;

import java.util.Locale;

/** Converts the time units benchmark tools print into nanoseconds. */
final class TimeUnits {

    private TimeUnits() {
    }

    /** Nanoseconds in one {@code unit}, or an error naming the file when the unit is unknown. */
    static double nanosPer(String unit, String file) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ps" -> 1e-3;
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new MalformedResultsException(file, "unknown time unit \"" + unit + "\"");
        };
    }
}
