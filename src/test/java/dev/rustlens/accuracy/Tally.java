package dev.rustlens.accuracy;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * True positives (rustlens and the lint agree), false positives (rustlens alone) and false
 * negatives (the lint alone), with precision and recall.
 */
record Tally(int truePositives, int falsePositives, int falseNegatives) {

    static final Tally ZERO = new Tally(0, 0, 0);

    Tally plus(Tally other) {
        return new Tally(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** TP / (TP + FP): how many of rustlens's findings the lint confirms; none when rustlens found nothing. */
    OptionalDouble precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN): how many of the lint's hits rustlens found; none when the lint found nothing. */
    OptionalDouble recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** A ratio as the table shows it: two decimals, or a dash when undefined. */
    static String format(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "–";
    }

    private static OptionalDouble ratio(int part, int whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
