package dev.rustlens.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Properties of the score formula over generated crate snapshots whose metrics and findings agree
 * with each other the way a scan's do: bounded, monotone in every finding, responsive, and
 * without cliffs.
 */
@Tag("fast")
class ScoreFormulaPropertiesTest {

    private static final int CRATES = 3_000;
    private static final double TOLERANCE = 1e-9;
    /**
     * The checks whose findings stand for one site each (a block, an item, a call), with the count
     * they are a share of; the others are densities per 1,000 lines.
     */
    private static final Map<String, String> PER_SITE = Map.ofEntries(
            Map.entry("undocumented_unsafe_block", "unsafe_blocks"), Map.entry("undocumented_unsafe_impl", "unsafe_impls"),
            Map.entry("unsafe_impl_send_sync", "unsafe_impls"), Map.entry("missing_safety_doc", "unsafe_api"),
            Map.entry("unsafe_outside_core", "unsafe_blocks"), Map.entry("missing_docs", "public_items"),
            Map.entry("missing_doc_example", "public_fns"), Map.entry("allow_without_reason", "allow_attributes"),
            Map.entry("static_mut", "library_code_lines"), Map.entry("transmute", "library_code_lines"),
            Map.entry("mem_forget", "library_code_lines"), Map.entry("box_leak", "library_code_lines"),
            Map.entry("panic_in_library", "library_code_lines"), Map.entry("unwrap_used", "library_code_lines"),
            Map.entry("expect_used", "library_code_lines"), Map.entry("blocking_in_async", "library_code_lines"),
            Map.entry("anyhow_in_library_api", "library_code_lines"));

    /** A generated snapshot. */
    private record Snapshot(Map<String, Long> metrics, List<ScoredFinding> findings) {

        SafetyScore score() {
            return ScoreFormula.score(metrics, findings);
        }

        /** Scored again without {@code fixed} (each takes one equal finding away), its metrics moved as fixing moves them. */
        SafetyScore fixing(List<ScoredFinding> fixed) {
            List<ScoredFinding> left = new ArrayList<>(findings);
            Map<String, Long> moved = new HashMap<>(metrics);
            for (ScoredFinding finding : fixed) {
                assertTrue(left.remove(finding), () -> finding + " is not a finding of the snapshot");
                ScoreFormula.FIX_EFFECTS.getOrDefault(finding.checkId(), Map.of()).forEach((metric, change) ->
                        moved.merge(metric.key(), change, Long::sum));
            }
            return ScoreFormula.score(moved, left);
        }

        /** A finding of each check: the formula counts findings, so any one of a check is worth the same. */
        List<ScoredFinding> onePerCheck() {
            Map<String, ScoredFinding> first = new HashMap<>();
            findings.forEach(finding -> first.putIfAbsent(finding.checkId(), finding));
            return List.copyOf(first.values());
        }
    }

    /** Builds one snapshot with consistent metrics and findings. */
    private static final class Generator {
        private final Random random;
        private final Map<String, Long> metrics = new HashMap<>();
        private final List<ScoredFinding> findings = new ArrayList<>();

        Generator(Random random) {
            this.random = random;
        }

        /** Mostly small, sometimes large: a log-uniform count from 0 to {@code max}. */
        long some(long max) {
            if (max <= 0 || random.nextInt(5) == 0) {
                return 0;
            }
            return Math.min(max, (long) Math.floor(Math.exp(random.nextDouble() * Math.log(max + 1.0))));
        }

        long at(long max) {
            return max <= 0 ? 0 : random.nextLong(max + 1);
        }

        long metric(String key, long value) {
            metrics.put(key, value);
            return value;
        }

        void report(String checkId, long count) {
            for (long i = 0; i < count; i++) {
                findings.add(new ScoredFinding(checkId, checkId + "-" + findings.size(), "src/f" + random.nextInt(4)
                        + ".rs", false, false, false));
            }
        }

