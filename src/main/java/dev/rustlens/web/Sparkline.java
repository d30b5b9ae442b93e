package dev.rustlens.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A series (a score, a count) drawn as a small inline SVG line on the server, oldest first, in a
 * {@value #WIDTH} x {@value #HEIGHT} box, so the overview needs no chart script per row, with its
 * current value and its change over the range as text. Every row of a column shares the column's
 * {@link Scale}, so that equal changes look equal from row to row: a count from zero, a score over
 * the column's range of scores.
 *
 * @param what what the values are, for the description ("Score", "Unsafe blocks")
 */
public record Sparkline(String what, List<Integer> values, Scale scale) {

    static final int WIDTH = 100;
    static final int HEIGHT = 24;
    /** Keeps the stroke inside the box at the lowest and the highest value. */
    private static final double MARGIN = 2;
    /** The least range a column of scores spans, so that a wobble of one point does not look like a cliff. */
    private static final int MIN_SCORE_RANGE = 10;

    public Sparkline {
        values = List.copyOf(values);
    }

    /** The values at the bottom and at the top of the box. */
    public record Scale(int low, int high) {

        /** A column of counts: from zero to the highest count in it (at least one). */
        public static Scale ofCounts(Collection<List<Integer>> column) {
            return new Scale(0, Math.max(1, column.stream().flatMap(List::stream).mapToInt(Integer::intValue).max()
                    .orElse(1)));
        }

        /** A column of scores (0-100): from its lowest score to its highest, at least {@value Sparkline#MIN_SCORE_RANGE} points. */
        public static Scale ofScores(Collection<List<Integer>> column) {
            int low = column.stream().flatMap(List::stream).mapToInt(Integer::intValue).min().orElse(0);
            int high = column.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(100);
            if (high - low >= MIN_SCORE_RANGE) {
                return new Scale(low, high);
            }
            int bottom = (int) Math.clamp(Math.floor((low + high - MIN_SCORE_RANGE) / 2.0), 0, 100 - MIN_SCORE_RANGE);
            return new Scale(bottom, bottom + MIN_SCORE_RANGE);
        }
    }

    /** Whether there is a line to draw: two values or more. */
    public boolean drawable() {
        return values.size() > 1;
    }

    /** The newest value, null without any. */
    public Integer current() {
        return values.isEmpty() ? null : values.getLast();
    }

    /** The polyline's points, "x,y x,y ...". */
    public String points() {
        return IntStream.range(0, values.size()).mapToObj(i -> format(x(i)) + "," + format(y(values.get(i))))
                .collect(Collectors.joining(" "));
    }

    public String lastX() {
        return format(x(values.size() - 1));
    }

    public String lastY() {
        return format(y(values.getLast()));
    }

    /** The change from the first to the last value. */
    public int change() {
        return values.isEmpty() ? 0 : values.getLast() - values.getFirst();
    }

    /** The change as shown beside the value: ▲4, ▼3 or ±0. */
    public String changeMark() {
        int change = change();
        return change > 0 ? "▲" + change : change < 0 ? "▼" + -change : "±0";
    }

    /** The change in words, for screen readers: "up 4", "down 3", "unchanged". */
    public String changeWords() {
        int change = change();
        return change > 0 ? "up " + change : change < 0 ? "down " + -change : "unchanged";
    }

    /** What the line shows, for screen readers and the tooltip. */
    public String description() {
        return String.format(Locale.ROOT, "%s over the last %d scans: from %d to %d (%s), on a scale from %d to %d"
                + " that every row of this column shares", what, values.size(), values.getFirst(), values.getLast(),
                changeWords(), scale.low(), scale.high());
    }

    private double x(int index) {
        return MARGIN + index * (WIDTH - 2 * MARGIN) / (values.size() - 1);
    }

    private double y(int value) {
        double clamped = Math.clamp(value, scale.low(), scale.high());
        return HEIGHT - MARGIN - (clamped - scale.low()) * (HEIGHT - 2 * MARGIN) / (scale.high() - scale.low());
    }

    /** One decimal, without String.format: a page draws thousands of these. */
    private static String format(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10;
    }
}
