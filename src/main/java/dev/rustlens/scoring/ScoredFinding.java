package dev.rustlens.scoring;

/**
 * What the score needs of one finding. Findings that are suppressed in the code, in test code, or
 * triaged (accepted or false positive) do not count against the score.
 */
public record ScoredFinding(String checkId, String fingerprint, boolean suppressed, boolean inTestCode,
        boolean triaged) {

    boolean counts() {
        return !suppressed && !inTestCode && !triaged;
    }
}
