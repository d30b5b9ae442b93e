package dev.rustlens.scan;

import java.util.List;

/**
 * A repository's recent history as its trend in the API shows it ({@code GET
 * /api/v1/repositories/{id}/trends}: one point per scanned commit of the default branch, its
 * newest scan), the newest {@value RecentTrends#POINTS} points, oldest first: their scores (points
 * without one left out) and their crates' unsafe blocks.
 */
public record RecentTrend(List<Integer> scores, List<Integer> unsafeBlocks) {

    /** A repository without a scanned commit. */
    public static final RecentTrend NONE = new RecentTrend(List.of(), List.of());

    /** The score's change from the first point to the last, as its sparkline shows it; null without a score. */
    public Integer scoreChange() {
        return change(scores);
    }

    /** The unsafe blocks' change from the first point to the last, as their sparkline shows it; null without a point. */
    public Integer unsafeBlocksChange() {
        return change(unsafeBlocks);
    }

    private static Integer change(List<Integer> values) {
        return values.isEmpty() ? null : values.getLast() - values.getFirst();
    }
}
