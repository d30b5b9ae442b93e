package dev.rustlens.scoring;

import java.util.List;

/**
 * One part of a rating: the points it earns out of its maximum, why in words, and the
 * fingerprints of the findings that cost points (empty when metrics, not findings, decide).
 *
 * @param id stable id of the part ({@code unsafe.justified})
 * @param title what it measures
 * @param points what the crate earns
 * @param max what a crate can earn
 * @param explanation the figures behind the points, in words
 * @param findings fingerprints of the findings that cost points
 */
public record RatingPart(String id, String title, double points, double max, String explanation, List<String> findings) {

    public RatingPart {
        findings = List.copyOf(findings);
    }

    /** A part earned by metrics alone. */
    static RatingPart of(String id, String title, double points, double max, String explanation) {
        return new RatingPart(id, title, points, max, explanation, List.of());
    }
}
