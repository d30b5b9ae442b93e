package dev.rustlens.scoring;

import java.util.List;

/**
 * One sub-rating of a crate, 0 to 100: the share of its parts' points the crate earns. A rating
 * none of whose parts applies (Documentation of a crate with no public API) is left out of the
 * crate's score.
 *
 * @param kind which rating
 * @param score 0 to 100
 * @param grade its letter
 * @param parts the parts that apply, with their points
 */
public record Rating(RatingKind kind, int score, Grade grade, List<RatingPart> parts) {

    public Rating {
        parts = List.copyOf(parts);
    }

    /** The rating of these parts: the points earned as a share of the points possible. */
    static Rating of(RatingKind kind, List<RatingPart> parts) {
        double earned = parts.stream().mapToDouble(RatingPart::points).sum();
        double possible = parts.stream().mapToDouble(RatingPart::max).sum();
        int score = possible == 0 ? 100 : (int) Math.round(100 * earned / possible);
        return new Rating(kind, score, Grade.of(score), parts);
    }

    /** The exact share, unrounded, that the crate's score is made of. */
    double exact() {
        double possible = parts.stream().mapToDouble(RatingPart::max).sum();
        return possible == 0 ? 100 : 100 * parts.stream().mapToDouble(RatingPart::points).sum() / possible;
    }
}
