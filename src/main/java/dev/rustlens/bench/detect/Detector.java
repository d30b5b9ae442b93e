package dev.rustlens.bench.detect;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Compares a new benchmark result with the window of results before it. */
public final class Detector {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Detector() {
    }

    /** Which boundary a value crossed. */
    public enum Breach {
        /** Above the upper limit. */
        upper,
        /** Below the lower limit. */
        lower
    }

    /**
     * The outcome of one evaluation: the baseline (mean, sample standard deviation, size), the
     * limits it gives (null where the side is unchecked or the baseline is too small), the new
     * value, its change from the mean in percent, and which boundary it crossed (null = none).
     */
    public record Evaluation(ThresholdTest test, double baselineMean, double baselineSpread, int baselineSize,
            Double upperLimit, Double lowerLimit, double value, double changePercent, Breach breach) {
    }

    /**
     * Evaluates {@code value} against {@code baseline} (oldest first; only the last
     * {@code windowSize} count). Below {@code minSampleSize} results there are no limits and no breach.
     */
    public static Evaluation evaluate(Threshold threshold, List<Double> baseline, double value) {
        List<Double> window = baseline.subList(Math.max(0, baseline.size() - threshold.windowSize()), baseline.size());
        int n = window.size();
        double mean = window.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double spread = n > 1 ? Math.sqrt(window.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1)) : 0;
        double change = n > 0 && mean != 0 ? (value - mean) / Math.abs(mean) * 100 : 0;
        if (n < threshold.minSampleSize()) {
            return new Evaluation(threshold.test(), mean, spread, n, null, null, value, change, null);
        }
        Double upper = threshold.upperBoundary() == null ? null : limit(threshold, window, mean, spread, true);
        Double lower = threshold.lowerBoundary() == null ? null : limit(threshold, window, mean, spread, false);
        Breach breach = upper != null && value > upper ? Breach.upper
                : lower != null && value < lower ? Breach.lower : null;
        return new Evaluation(threshold.test(), mean, spread, n, upper, lower, value, change, breach);
    }

    private static double limit(Threshold threshold, List<Double> window, double mean, double spread, boolean upper) {
        double boundary = upper ? threshold.upperBoundary() : threshold.lowerBoundary();
        double sign = upper ? 1 : -1;
        return switch (threshold.test()) {
            case STATIC -> boundary;
            case PERCENTAGE -> mean + sign * Math.abs(mean) * boundary;
            case Z_SCORE -> mean + sign * STANDARD_NORMAL.inverseCumulativeProbability(boundary) * spread;
            case T_TEST -> {
                int n = window.size();
                // Welch's statistic with the new value as a one-value sample of the window's variance:
                // t = (x - mean) / sqrt(s²/n + s²), degrees of freedom n - 1 from the window.
                double quantile = new TDistribution(n - 1).inverseCumulativeProbability(boundary);
                yield mean + sign * quantile * spread * Math.sqrt(1 + 1.0 / n);
            }
            case IQR -> {
                double[] sorted = window.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double q1 = quantile(sorted, 0.25);
                double q3 = quantile(sorted, 0.75);
                yield upper ? q3 + boundary * (q3 - q1) : q1 - boundary * (q3 - q1);
            }
        };
    }

    /** The p-quantile of sorted values, interpolating linearly between order statistics (R type 7). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
