package dev.rustlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ratings and score of synthetic crate snapshots, each expectation worked out by hand from docs/scoring.md. */
@Tag("fast")
class ScoreFormulaTest {

    private static final double EXACT = 1e-6;

    static ScoredFinding finding(String checkId, int n) {
        return new ScoredFinding(checkId, checkId + "-" + n, "src/lib.rs", false, false, false);
    }

    static List<ScoredFinding> findings(String checkId, int count) {
        List<ScoredFinding> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            found.add(finding(checkId, i));
        }
        return found;
    }

    private static double rating(SafetyScore score, RatingKind kind) {
        return score.rating(kind).orElseThrow().exact();
    }

    private static Optional<RatingPart> part(SafetyScore score, String id) {
        return score.ratings().stream().flatMap(rating -> rating.parts().stream()).filter(p -> p.id().equals(id))
                .findFirst();
    }

    /** The crate of ScoreEndToEndTest and of docs/scoring.md's worked example, as its scan measures it. */
    static Map<String, Long> workedExampleMetrics() {
        return Map.ofEntries(Map.entry("library_code_lines", 12L), Map.entry("unsafe_blocks", 1L),
                Map.entry("public_items", 2L), Map.entry("documented_public_items", 2L), Map.entry("public_fns", 2L),
                Map.entry("public_fns_with_example", 1L), Map.entry("doctests", 1L), Map.entry("crate_docs", 1L),
                Map.entry("test_fns", 1L), Map.entry("pedantic_enabled", 1L), Map.entry("repository_files", 1L));
    }

    static List<ScoredFinding> workedExampleFindings() {
        return List.of(finding("undocumented_unsafe_block", 0), finding("unwrap_used", 0),
                finding("miri_missing_in_ci", 0), finding("missing_doc_example", 0));
    }

    @Test
    void theWorkedExampleScoresAsDocumented() {
        SafetyScore score = ScoreFormula.score(workedExampleMetrics(), workedExampleFindings());
        // Unsafe: its one block is undocumented (0 of 50), no memory hazard (15 of 15): 15 / 65.
        assertEquals(100 * 15 / 65.0, rating(score, RatingKind.UNSAFE), EXACT);
        // Panics: 1 unwrap in 12 lines, weighed as 200: 5 per 1,000 lines; 100 / (1 + 5/6).
        assertEquals(100 / (1 + 5 / 6.0), rating(score, RatingKind.PANICS), EXACT);
        // Documentation: all documented (55), 1 of 2 fns with an example (7.5), 1 doctest for 2
        // fns: 20 x 0.5 / 0.75 (13.33), crate docs (10).
        assertEquals(55 + 7.5 + 20 * 0.5 / 0.75 + 10, rating(score, RatingKind.DOCUMENTATION), EXACT);
        // Verification: 2 tests in 200 lines = 10 per 1,000: 50 x 10 / 20 = 25; no bench (0 of 10);
        // no Miri in CI (0 of 15); no fuzzing although it holds unsafe code (0 of 10): 25 / 85.
        assertEquals(100 * 25 / 85.0, rating(score, RatingKind.VERIFICATION), EXACT);
        // Hygiene: pedantic (25), Cargo.lock (20), no blocking or anyhow (40): 85 of 85.
        assertEquals(100, rating(score, RatingKind.HYGIENE), EXACT);
        double expected = (35 * 100 * 15 / 65.0 + 15 * 100 / (1 + 5 / 6.0) + 20 * (55 + 7.5 + 20 * 0.5 / 0.75 + 10)
                + 20 * 100 * 25 / 85.0 + 10 * 100) / 100;
        assertEquals(expected, score.exact(), EXACT);
        assertEquals(49, score.score());
        assertEquals(Grade.D, score.grade());
        assertEquals(Map.of("undocumented_unsafe_block", 1), part(score, "unsafe.justified").orElseThrow().findingsByCheck());
    }

    @Test
    void aSafeCrateThatForbidsUnsafeHasItsUnsafeRatingAtHundred() {
        SafetyScore forbids = ScoreFormula.score(Map.of("library_code_lines", 2_000L, "forbids_unsafe", 1L), List.of());
        assertEquals(100, rating(forbids, RatingKind.UNSAFE), EXACT);
        SafetyScore open = ScoreFormula.score(Map.of("library_code_lines", 2_000L),
                List.of(finding("forbid_unsafe_missing", 0)));
        assertEquals(90, rating(open, RatingKind.UNSAFE), EXACT);
    }

    @Test
    void whatAnArchiveCannotHoldCostsItNothing() {
        Map<String, Long> archive = Map.of("library_code_lines", 1_000L, "unsafe_blocks", 4L, "test_fns", 10L);
        SafetyScore fromArchive = ScoreFormula.score(archive, List.of());
        assertTrue(part(fromArchive, "hygiene.lock_file").isEmpty());
        assertTrue(part(fromArchive, "verification.miri").isEmpty());
        assertTrue(part(fromArchive, "verification.fuzzing").isEmpty());
        assertTrue(part(fromArchive, "verification.platforms").isEmpty());
        Map<String, Long> repository = new HashMap<>(archive);
        repository.put("repository_files", 1L);
        repository.put("ci_configurations", 1L);
        SafetyScore fromRepository = ScoreFormula.score(repository,
                List.of(finding("cargo_lock_missing", 0), finding("miri_missing_in_ci", 0)));
        assertEquals(0, part(fromRepository, "hygiene.lock_file").orElseThrow().points(), EXACT);
        assertEquals(0, part(fromRepository, "verification.miri").orElseThrow().points(), EXACT);
        assertEquals(0, part(fromRepository, "verification.fuzzing").orElseThrow().points(), EXACT);
        assertEquals(0, part(fromRepository, "verification.platforms").orElseThrow().points(), EXACT);
        assertTrue(fromRepository.exact() < fromArchive.exact());
    }

    @Test
    void importedCoverageAddsTwoVerificationPartsAndACrateWithoutItScoresAsBefore() {
        Map<String, Long> plain = Map.of("library_code_lines", 1_000L, "unsafe_blocks", 4L, "test_fns", 10L);
        SafetyScore without = ScoreFormula.score(plain, List.of());
        Map<String, Long> none = new HashMap<>(plain);
        none.put(ScoreFormula.COVERAGE_LINES, 0L);
        SafetyScore noReport = ScoreFormula.score(none, List.of());
        assertEquals(without.exact(), noReport.exact(), 0);
        assertEquals(without.ratings(), noReport.ratings());

        Map<String, Long> covered = new HashMap<>(plain);
        covered.putAll(Map.of(ScoreFormula.COVERAGE_LINES, 200L, ScoreFormula.COVERAGE_LINES_HIT, 150L,
                ScoreFormula.COVERAGE_UNSAFE_MEASURED, 4L, ScoreFormula.COVERAGE_UNSAFE_EXECUTED, 1L));
        SafetyScore measured = ScoreFormula.score(covered, List.of());
        assertEquals(15.0, part(measured, "verification.line_coverage").orElseThrow().points(), EXACT);
        assertEquals(3.75, part(measured, "verification.unsafe_executed").orElseThrow().points(), EXACT);
        covered.put(ScoreFormula.COVERAGE_LINES_HIT, 200L);
        covered.put(ScoreFormula.COVERAGE_UNSAFE_EXECUTED, 4L);
        assertTrue(rating(ScoreFormula.score(covered, List.of()), RatingKind.VERIFICATION)
                > rating(measured, RatingKind.VERIFICATION), "running more of the code raises Verification");
    }

    @Test
    void verificationEvidenceEarnsCredit() {
        Map<String, Long> plain = Map.of("library_code_lines", 1_000L, "unsafe_blocks", 4L, "test_fns", 10L,
                "repository_files", 1L, "ci_configurations", 1L);
        SafetyScore without = ScoreFormula.score(plain, List.of(finding("miri_missing_in_ci", 0)));
        double previous = rating(without, RatingKind.VERIFICATION);
        Map<String, Long> metrics = new HashMap<>(plain);
        for (String evidence : List.of("evidence_miri", "evidence_fuzzing", "evidence_platforms",
                "evidence_property_tests", "evidence_loom", "evidence_sanitizers", "evidence_compile_fail_tests",
                "evidence_coverage")) {
            metrics.put(evidence, 1L);
            List<ScoredFinding> findings = metrics.containsKey("evidence_miri") ? List.of()
                    : List.of(finding("miri_missing_in_ci", 0));
            double now = rating(ScoreFormula.score(metrics, findings), RatingKind.VERIFICATION);
            assertTrue(now > previous, evidence + " raises Verification: " + previous + " -> " + now);
            previous = now;
        }
    }

    @Test
    void suppressedTestAndTriagedFindingsDoNotCount() {
        SafetyScore score = ScoreFormula.score(Map.of("library_code_lines", 1_000L), List.of(
                new ScoredFinding("unwrap_used", "a", "src/lib.rs", true, false, false),
                new ScoredFinding("unwrap_used", "b", "src/lib.rs", false, true, false),
                new ScoredFinding("unwrap_used", "c", "src/lib.rs", false, false, true),
                new ScoredFinding("unwrap_used", "d", "src/lib.rs", false, false, false)));
        assertEquals(Map.of("unwrap_used", 1), part(score, "panics.density").orElseThrow().findingsByCheck());
        assertEquals(100 / (1 + 1 / 6.0), rating(score, RatingKind.PANICS), EXACT);
    }

    @Test
    void codeRustlensCouldNotReadCostsNothing() {
        Map<String, Long> metrics = Map.of("library_code_lines", 1_000L, "forbids_unsafe", 1L, "test_fns", 10L);
        SafetyScore clean = ScoreFormula.score(metrics, List.of());
        List<ScoredFinding> unread = new ArrayList<>(findings("parse_error", 50));
        unread.addAll(findings("unlinked_file", 5));
        assertEquals(clean, ScoreFormula.score(metrics, unread));
    }

    @Test
    void gradeBoundaries() {
        assertEquals(Grade.A, Grade.of(85));
        assertEquals(Grade.B, Grade.of(84));
        assertEquals(Grade.B, Grade.of(70));
        assertEquals(Grade.C, Grade.of(55));
        assertEquals(Grade.D, Grade.of(40));
        assertEquals(Grade.E, Grade.of(39));
        assertEquals(84, Grade.B.maximum());
        assertEquals(100, Grade.A.maximum());
        assertEquals(Grade.C, Grade.D.better());
        assertEquals(Grade.A, Grade.A.better());
    }

    @Test
    void theRepositoryIsTheLineWeightedMeanOfItsCrates() {
        // 90 over 3,000 lines and 60 over 1,000 lines: (270,000 + 60,000) / 4,000 = 82.5 -> 83.
        ScoreFormula.RepositoryScore score = ScoreFormula.aggregate(List.of(
                new ScoreFormula.WeightedScore("big", 90, 3_000, true),
                new ScoreFormula.WeightedScore("small", 60, 1_000, true)));
        assertEquals(83, score.score());
        assertEquals(Optional.empty(), score.heldBecause());
        assertEquals(100, ScoreFormula.aggregate(List.of()).score());
    }

    @Test
    void theRepositoryIsNeverMoreThanOneGradeBetterThanItsWorstCrateWithUnsafeCode() {
        // The mean is 84 (B), but a small crate with unsafe code is D (50): the repository is held at the top of C, 69.
        ScoreFormula.RepositoryScore held = ScoreFormula.aggregate(List.of(
                new ScoreFormula.WeightedScore("core", 88, 9_000, false),
                new ScoreFormula.WeightedScore("ffi", 50, 1_000, true)));
        assertEquals(69, held.score());
        assertEquals(Grade.C, held.grade());
        assertTrue(held.heldBecause().orElseThrow().contains("crate ffi holds unsafe code and is graded D (50)"),
                held.heldBecause().orElseThrow());
        // A crate without unsafe code does not hold it down.
        ScoreFormula.RepositoryScore free = ScoreFormula.aggregate(List.of(
                new ScoreFormula.WeightedScore("core", 88, 9_000, true),
                new ScoreFormula.WeightedScore("docs", 50, 1_000, false)));
        assertEquals(84, free.score());
        assertFalse(free.heldBecause().isPresent());
    }

    /**
     * The checks whose findings no rating reads, each with why; a new check is either read by the
     * formula or added here, so that leaving it out of the score is a decision.
     */
    private static final Map<String, String> UNRATED = Map.of(
            "parse_error", "code rustlens could not read is its limitation, not the crate's fault (docs/scoring.md)",
            "unlinked_file", "a file no crate root reaches is not read either (docs/scoring.md)",
            "ffi_boundary", "an inventory (INFO) of where Rust's guarantees stop; the unsafe code there is rated",
            "bidi_control_char", "rustc denies these characters by default: an alarm for the reviewer, not a measure");

    private static Set<String> catalogueChecks() {
        try (CheckCatalogue catalogue = CheckCatalogue.load()) {
            return catalogue.checks().stream().map(Check::id).collect(Collectors.toSet());
        }
    }

    @Test
    void everyCheckTheFormulaReadsExists() {
        Set<String> known = catalogueChecks();
        assertTrue(known.containsAll(ScoreFormula.scoredChecks()), "checks the formula reads: "
                + ScoreFormula.scoredChecks());
        assertTrue(known.containsAll(ScoreFormula.FIX_EFFECTS.keySet()));
        assertTrue(known.containsAll(UNRATED.keySet()), "unrated checks: " + UNRATED.keySet());
    }

    @Test
    void everyCheckInTheCatalogueIsRatedOrDeliberatelyUnrated() {
        Set<String> unaccounted = new TreeSet<>(catalogueChecks());
        unaccounted.removeAll(ScoreFormula.scoredChecks());
        unaccounted.removeAll(UNRATED.keySet());
        assertEquals(Set.of(), unaccounted, "checks neither rated by the formula nor listed as unrated");
        assertTrue(UNRATED.keySet().stream().noneMatch(ScoreFormula.scoredChecks()::contains),
                "a check is rated or unrated, not both");
    }
}
