package dev.rustlens.bench.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rustlens.bench.detect.Detector.Breach;
import dev.rustlens.bench.detect.Detector.Evaluation;
import dev.rustlens.http.BadRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each test type against hand-computed limits. The stable window has mean 100 and sample
 * standard deviation sqrt(4/7) = 0.755929; sorted it is 99 99 100 100 100 100 101 101.
 */
@Tag("fast")
class DetectorTest {

    private static final List<Double> STABLE = List.of(100.0, 101.0, 99.0, 100.0, 100.0, 101.0, 99.0, 100.0);
    /** Mean 100, sample standard deviation sqrt(378/7) = 7.348469: noisy CI. */
    private static final List<Double> NOISY = List.of(90.0, 110.0, 95.0, 105.0, 100.0, 108.0, 92.0, 100.0);

    private static Threshold upper(ThresholdTest test, double boundary) {
        return new Threshold(test, 30, 5, boundary, null);
    }

    private static void assertFlagged(Threshold threshold, List<Double> window, double value, double limit) {
        Evaluation evaluation = Detector.evaluate(threshold, window, value);
        assertEquals(limit, evaluation.upperLimit(), 1e-3);
        assertEquals(Breach.upper, evaluation.breach());
    }

    private static void assertQuiet(Threshold threshold, List<Double> window, double value) {
        assertNull(Detector.evaluate(threshold, window, value).breach());
    }

    @Test
    void baselineAndChangeAreReported() {
        Evaluation evaluation = Detector.evaluate(upper(ThresholdTest.PERCENTAGE, 0.05), STABLE, 110);
        assertEquals(100, evaluation.baselineMean(), 1e-9);
        assertEquals(0.755929, evaluation.baselineSpread(), 1e-6);
        assertEquals(8, evaluation.baselineSize());
        assertEquals(10, evaluation.changePercent(), 1e-9);
    }

    @Test
    void staticLimitIsTheBoundaryItself() {
        assertFlagged(upper(ThresholdTest.STATIC, 108), STABLE, 110, 108);
        assertQuiet(upper(ThresholdTest.STATIC, 108), STABLE, 104);
    }

    @Test
    void percentageLimitIsAFractionOfTheMean() {
        assertFlagged(upper(ThresholdTest.PERCENTAGE, 0.05), STABLE, 110, 105);
        assertQuiet(upper(ThresholdTest.PERCENTAGE, 0.05), STABLE, 104);
    }

    @Test
    void zScoreLimitIsTheNormalQuantileTimesTheSpread() {
        // z(0.99) = 2.326348; 100 + 2.326348 * 0.755929 = 101.758554
        assertFlagged(upper(ThresholdTest.Z_SCORE, 0.99), STABLE, 110, 101.758554);
        assertQuiet(upper(ThresholdTest.Z_SCORE, 0.99), STABLE, 101.5);
    }

    @Test
    void tTestLimitUsesStudentQuantileAndTheNewValuesOwnVariance() {
        // t(0.99, 7 df) = 2.997952; 100 + 2.997952 * 0.755929 * sqrt(1 + 1/8) = 102.403687
        assertFlagged(upper(ThresholdTest.T_TEST, 0.99), STABLE, 110, 102.403687);
        assertQuiet(upper(ThresholdTest.T_TEST, 0.99), STABLE, 102);
    }

    @Test
    void iqrLimitIsTukeysFence() {
        // q1 = 99.75, q3 = 100.25 (linear interpolation), IQR 0.5; 100.25 + 1.5 * 0.5 = 101
        assertFlagged(upper(ThresholdTest.IQR, 1.5), STABLE, 110, 101);
        assertQuiet(upper(ThresholdTest.IQR, 1.5), STABLE, 101);
    }

    @Test
    void tenPercentWithinNoisyWindowIsNotFlaggedByTheDefault() {
        // 100 + 2.997952 * 7.348469 * 1.06066 = 123.367
        Evaluation evaluation = Detector.evaluate(Threshold.defaultFor(true), NOISY, 110);
        assertEquals(123.367, evaluation.upperLimit(), 1e-3);
        assertNull(evaluation.breach());
    }

    @Test
    void tenPercentOverStableWindowIsFlaggedByTheDefault() {
        assertEquals(Breach.upper, Detector.evaluate(Threshold.defaultFor(true), STABLE, 110).breach());
    }

    @Test
    void belowMinimumSampleNothingIsFlagged() {
        Evaluation evaluation = Detector.evaluate(upper(ThresholdTest.STATIC, 108), STABLE.subList(0, 4), 500);
        assertNull(evaluation.breach());
        assertNull(evaluation.upperLimit());
    }

    @Test
    void lowerBoundaryCatchesAThroughputDrop() {
        Threshold threshold = Threshold.defaultFor(false);
        assertNull(threshold.upperBoundary());
        Evaluation evaluation = Detector.evaluate(threshold, STABLE, 90);
        assertEquals(97.596313, evaluation.lowerLimit(), 1e-3);
        assertEquals(Breach.lower, evaluation.breach());
        assertQuiet(threshold, STABLE, 200);
    }

    @Test
    void onlyTheLastWindowSizeResultsCount() {
        List<Double> history = new ArrayList<>(Collections.nCopies(20, 50.0));
        history.addAll(STABLE);
        Evaluation evaluation = Detector.evaluate(new Threshold(ThresholdTest.PERCENTAGE, 8, 5, 0.05, null), history, 104);
        assertEquals(100, evaluation.baselineMean(), 1e-9);
        assertNull(evaluation.breach());
    }

    @Test
    void invalidThresholdsAreRejectedWithTheFieldNamed() {
        var e = assertThrows(BadRequest.class, () -> new Threshold(ThresholdTest.Z_SCORE, 10, 5, 3.0, null));
        assertEquals(true, e.getMessage().startsWith("upperBoundary 3.0 is not valid for z_score"));
        assertThrows(BadRequest.class, () -> new Threshold(ThresholdTest.T_TEST, 10, 20, 0.99, null));
        assertThrows(BadRequest.class, () -> new Threshold(ThresholdTest.T_TEST, 10, 5, null, null));
        assertThrows(BadRequest.class, () -> ThresholdTest.of("welch"));
    }
}
