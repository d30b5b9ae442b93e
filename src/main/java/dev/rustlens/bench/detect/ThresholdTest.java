package dev.rustlens.bench.detect;

import dev.rustlens.http.Choices;

/**
 * How a new result is compared with its baseline window; what a boundary means depends on it.
 * Enum constants are lower case because they are the wire and database names.
 */
public enum ThresholdTest {
    /** Boundaries are absolute limits in the measure's unit. */
    STATIC("static"),
    /** Boundaries are fractions of the baseline mean (0.10 = 10% above or below it). */
    PERCENTAGE("percentage"),
    /** Boundaries are confidence levels (0.5 to 1) of a normal distribution fitted to the window. */
    Z_SCORE("z_score"),
    /**
     * Boundaries are confidence levels of Welch's t-test of the new result (a one-value sample
     * given the window's variance) against the window; degrees of freedom n-1 from the window.
     */
    T_TEST("t_test"),
    /** Boundaries are multiples k of the interquartile range beyond the first and third quartile. */
    IQR("iqr");

    private final String wireName;

    ThresholdTest(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON and the database. */
    public String wireName() {
        return wireName;
    }

    /** The test called {@code name}, or an error listing the valid names. */
    public static ThresholdTest of(String name) {
        return Choices.require("test", name, ThresholdTest.class, ThresholdTest::wireName);
    }
}