        Snapshot generate() {
            long lines = metric("library_code_lines", random.nextInt(10) == 0 ? at(150) : some(200_000));
            boolean repository = metric("repository_files", random.nextInt(2)) == 1;
            boolean ci = metric("ci_configurations", repository ? at(3) : 0) > 0;
            boolean unsafeCode = random.nextInt(3) > 0;
            long blocks = unsafeCode ? metric("unsafe_blocks", some(2_000)) : 0;
            long impls = unsafeCode ? metric("unsafe_impls", some(200)) : 0;
            long functions = unsafeCode ? metric("unsafe_functions", some(100)) : 0;
            long api = unsafeCode ? metric("unsafe_api", at(functions)) : 0;
            long sites = blocks + impls + functions;
            report("undocumented_unsafe_block", at(blocks));
            report("undocumented_unsafe_impl", at(impls / 2));
            report("unsafe_impl_send_sync", at(impls - impls / 2));
            report("missing_safety_doc", at(api));
            if (metric("core_modules", at(2)) > 0) {
                report("unsafe_outside_core", at(sites));
            }
            if (sites == 0 && metric("forbids_unsafe", at(1)) == 0) {
                report("forbid_unsafe_missing", 1);
            }
            for (String hazard : List.of("static_mut", "transmute", "mem_forget", "box_leak")) {
                report(hazard, some(20));
            }
            for (String panic : List.of("panic_in_library", "unwrap_used", "expect_used")) {
                report(panic, some(lines / 20 + 5));
            }
            long items = metric("public_items", some(5_000));
            long undocumented = at(items);
            report("missing_docs", undocumented);
            metric("documented_public_items", items - undocumented);
            long fns = metric("public_fns", at(items));
            long withoutExample = at(fns);
            report("missing_doc_example", withoutExample);
            metric("public_fns_with_example", at(fns - withoutExample));
            if (items > 0) {
                metric("crate_docs", at(1));
                report("missing_crate_docs", 1 - metrics.get("crate_docs"));
            }
            long tests = metric("test_fns", some(3_000)) + metric("doctests", some(2_000))
                    + metric("integration_test_files", some(100));
            report("no_tests", tests == 0 ? 1 : 0);
            metric("bench_targets", at(2));
            for (String evidence : List.of("evidence_fuzzing", "evidence_platforms", "evidence_property_tests",
                    "evidence_loom", "evidence_sanitizers", "evidence_compile_fail_tests", "evidence_coverage")) {
                metric(evidence, at(1));
            }
            boolean miri = metric("evidence_miri", at(1)) == 1;
            report("miri_missing_in_ci", sites > 0 && !miri && (repository || ci) ? 1 : 0);
            report("clippy_pedantic_disabled", at(1));
            long allows = metric("allow_attributes", some(300));
            report("allow_without_reason", at(allows));
            report("cargo_lock_missing", repository ? at(1) : 0);
            report("blocking_in_async", some(30));
            report("anyhow_in_library_api", some(30));
            return new Snapshot(Map.copyOf(metrics), List.copyOf(findings));
        }
    }

