package dev.rustlens.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to fix first: the findings that count, grouped by check and file, each group with the
 * points fixing it recovers on its rating and on the crate's score, ranked by points per finding
 * fixed; and what fixing one finding of each check is worth.
 */
public final class FixRanking {

    private FixRanking() {
    }

    /**
     * Fixing the findings of one check in one file.
     *
     * @param checkId the check
     * @param path the file
     * @param rating the rating the findings cost points in
     * @param findings how many findings
     * @param ratingPoints what fixing them all adds to the rating
     * @param scorePoints what fixing them all adds to the crate's score
     */
    public record Fix(String checkId, String path, RatingKind rating, int findings, double ratingPoints,
            double scorePoints) {

        /** Score points recovered per finding fixed, what the ranking orders by. */
        public double scorePointsPerFinding() {
            return scorePoints / findings;
        }
    }

    /**
     * What fixing one finding of a check is worth, the others left as they are.
     *
     * @param rating the rating it costs points in
     * @param ratingPoints what fixing it adds to that rating
     * @param scorePoints what fixing it adds to the crate's score
     */
    public record Worth(RatingKind rating, double ratingPoints, double scorePoints) {
    }

    /** Every fix that recovers points, best first. */
    public static List<Fix> rank(Map<String, Long> metrics, List<ScoredFinding> findings) {
        Tally tally = Tally.of(metrics, findings);
        SafetyScore now = ScoreFormula.score(tally);
        // How many findings that count each (check, file) holds: the score reads how many, not which.
        Map<List<String>, Integer> groups = new LinkedHashMap<>();
        tally.counted().forEach((check, counted) -> counted.forEach(finding -> groups.merge(
                List.of(check, finding.path() == null ? "" : finding.path()), 1, Integer::sum)));
        List<Fix> fixes = new ArrayList<>();
        // A fix's gain depends on its check and its size alone, so each such pair is scored once (a
        // crate with tens of thousands of findings in thousands of files was scored once per file and check).
        Map<Map.Entry<String, Integer>, Optional<Worth>> gains = new HashMap<>();
        groups.forEach((key, size) -> gains.computeIfAbsent(Map.entry(key.get(0), size),
                checkAndSize -> gain(tally, now, checkAndSize.getKey(), checkAndSize.getValue()))
                .ifPresent(worth -> fixes.add(new Fix(key.get(0), key.get(1), worth.rating(), size,
                        worth.ratingPoints(), worth.scorePoints()))));
        // Per finding to a millionth of a point, so that equal shares are equal whatever the rounding.
        fixes.sort(Comparator.comparingLong((Fix fix) -> Math.round(fix.scorePointsPerFinding() * 1e6)).reversed()
                .thenComparing(Comparator.comparingDouble(Fix::scorePoints).reversed())
                .thenComparing(Fix::checkId).thenComparing(Fix::path));
        return fixes;
    }

    /** What fixing one more finding of each check that counts is worth, by check. */
    public static Map<String, Worth> worthByCheck(Map<String, Long> metrics, List<ScoredFinding> findings) {
        Tally tally = Tally.of(metrics, findings);
        SafetyScore now = ScoreFormula.score(tally);
        Map<String, Worth> worth = new LinkedHashMap<>();
        tally.counted().forEach((check, counted) -> gain(tally, now, check, 1)
                .ifPresent(gain -> worth.put(check, gain)));
        return worth;
    }

    /** What fixing {@code count} findings of a check gains, on the rating that gains most; empty when it gains nothing. */
    private static Optional<Worth> gain(Tally tally, SafetyScore now, String checkId, int count) {
        SafetyScore after = ScoreFormula.score(tally.fixing(checkId, count));
        double scorePoints = after.exact() - now.exact();
        if (scorePoints <= 1e-9) {
            return Optional.empty();
        }
        Worth best = null;
        for (Rating rating : after.ratings()) {
            double before = now.rating(rating.kind()).map(Rating::exact).orElse(100.0);
            double ratingPoints = rating.exact() - before;
            if (best == null || ratingPoints > best.ratingPoints()) {
                best = new Worth(rating.kind(), ratingPoints, scorePoints);
            }
        }
        return Optional.ofNullable(best);
    }
}
