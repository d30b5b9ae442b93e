package dev.rustlens.supply;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.scoring.ScoreFormula;
import dev.rustlens.scoring.ScoredFinding;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Analyses one package's source with the server's engine, as a dependent builds it (its library
 * and build script), and reads off its unsafe figures and the score formula's Unsafe rating.
 */
final class PackageAnalysis {

    private PackageAnalysis() {
    }

    /**
     * The package's figures, or a FAILED outcome when its root holds no crate (a manifest that is
     * not a package).
     *
     * @throws ManifestException when its root manifest cannot be read
     */
    static PackageUnsafe analyse(LockedPackage locked, SourceTree tree, Analyzer analyzer, String analyzerVersion)
            throws IOException, ManifestException {
        AnalysisResult result = analyzer.analyze(PackageTrees.library(tree), Analyzer.ResultCache.NONE,
                Analyzer.Progress.NONE);
        String checksum = locked.checksum().orElse("");
        Optional<CrateResult> root = result.crates().stream().filter(crate -> crate.crate().directory().isEmpty())
                .findFirst();
        if (root.isEmpty()) {
            return PackageUnsafe.notAnalysed(locked.name(), locked.version(), checksum, PackageUnsafe.Status.FAILED,
                    "its Cargo.toml is not a package's", analyzerVersion);
        }
        Metrics metrics = root.get().metrics();
        String rating = ScoreFormula.score(metrics.asMap(), scored(root.get().findings())).rating(RatingKind.UNSAFE)
                .map(unsafeRating -> unsafeRating.grade().name()).orElse("");
        return new PackageUnsafe(locked.name(), locked.version(), checksum, PackageUnsafe.Status.ANALYSED, "",
                count(metrics, Metric.FILES) - count(metrics, Metric.UNLINKED_FILES),
                count(metrics, Metric.LIBRARY_CODE_LINES), count(metrics, Metric.UNSAFE_BLOCKS),
                count(metrics, Metric.UNSAFE_FUNCTIONS), count(metrics, Metric.UNSAFE_METHODS),
                count(metrics, Metric.UNSAFE_IMPLS), count(metrics, Metric.UNSAFE_TRAITS),
                count(metrics, Metric.EXTERN_BLOCKS), metrics.get(Metric.FORBIDS_UNSAFE) > 0, rating, analyzerVersion);
    }

    /** The findings as the formula takes them; nobody triages a dependency's findings. */
    private static List<ScoredFinding> scored(List<Finding> findings) {
        return findings.stream().map(finding -> new ScoredFinding(finding.checkId(),
                finding.checkId() + ":" + finding.path() + ":" + finding.line() + ":" + finding.column(), finding.path(),
                !finding.active(), finding.inTestCode(), false)).toList();
    }

    private static int count(Metrics metrics, Metric metric) {
        return Math.toIntExact(metrics.get(metric));
    }
}
