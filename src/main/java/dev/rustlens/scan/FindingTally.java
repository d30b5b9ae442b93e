package dev.rustlens.scan;

import dev.rustlens.analysis.check.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scan's findings counted as {@code finding_count} counts them, while the store writes them: the
 * counts of a fresh scan need not be read back from 145,000 rows it has just sent.
 */
final class FindingTally {

    /** One row of {@code finding_count}, but for its scan. */
    record Key(long crateSnapshotId, String checkId, String severity, String tracking, boolean inTestCode,
            String suppression) {
    }

    private final Map<Key, Integer> counts = new HashMap<>();

    /** Counts a crate's findings as {@link FindingInserts#insert} writes them. */
    void add(long snapshotId, List<Finding> findings, List<String> fingerprints, Set<String> previousFingerprints) {
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            counts.merge(new Key(snapshotId, finding.checkId(), finding.severity().name(),
                    FindingInserts.tracking(fingerprints.get(i), previousFingerprints), finding.inTestCode(),
                    finding.suppression().name()), 1, Integer::sum);
        }
    }

    Map<Key, Integer> counts() {
        return counts;
    }
}
