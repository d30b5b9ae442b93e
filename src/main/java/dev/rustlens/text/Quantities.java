package dev.rustlens.text;

import java.util.List;
import java.util.Locale;

/**
 * Measured values in a unit scaled to their size, as people read them: {@code 6.51 µs} rather
 * than {@code 6,506.717 ns}, {@code 724.7 MiB/s} rather than {@code 759,883,190.817 B/s}. Times
 * scale by thousands up to seconds, byte rates by 1024 (KiB/s, MiB/s, GiB/s), other rates by
 * thousands (k, M, G); about four significant digits.
 */
public final class Quantities {

    /** A unit of display: values are divided by {@code factor} and followed by {@code label}. */
    private record Step(double factor, String label) {
    }

    private static final List<Step> TIMES = List.of(new Step(1, "ns"), new Step(1e3, "µs"), new Step(1e6, "ms"),
            new Step(1e9, "s"));
    private static final List<Step> BYTE_RATES = List.of(new Step(1, "B/s"), new Step(1024, "KiB/s"),
            new Step(1024.0 * 1024, "MiB/s"), new Step(1024.0 * 1024 * 1024, "GiB/s"),
            new Step(1024.0 * 1024 * 1024 * 1024, "TiB/s"));

    private Quantities() {
    }

    /** {@code value} (in {@code unit}: ns, B/s, elements/s, or any other) scaled, with its unit. */
    public static String scaled(double value, String unit) {
        Step step = step(Math.abs(value), unit);
        return join(number(value / step.factor()), step.label());
    }

    /** A value and its spread or bound on the value's scale, e.g. {@code 724.7 ± 36.7 MiB/s}. */
    public static String scaledWithSpread(double value, double spread, String unit) {
        Step step = step(Math.abs(value), unit);
        return join(number(value / step.factor()) + " ± " + number(spread / step.factor()), step.label());
    }

    /** An interval on the scale of its upper end, e.g. {@code 6.41 – 6.62 µs}. */
    public static String scaledRange(double low, double high, String unit) {
        Step step = step(Math.max(Math.abs(low), Math.abs(high)), unit);
        return join(number(low / step.factor()) + " – " + number(high / step.factor()), step.label());
    }

    private static Step step(double magnitude, String unit) {
        List<Step> steps = switch (unit == null ? "" : unit) {
            case "ns" -> TIMES;
            case "B/s" -> BYTE_RATES;
            case "" -> List.of(new Step(1, ""));
            default -> List.of(new Step(1, unit), new Step(1e3, "k " + unit), new Step(1e6, "M " + unit),
                    new Step(1e9, "G " + unit));
        };
        Step chosen = steps.getFirst();
        for (Step step : steps) {
            if (magnitude >= step.factor()) {
                chosen = step;
            }
        }
        return chosen;
    }

    /** About four significant digits: 724.7, 38.50, 6.507; whole numbers from 1,000 on. */
    private static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String join(String number, String label) {
        return label.isEmpty() ? number : number + " " + label;
    }
}
