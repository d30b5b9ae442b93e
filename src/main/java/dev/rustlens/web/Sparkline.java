package dev.rustlens.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A score trend drawn as a small inline SVG line on the server: scores 0-100, oldest first, in a
 * {@value #WIDTH} x {@value #HEIGHT} box, so the overview needs no chart script per row. The box
 * spans the scores' own range, at least {@value #MIN_RANGE} points, so that a change of a few
 * points shows while a wobble of one point does not look like a cliff.
 */
public record Sparkline(List<Integer> scores) {

    static final int WIDTH = 100;
    static final int HEIGHT = 24;
    /** Keeps the stroke inside the box at the lowest and the highest score. */
    private static final double MARGIN = 2;
    private static final int MIN_RANGE = 10;

    public Sparkline {
        scores = List.copyOf(scores);
    }

    /** Whether there is a line to draw: two scores or more. */
    public boolean drawable() {
        return scores.size() > 1;
    }

    /** The polyline's points, "x,y x,y ...". */
    public String points() {
        double[] scale = scale();
        return IntStream.range(0, scores.size()).mapToObj(i -> format(x(i)) + "," + format(y(scores.get(i), scale)))
                .collect(Collectors.joining(" "));
    }

    public String lastX() {
        return format(x(scores.size() - 1));
    }

    public String lastY() {
        return format(y(scores.getLast(), scale()));
    }

    /** The change from the first to the last score, for sorting by trend. */
    public int change() {
        return scores.isEmpty() ? 0 : scores.getLast() - scores.getFirst();
    }

    /** What the line shows, for screen readers and the tooltip. */
    public String description() {
        return String.format(Locale.ROOT, "Score over the last %d scans: from %d to %d", scores.size(),
                scores.getFirst(), scores.getLast());
    }

    private double x(int index) {
        return MARGIN + index * (WIDTH - 2 * MARGIN) / (scores.size() - 1);
    }

    /** The score at the bottom of the box and the range the box spans. */
    private double[] scale() {
        int low = scores.stream().mapToInt(Integer::intValue).min().orElse(0);
        int high = scores.stream().mapToInt(Integer::intValue).max().orElse(100);
        if (high - low >= MIN_RANGE) {
            return new double[] {low, high - low};
        }
        return new double[] {Math.clamp((low + high - MIN_RANGE) / 2.0, 0, 100 - MIN_RANGE), MIN_RANGE};
    }

    private static double y(int score, double[] scale) {
        return HEIGHT - MARGIN - (score - scale[0]) * (HEIGHT - 2 * MARGIN) / scale[1];
    }

    /** One decimal, without String.format: a page draws thousands of these. */
    private static String format(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + tenths % 10;
    }
}
