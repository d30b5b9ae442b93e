package dev.rustlens.scan;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.TestCode;
import dev.rustlens.analysis.UnsafeSite;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.database.StorableText;
import dev.rustlens.scoring.ScoredFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The crates of an analysis as a scan stores them, worked out without a database: each crate's
 * name in its repository, its findings as PostgreSQL can hold them, their fingerprints, and the
 * findings as the score formula takes them. The server's store and the command-line scanner both
 * start from here, so the two give the same names, fingerprints and scores for the same tree.
 */
public final class StoredCrates {

    private StoredCrates() {
    }

    /**
     * One crate as a scan stores it: from an analysis here, or uploaded by the command-line scanner.
     *
     * @param name the crate's identity in its repository (see {@link #of})
     * @param directory its repository-relative directory, empty for the root
     * @param version its package version, if known
     * @param edition its Rust edition, if declared
     * @param metrics its metrics
     * @param evidence its verification evidence
     * @param unsafeSites where its unsafe code is
     * @param testCode where its test code is; empty when an upload did not say
     * @param findings its findings as stored, in the analysis's order
     * @param fingerprints one per finding, in the same order
     */
    public record StoredCrate(String name, String directory, Optional<String> version, Optional<String> edition,
            Metrics metrics, List<VerificationEvidence> evidence, List<UnsafeSite> unsafeSites,
            Optional<TestCode> testCode, List<Finding> findings, List<String> fingerprints) {

        /** The findings as the score formula takes them, in the same order; {@code triaged} are fingerprints. */
        public List<ScoredFinding> scored(Set<String> triaged) {
            List<ScoredFinding> scored = new ArrayList<>(findings.size());
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                scored.add(new ScoredFinding(finding.checkId(), fingerprints.get(i), finding.path(), !finding.active(),
                        finding.inTestCode(), triaged.contains(fingerprints.get(i))));
            }
            return scored;
        }
    }

    /**
     * The crates of {@code result} in its order. A crate's name is its package name or, when an
     * earlier crate of the scan has that name (vendored copies, two major versions side by side),
     * name@version, or name@directory.
     */
    public static List<StoredCrate> of(AnalysisResult result) {
        Set<String> namesInScan = new HashSet<>();
        List<StoredCrate> crates = new ArrayList<>(result.crates().size());
        for (CrateResult crate : result.crates()) {
            String name = uniqueName(crate, namesInScan);
            List<Finding> findings = crate.findings().stream().map(StoredCrates::storable).toList();
            // Fingerprinted as stored (and as the result cache gives them back), so they match across scans.
            crates.add(new StoredCrate(name, crate.crate().directory(), crate.crate().version(), crate.crate().edition(),
                    crate.metrics(), crate.evidence(), crate.unsafeSites(), Optional.of(crate.testCode()), findings,
                    Fingerprints.of(name, findings)));
        }
        return crates;
    }

    private static String uniqueName(CrateResult crate, Set<String> taken) {
        String name = StorableText.of(crate.crate().name());
        String versioned = name + "@" + StorableText.of(crate.crate().version().orElse("unversioned"));
        for (String candidate : List.of(name, versioned, name + "@" + StorableText.of(crate.crate().directory()))) {
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("two crates in " + crate.crate().directory() + " named " + name);
    }

    private static Finding storable(Finding finding) {
        String path = StorableText.of(finding.path());
        String message = StorableText.of(finding.message());
        String context = StorableText.of(finding.context());
        // StorableText gives back the very string when it holds no U+0000, as nearly all do: a
        // copy of every finding of a large repository would only keep the collector busy.
        if (path == finding.path() && message == finding.message() && context == finding.context()) {
            return finding;
        }
        return new Finding(finding.checkId(), finding.severity(), path, finding.line(), finding.column(),
                finding.endLine(), finding.endColumn(), message, finding.inTestCode(), finding.suppression(), context);
    }
}
