package dev.rustlens.scoring;

import java.util.List;

/**
 * One named part of a score: the points taken off, why in words, and the fingerprints of the
 * findings behind it (empty when a metric, not findings, is the cause).
 */
public record Deduction(String rule, String title, double points, double cap, String cause, List<String> findings) {
}
