package dev.rustlens.scoring;

import java.util.List;
import java.util.Optional;

/**
 * A crate's safety score: the weighted mean of its sub-ratings, rounded, with its grade.
 *
 * @param score 0 to 100
 * @param grade its letter
 * @param formulaVersion the {@link ScoreFormula#VERSION} that computed it
 * @param exact the score unrounded, which fix ranking compares
 * @param ratings the sub-ratings that apply, in {@link RatingKind} order
 */
public record SafetyScore(int score, Grade grade, int formulaVersion, double exact, List<Rating> ratings) {

    public SafetyScore {
        ratings = List.copyOf(ratings);
    }

    /** The rating of this kind, if it applies to the crate. */
    public Optional<Rating> rating(RatingKind kind) {
        return ratings.stream().filter(rating -> rating.kind() == kind).findFirst();
    }
}