    private static List<Snapshot> snapshots(long seed) {
        Random random = new Random(seed);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < CRATES; i++) {
            snapshots.add(new Generator(random).generate());
        }
        return snapshots;
    }

    @Test
    void everyPartRatingAndScoreStaysWithinItsBounds() {
        for (Snapshot snapshot : snapshots(1)) {
            SafetyScore score = snapshot.score();
            for (Rating rating : score.ratings()) {
                for (RatingPart part : rating.parts()) {
                    assertTrue(part.points() >= 0 && part.points() <= part.max() + TOLERANCE, part.toString());
                }
                assertTrue(rating.exact() >= 0 && rating.exact() <= 100 + TOLERANCE, rating.toString());
                assertEquals(Grade.of(rating.score()), rating.grade());
            }
            assertTrue(score.exact() >= 0 && score.exact() <= 100 + TOLERANCE);
            assertEquals(Math.round(score.exact()), score.score());
            assertEquals(Grade.of(score.score()), score.grade());
        }
    }

    @Test
    void fixingAnyFindingRaisesTheScoreAndLowersNoRating() {
        for (Snapshot snapshot : snapshots(2)) {
            SafetyScore before = snapshot.score();
            for (ScoredFinding finding : snapshot.onePerCheck()) {
                SafetyScore after = snapshot.fixing(List.of(finding));
                assertTrue(after.exact() > before.exact() + TOLERANCE, () -> "fixing " + finding.checkId()
                        + " in " + snapshot.metrics() + " leaves the score at " + before.exact());
                for (Rating rating : after.ratings()) {
                    double was = before.rating(rating.kind()).map(Rating::exact).orElse(100.0);
                    assertTrue(rating.exact() >= was - TOLERANCE, () -> "fixing " + finding.checkId() + " lowers "
                            + rating.kind() + " from " + was + " to " + rating.exact());
                }
            }
        }
    }

    /**
     * Each fix of the ranking (the findings of one check in one file) gains what scoring the crate
     * again without them, its metrics moved as fixing moves them, gains: the ranking scores one
     * fix of each check and size and shares the result, and weighs it on a what-if that only counts
     * the check's findings one fewer for each finding fixed.
     */
    @Test
    void everyRankedFixGainsWhatScoringTheCrateWithoutItsFindingsGains() {
        for (Snapshot snapshot : snapshots(6).subList(0, 300)) {
            double before = snapshot.score().exact();
            for (FixRanking.Fix fix : FixRanking.rank(snapshot.metrics(), snapshot.findings())) {
                List<ScoredFinding> left = new ArrayList<>();
                Map<String, Long> moved = new HashMap<>(snapshot.metrics());
                for (ScoredFinding finding : snapshot.findings()) {
                    if (finding.checkId().equals(fix.checkId()) && finding.path().equals(fix.path())) {
                        ScoreFormula.FIX_EFFECTS.getOrDefault(fix.checkId(), Map.of()).forEach((metric, change) ->
                                moved.merge(metric.key(), change, Long::sum));
                    } else {
                        left.add(finding);
                    }
                }
                assertEquals(snapshot.findings().size() - left.size(), fix.findings(), fix.toString());
                assertEquals(ScoreFormula.score(moved, left).exact() - before, fix.scorePoints(), TOLERANCE,
                        fix.toString());
            }
        }
    }

    /** What fixing one finding of a check is worth is what scoring the crate again without one of them gains. */
    @Test
    void eachCheckIsWorthWhatScoringTheCrateWithoutOneOfItsFindingsGains() {
        for (Snapshot snapshot : snapshots(6).subList(0, 300)) {
            double before = snapshot.score().exact();
            Map<String, FixRanking.Worth> worth = FixRanking.worthByCheck(snapshot.metrics(), snapshot.findings());
            for (ScoredFinding finding : snapshot.onePerCheck()) {
                if (!finding.counts()) {
                    continue;
                }
                double gain = snapshot.fixing(List.of(finding)).exact() - before;
                FixRanking.Worth weighed = worth.get(finding.checkId());
                assertEquals(gain > 1e-9 ? gain : 0, weighed == null ? 0 : weighed.scorePoints(), TOLERANCE,
                        finding.checkId());
            }
        }
    }

    @Test
    void documentingFivePercentOfTheUndocumentedUnsafeBlocksMovesUnsafeByAPoint() {
        // Wherever at least 40% of a crate's unsafe blocks lack a SAFETY comment (tokio, hashbrown,
        // smallvec and most of the corpus), documenting 5% of those, at least one, moves its Unsafe
        // rating by a point or more. Below 40% no bounded rating can: see docs/scoring.md.
        int checked = 0;
        for (Snapshot snapshot : snapshots(3)) {
            long blocks = snapshot.metrics().getOrDefault("unsafe_blocks", 0L);
            List<ScoredFinding> undocumented = snapshot.findings().stream()
                    .filter(finding -> finding.checkId().equals("undocumented_unsafe_block")).toList();
            if (undocumented.isEmpty() || undocumented.size() < 0.4 * blocks) {
                continue;
            }
            int fixed = (int) Math.ceil(0.05 * undocumented.size());
            double before = snapshot.score().rating(RatingKind.UNSAFE).orElseThrow().exact();
            double after = snapshot.fixing(undocumented.subList(0, fixed)).rating(RatingKind.UNSAFE).orElseThrow()
                    .exact();
            assertTrue(after - before >= 1 - TOLERANCE, () -> "documenting " + fixed + " of " + undocumented.size()
                    + " undocumented blocks of " + blocks + " moves Unsafe by " + (after - before));
            checked++;
        }
        assertTrue(checked > 100, "crates checked: " + checked);
    }

    @Test
    void documentingAnyTwentiethOfTheUnsafeBlocksMovesUnsafeByTwoAndAHalfPoints() {
        int checked = 0;
        for (Snapshot snapshot : snapshots(4)) {
            long blocks = snapshot.metrics().getOrDefault("unsafe_blocks", 0L);
            List<ScoredFinding> undocumented = snapshot.findings().stream()
                    .filter(finding -> finding.checkId().equals("undocumented_unsafe_block")).toList();
            int fixed = (int) Math.ceil(0.05 * blocks);
            if (blocks == 0 || undocumented.size() < fixed) {
                continue;
            }
            double before = snapshot.score().rating(RatingKind.UNSAFE).orElseThrow().exact();
            double after = snapshot.fixing(undocumented.subList(0, fixed)).rating(RatingKind.UNSAFE).orElseThrow()
                    .exact();
            assertTrue(after - before >= 2.5 - TOLERANCE, () -> "documenting " + fixed + " of " + blocks
                    + " blocks moves Unsafe by " + (after - before));
            checked++;
        }
        assertTrue(checked > 100, "crates checked: " + checked);
    }

    @Test
    void noSingleSiteMovesTheScoreOfALargeCrateByMuch() {
        // No cliff: one block, item or call among 20 or more, in a crate of 2,000 lines or more, is
        // worth less than two points of the score.
        int checked = 0;
        for (Snapshot snapshot : snapshots(5)) {
            Map<String, Long> metrics = snapshot.metrics();
            if (metrics.get("library_code_lines") < 2_000) {
                continue;
            }
            SafetyScore before = snapshot.score();
            for (ScoredFinding finding : snapshot.onePerCheck()) {
                String among = PER_SITE.get(finding.checkId());
                if (among != null && metrics.getOrDefault(among, 0L) >= 20) {
                    double gain = snapshot.fixing(List.of(finding)).exact() - before.exact();
                    assertTrue(gain < 2, () -> finding.checkId() + " is worth " + gain);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1_000, "findings checked: " + checked);
    }
}
