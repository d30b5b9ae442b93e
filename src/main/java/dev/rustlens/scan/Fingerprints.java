package dev.rustlens.scan;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.source.Digests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that follow a finding across scans: check id, crate, path and the finding's
 * whitespace-normalised line of code, plus its rank among identical ones, but not its line
 * number, so inserting lines above it keeps its fingerprint (like SARIF partialFingerprints).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** One fingerprint per finding, in the same order. */
    public static List<String> of(String crateName, List<Finding> findings) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<String> fingerprints = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String key = finding.checkId() + '\u0000' + crateName + '\u0000' + finding.path() + '\u0000' + finding.context();
            int occurrence = occurrences.merge(key, 1, Integer::sum);
            fingerprints.add(Digests.sha256Hex(key + '\u0000' + occurrence, 16));
        }
        return fingerprints;
    }
}
