package dev.rustlens.scoring;

/**
 * What the score needs of one finding. Findings that are suppressed in the code, in test code, or
 * triaged (accepted or false positive) do not count against the score.
 *
 * @param checkId the check that reported it
 * @param fingerprint its stable identity across scans
 * @param path the file it is in, which fix ranking groups by
 * @param suppressed whether the code suppresses it
 * @param inTestCode whether it sits in test code
 * @param triaged whether a triage mark (accepted, false positive) is in force
 */
public record ScoredFinding(String checkId, String fingerprint, String path, boolean suppressed, boolean inTestCode,
        boolean triaged) {

    boolean counts() {
        return !suppressed && !inTestCode && !triaged;
    }
}
