package dev.rustlens.scoring;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One part of a rating: the points it earns out of its maximum, why in words, and how many
 * findings of each check cost points (empty when metrics, not findings, decide). The findings
 * themselves are those of the crate's snapshot that count, of these checks: the findings views
 * list them with {@code counted=true}; a part keeps counts, not fingerprints, so that a rating is
 * as small as its parts and an unchanged rescan does not store every fingerprint again.
 *
 * @param id stable id of the part ({@code unsafe.justified})
 * @param title what it measures
 * @param points what the crate earns
 * @param max what a crate can earn
 * @param explanation the figures behind the points, in words
 * @param findingsByCheck how many counted findings of each check cost points, by check id
 */
public record RatingPart(String id, String title, double points, double max, String explanation,
        Map<String, Integer> findingsByCheck) {

    public RatingPart {
        // Sorted, so that JSON and pages list the checks in one order.
        findingsByCheck = Collections.unmodifiableSortedMap(findingsByCheck == null ? new TreeMap<>() : new TreeMap<>(findingsByCheck));
    }

    /** A part earned by metrics alone. */
    static RatingPart of(String id, String title, double points, double max, String explanation) {
        return new RatingPart(id, title, points, max, explanation, Map.of());
    }
}
