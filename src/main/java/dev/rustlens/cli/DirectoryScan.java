package dev.rustlens.cli;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.scan.StoredCrates;
import dev.rustlens.scan.StoredCrates.StoredCrate;
import dev.rustlens.scoring.FixRanking;
import dev.rustlens.scoring.SafetyScore;
import dev.rustlens.scoring.ScoreFormula;
import dev.rustlens.scoring.ScoredFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked-out tree analysed and scored as a server scan of it would be stored: the same file
 * listing, analysis and settings, the same crate names, fingerprints, scores and grades.
 *
 * @param directory the tree
 * @param analyzerVersion the analyzer's version, as a scan stores it
 * @param files the files analysed
 * @param problems what was left out, in words (a broken manifest outside the workspace)
 * @param checks the check catalogue, for SARIF's rules
 * @param crates every crate, in the analysis's order
 * @param score the repository's score and grade
 */
record DirectoryScan(Path directory, String analyzerVersion, int files, List<String> problems, List<Check> checks,
        List<ScannedCrate> crates, ScoreFormula.RepositoryScore score) {

    /**
     * One crate, scored.
     *
     * @param worth what fixing one more finding of each check is worth, by check
     */
    record ScannedCrate(StoredCrate stored, Map<String, Long> metrics, SafetyScore score,
            Map<String, FixRanking.Worth> worth) {

        long metric(Metric metric) {
            return metrics.getOrDefault(metric.key(), 0L);
        }
    }

    /**
     * Scans {@code directory} with {@code catalogue}'s checks and {@code settings} (the server's
     * defaults but for the threads), {@code coreModules} added as a repository's settings add them.
     */
    static DirectoryScan of(Path directory, List<String> coreModules, CheckCatalogue catalogue,
            AnalyzerSettings settings) throws UsageError, IOException {
        if (!Files.isDirectory(directory)) {
            throw new UsageError("not a directory: " + directory);
        }
        try (Analyzer analyzer = new Analyzer(catalogue, settings)) {
            AnalysisResult result = analyzer.analyze(new DirectorySourceTree(directory), coreModules,
                    Analyzer.ResultCache.NONE, Analyzer.Progress.NONE);
            List<ScannedCrate> crates = new ArrayList<>();
            List<ScoreFormula.WeightedScore> weighted = new ArrayList<>();
            for (StoredCrate stored : StoredCrates.of(result)) {
                Map<String, Long> metrics = stored.metrics().asMap();
                // No triage marks here: they live on the server.
                List<ScoredFinding> scored = stored.scored(Set.of());
                SafetyScore score = ScoreFormula.score(metrics, scored);
                crates.add(new ScannedCrate(stored, metrics, score, FixRanking.worthByCheck(metrics, scored)));
                weighted.add(ScoreFormula.WeightedScore.of(stored.name(), score.score(), metrics));
            }
            return new DirectoryScan(directory, catalogue.analyzerVersion(), result.filesAnalyzed(), result.problems(),
                    catalogue.checks(), List.copyOf(crates), ScoreFormula.aggregate(weighted));
        } catch (ManifestException e) {
            throw new UsageError("cannot read the crates of " + directory + ": " + e.getMessage());
        }
    }

    /**
     * Every finding as the server's findings views and exports show it, numbered from 1: new unless
     * {@code baseline} holds its fingerprint, with what fixing it is worth when it counts.
     */
    List<FindingRow> findingRows(Set<String> baseline) {
        List<FindingRow> rows = new ArrayList<>();
        for (ScannedCrate crate : crates) {
            List<Finding> findings = crate.stored().findings();
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                String fingerprint = crate.stored().fingerprints().get(i);
                // As the server's FindingFilter.COUNTS: not suppressed, not in test code (no triage here).
                boolean counts = finding.active() && !finding.inTestCode();
                rows.add(new FindingRow(rows.size() + 1, crate.stored().name(), finding.checkId(),
                        finding.severity().name(), finding.path(), finding.line(), finding.column(), finding.endLine(),
                        finding.endColumn(), finding.message(), finding.inTestCode(), finding.suppression().name(),
                        fingerprint, baseline.contains(fingerprint) ? "unchanged" : "new",
                        counts ? crate.worth().get(finding.checkId()) : null, null, List.of()));
            }
        }
        return rows;
    }
}
