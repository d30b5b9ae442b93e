package dev.rustlens.bench.detect;

import dev.rustlens.http.BadRequest;
/**
 * A regression threshold for one benchmark measure: the test, how many previous results form the
 * baseline window, how many are needed before any alert, and the upper and/or lower boundary
 * (null = that side is not checked).
 */
public record Threshold(ThresholdTest test, int windowSize, int minSampleSize, Double upperBoundary,
        Double lowerBoundary) {

    /** Checks that the values make sense for the test; the message names the bad field. */
    public Threshold {
        if (test == null) {
            throw new BadRequest("test is required");
        }
        if (windowSize < 2 || windowSize > 1000) {
            throw new BadRequest("windowSize must be between 2 and 1000");
        }
        if (minSampleSize < 2 || minSampleSize > windowSize) {
            throw new BadRequest("minSampleSize must be between 2 and windowSize");
        }
        if (upperBoundary == null && lowerBoundary == null) {
            throw new BadRequest("set upperBoundary, lowerBoundary or both");
        }
        check("upperBoundary", upperBoundary, test);
        check("lowerBoundary", lowerBoundary, test);
        if (test == ThresholdTest.STATIC && upperBoundary != null && lowerBoundary != null
                && lowerBoundary >= upperBoundary) {
            throw new BadRequest("lowerBoundary must be below upperBoundary");
        }
    }

    private static void check(String field, Double boundary, ThresholdTest test) {
        if (boundary == null) {
            return;
        }
        boolean valid = Double.isFinite(boundary) && switch (test) {
            case STATIC -> true;
            case PERCENTAGE, IQR -> boundary > 0;
            case Z_SCORE, T_TEST -> boundary >= 0.5 && boundary < 1;
        };
        if (!valid) {
            throw new BadRequest(field + " " + boundary + " is not valid for " + test.wireName() + ": "
                    + switch (test) {
                        case STATIC -> "use a finite number";
                        case PERCENTAGE -> "use a fraction above 0 (0.1 = 10%)";
                        case IQR -> "use a multiple of the IQR above 0 (1.5 is Tukey's fence)";
                        case Z_SCORE, T_TEST -> "use a confidence level from 0.5 to below 1 (e.g. 0.99)";
                    });
        }
    }

    /**
     * The default for a measure: Welch's t-test at 99% over the last 30 results, silent until 8
     * exist, checking only the side where the measure gets worse (docs/benchmarks-history.md says why).
     */
    public static Threshold defaultFor(boolean higherIsWorse) {
        return new Threshold(ThresholdTest.T_TEST, 30, 8, higherIsWorse ? 0.99 : null, higherIsWorse ? null : 0.99);
    }
}
