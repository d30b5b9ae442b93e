package dev.rustlens.scan;

/**
 * The SQL condition that a triage mark ({@code finding_triage}) is in force: it has no expiry, or
 * expires later. Every query that honours triage (scores, counts, gates, views) says it this way.
 */
public final class TriageInForce {

    private TriageInForce() {
    }

    /** Whether the {@code finding_triage} row {@code alias} is in force now. */
    public static String of(String alias) {
        return "(" + alias + ".expires_at is null or " + alias + ".expires_at > now())";
    }
}
