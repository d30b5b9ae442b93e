package dev.rustlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.Metric;
import dev.rustlens.analysis.check.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The score of synthetic crate snapshots, each expectation computed by hand from docs/scoring.md. */
@Tag("fast")
class ScoreFormulaTest {

    private static ScoredFinding finding(String checkId, int n) {
        return new ScoredFinding(checkId, checkId + "-" + n, false, false, false);
    }

    private static List<ScoredFinding> findings(String checkId, int count) {
        List<ScoredFinding> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            found.add(finding(checkId, i));
        }
        return found;
    }

    private static Map<String, Double> points(SafetyScore score) {
        Map<String, Double> byRule = new LinkedHashMap<>();
        score.deductions().forEach(deduction -> byRule.put(deduction.rule(), deduction.points()));
        return byRule;
    }

    @Test
    void anEmptyCrateLosesOnlyForHavingNoTestsAndNotForbiddingUnsafe() {
        // An empty lib: the checks report no_tests and forbid_unsafe_missing; nothing to document.
        SafetyScore score = ScoreFormula.score(Map.of(), List.of(finding("no_tests", 0), finding("forbid_unsafe_missing", 0)));
        assertEquals(Map.of("forbid_unsafe_missing", 4.0, "no_tests", 12.0), points(score));
        assertEquals(84, score.score());
        assertEquals(Grade.B, score.grade());
        assertEquals(List.of("no_tests-0"), score.deductions().get(1).findings());
    }

    @Test
    void aSafeForbiddingDocumentedTestedCrateScoresFull() {
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 2_000L, "public_items", 10L,
                "documented_public_items", 10L, "public_fns", 4L, "public_fns_with_example", 4L, "doctests", 4L,
                "forbids_unsafe", 1L, "test_fns", 12L), List.of());
        assertEquals(List.of(), score.deductions());
        assertEquals(100, score.score());
        assertEquals(Grade.A, score.grade());
    }

    @Test
    void documentedUnsafeCostsOnlyMiriAndTheHalfDocumentedApi() {
        // 4,000 lines, 20 unsafe blocks all with SAFETY comments, no Miri in CI; 30 of 40 public
        // items documented (15 x 10/40 = 3.75 -> 3.8); 5 of 10 fns with examples (5 x 5/10 = 2.5).
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 4_000L, "unsafe_blocks", 20L,
                "public_items", 40L, "documented_public_items", 30L, "public_fns", 10L,
                "public_fns_with_example", 5L, "doctests", 5L), List.of(finding("miri_missing_in_ci", 0)));
        assertEquals(Map.of("miri_missing", 8.0, "doc_coverage", 3.8, "doc_examples", 2.5), points(score));
        assertEquals(86, score.score()); // 100 - 14.3 = 85.7
        assertEquals(Grade.B, score.grade());
    }

    @Test
    void densitiesArePerThousandLinesWithAFloor() {
        // 3 undocumented blocks in 2,000 lines: 10 x 3 / 2 = 15 points.
        SafetyScore big = ScoreFormula.score(Map.of("library_code_lines", 2_000L),
                findings("undocumented_unsafe_block", 3));
        assertEquals(Map.of("undocumented_unsafe", 15.0), points(big));
        // 1 unwrap in a 40-line crate is weighed as if in 500 lines: 1 x 1 / 0.5 = 2 points.
        SafetyScore tiny = ScoreFormula.score(Map.of("library_code_lines", 40L), findings("unwrap_used", 1));
        assertEquals(Map.of("panics", 2.0), points(tiny));
    }

    @Test
    void suppressedTestAndTriagedFindingsDoNotCount() {
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 1_000L), List.of(
                new ScoredFinding("unwrap_used", "a", true, false, false),
                new ScoredFinding("unwrap_used", "b", false, true, false),
                new ScoredFinding("unwrap_used", "c", false, false, true),
                new ScoredFinding("unwrap_used", "d", false, false, false)));
        assertEquals(Map.of("panics", 1.0), points(score));
        assertEquals(List.of("d"), score.deductions().getFirst().findings());
    }

    @Test
    void theWorstCrateHitsEveryCapAndScoresZero() {
        List<ScoredFinding> all = new ArrayList<>();
        for (String check : List.of("undocumented_unsafe_block", "unsafe_outside_core", "missing_safety_doc", "static_mut",
                "panic_in_library", "allow_without_reason", "blocking_in_async")) {
            all.addAll(findings(check, 100));
        }
        for (String check : List.of("miri_missing_in_ci", "missing_crate_docs", "no_tests", "clippy_pedantic_disabled",
                "cargo_lock_missing")) {
            all.add(finding(check, 0));
        }
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 1_000L, "public_items", 50L,
                "public_fns", 20L), all);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("undocumented_unsafe", 25.0);
        expected.put("unsafe_outside_core", 15.0);
        expected.put("missing_safety_doc", 10.0);
        expected.put("memory_hazards", 15.0);
        expected.put("miri_missing", 8.0);
        expected.put("panics", 15.0);
        expected.put("doc_coverage", 15.0);
        expected.put("doc_examples", 5.0);
        expected.put("crate_docs", 2.0);
        expected.put("no_tests", 12.0);
        expected.put("no_doctests", 3.0);
        expected.put("pedantic_disabled", 3.0);
        expected.put("allows_without_reason", 5.0);
        expected.put("cargo_lock_missing", 3.0);
        expected.put("other_hazards", 5.0);
        assertEquals(expected, points(score));
        assertEquals(0, score.score());
        assertEquals(Grade.E, score.grade());
    }

    @Test
    void codeRustlensCouldNotReadCostsNothing() {
        // A construct the analyser cannot read is its limitation, not the crate's fault.
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 1_000L), findings("parse_error", 50));
        assertEquals(Map.of(), points(score));
        assertEquals(100, score.score());
    }

    @Test
    void gradeBoundariesAndTheRepositoryAggregate() {
        assertEquals(Grade.A, Grade.of(90));
        assertEquals(Grade.B, Grade.of(89));
        assertEquals(Grade.C, Grade.of(70));
        assertEquals(Grade.D, Grade.of(55));
        assertEquals(Grade.E, Grade.of(54));
        // 90 over 3,000 lines and 60 over 1,000 lines: (270,000 + 60,000) / 4,000 = 82.5 -> 83.
        assertEquals(83, ScoreFormula.aggregate(List.of(new ScoreFormula.WeightedScore(90, 3_000),
                new ScoreFormula.WeightedScore(60, 1_000))));
        assertEquals(100, ScoreFormula.aggregate(List.of()));
    }

    @Test
    void everyCheckAndMetricTheFormulaNamesExists() {
        Set<String> checks = new TreeSet<>();
        Set<String> metrics = new TreeSet<>();
        for (ScoreFormula.Rule rule : ScoreFormula.RULES) {
            switch (rule.measure()) {
                case ScoreFormula.Density density -> checks.addAll(density.weights().keySet());
                case ScoreFormula.Present present -> checks.add(present.checkId());
                case ScoreFormula.Shortfall shortfall -> metrics.addAll(List.of(shortfall.part(), shortfall.total()));
                case ScoreFormula.Missing missing -> metrics.addAll(List.of(missing.metric(), missing.whenPositive()));
            }
        }
        Set<String> knownChecks;
        try (dev.rustlens.analysis.CheckCatalogue catalogue = CheckCatalogue.load()) {
            knownChecks = catalogue.checks().stream().map(Check::id)
                    .collect(Collectors.toSet());
        }
        Set<String> knownMetrics = Arrays.stream(Metric.values())
                .map(Metric::key).collect(Collectors.toSet());
        assertTrue(knownChecks.containsAll(checks), "checks the formula names: " + checks);
        assertTrue(knownMetrics.containsAll(metrics), "metrics the formula names: " + metrics);
    }
}
