package dev.rustlens.scoring;

import static dev.rustlens.analysis.metric.Metric.ALLOW_ATTRIBUTES;
import static dev.rustlens.analysis.metric.Metric.BENCH_TARGETS;
import static dev.rustlens.analysis.metric.Metric.CI_CONFIGURATIONS;
import static dev.rustlens.analysis.metric.Metric.CORE_MODULES;
import static dev.rustlens.analysis.metric.Metric.CRITERION;
import static dev.rustlens.analysis.metric.Metric.DOCTESTS;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_COMPILE_FAIL_TESTS;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_COVERAGE;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_FUZZING;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_LOOM;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_MIRI;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_PLATFORMS;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_PROPERTY_TESTS;
import static dev.rustlens.analysis.metric.Metric.EVIDENCE_SANITIZERS;
import static dev.rustlens.analysis.metric.Metric.EXTERN_BLOCKS;
import static dev.rustlens.analysis.metric.Metric.FORBIDS_UNSAFE;
import static dev.rustlens.analysis.metric.Metric.INTEGRATION_TEST_FILES;
import static dev.rustlens.analysis.metric.Metric.PUBLIC_FNS;
import static dev.rustlens.analysis.metric.Metric.PUBLIC_FNS_WITH_EXAMPLE;
import static dev.rustlens.analysis.metric.Metric.PUBLIC_ITEMS;
import static dev.rustlens.analysis.metric.Metric.REPOSITORY_FILES;
import static dev.rustlens.analysis.metric.Metric.TEST_FNS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_API;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_BLOCKS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_FUNCTIONS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_IMPLS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_IN_MACROS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_METHODS;
import static dev.rustlens.analysis.metric.Metric.UNSAFE_TRAITS;

import dev.rustlens.analysis.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The safety score formula, all of it. A crate gets five sub-ratings after the review standard,
 * each 0 to 100 (the points its parts earn as a share of the points they can earn), and its score
 * is their weighted mean ({@link RatingKind#weight()}). Every part is a share or a smooth curve of
 * a density, so fixing any finding raises the score and nothing saturates. docs/scoring.md explains
 * each part, weight and curve; change {@link #VERSION} with any change here, so stored scores are
 * recomputed.
 */
public final class ScoreFormula {

    /** The version of the rules below; stored with every score. */
    public static final int VERSION = 2;
    /** The smallest density base, in lines, so that one finding in a ten-line crate does not weigh like a hundred. */
    public static final int MIN_DENSITY_LINES = 200;

    /** Weighted panicking calls per 1,000 lines at which Panics is 50 (the corpus median is about half of it). */
    static final double PANICS_AT_HALF = 6;
    /** Tests per 1,000 lines at which the tests part earns half its points. */
    static final double TESTS_AT_HALF = 10;
    /** Memory hazards per 1,000 lines at which the hazards part earns half its points. */
    static final double HAZARDS_AT_HALF = 2;
    /** Blocking calls in async code and anyhow types in the API per 1,000 lines at which that part earns half. */
    static final double API_HAZARDS_AT_HALF = 1;
    /** Doctests per exported fn at which the doctests part earns half its points. */
    static final double DOCTESTS_AT_HALF = 0.25;

    static final String UNDOCUMENTED_UNSAFE_BLOCK = "undocumented_unsafe_block";
    static final String UNDOCUMENTED_UNSAFE_IMPL = "undocumented_unsafe_impl";
    static final String UNSAFE_IMPL_SEND_SYNC = "unsafe_impl_send_sync";
    static final String MISSING_SAFETY_DOC = "missing_safety_doc";
    static final String UNSAFE_OUTSIDE_CORE = "unsafe_outside_core";
    static final String FORBID_UNSAFE_MISSING = "forbid_unsafe_missing";
    static final List<String> MEMORY_HAZARDS = List.of("static_mut", "transmute", "mem_forget", "box_leak");
    static final String PANIC_IN_LIBRARY = "panic_in_library";
    static final String UNWRAP_USED = "unwrap_used";
    static final String EXPECT_USED = "expect_used";
    static final String MISSING_DOCS = "missing_docs";
    static final String MISSING_DOC_EXAMPLE = "missing_doc_example";
    static final String MISSING_CRATE_DOCS = "missing_crate_docs";
    static final String NO_TESTS = "no_tests";
    static final String MIRI_MISSING_IN_CI = "miri_missing_in_ci";
    static final String CLIPPY_PEDANTIC_DISABLED = "clippy_pedantic_disabled";
    static final String ALLOW_WITHOUT_REASON = "allow_without_reason";
    static final String CARGO_LOCK_MISSING = "cargo_lock_missing";
    static final List<String> API_HAZARDS = List.of("blocking_in_async", "anyhow_in_library_api");

    /** Lines with data in the crate's files of an imported coverage report (none: no report applies). */
    public static final String COVERAGE_LINES = "coverage_lines";
    /** Of those, the lines the tests ran. */
    public static final String COVERAGE_LINES_HIT = "coverage_lines_hit";
    /** Unsafe sites outside test code with coverage data on a line of their span. */
    public static final String COVERAGE_UNSAFE_MEASURED = "coverage_unsafe_sites_measured";
    /** Of those, the sites the tests ran (a line of the span hit). */
    public static final String COVERAGE_UNSAFE_EXECUTED = "coverage_unsafe_sites_executed";
    /** Line coverage at which the part earns its points in proportion: 100% earns all. */
    static final double LINE_COVERAGE_POINTS = 20;
    /** The points of the share of unsafe sites the tests run. */
    static final double UNSAFE_EXECUTED_POINTS = 15;

    /**
     * What fixing a finding changes besides removing it, for the checks whose fix shows in a
     * metric: an example added to a fn's docs is an example and a doctest, a test added is a test.
     */
    static final Map<String, Map<Metric, Long>> FIX_EFFECTS = Map.of(
            MISSING_DOC_EXAMPLE, Map.of(PUBLIC_FNS_WITH_EXAMPLE, 1L, DOCTESTS, 1L),
            NO_TESTS, Map.of(TEST_FNS, 1L),
            MIRI_MISSING_IN_CI, Map.of(EVIDENCE_MIRI, 1L),
            FORBID_UNSAFE_MISSING, Map.of(FORBIDS_UNSAFE, 1L));

    private ScoreFormula() {
    }

    /** The checks whose findings the formula reads; the others never move the score. */
    public static Set<String> scoredChecks() {
        return Set.copyOf(Stream.of(List.of(UNDOCUMENTED_UNSAFE_BLOCK, UNDOCUMENTED_UNSAFE_IMPL, UNSAFE_IMPL_SEND_SYNC,
                MISSING_SAFETY_DOC, UNSAFE_OUTSIDE_CORE, FORBID_UNSAFE_MISSING, PANIC_IN_LIBRARY, UNWRAP_USED, EXPECT_USED,
                MISSING_DOCS, MISSING_DOC_EXAMPLE, MISSING_CRATE_DOCS, NO_TESTS, MIRI_MISSING_IN_CI,
                CLIPPY_PEDANTIC_DISABLED, ALLOW_WITHOUT_REASON, CARGO_LOCK_MISSING), MEMORY_HAZARDS, API_HAZARDS)
                .flatMap(List::stream).toList());
    }

    /** Scores one crate snapshot from its metrics (by metric key) and its findings. */
    public static SafetyScore score(Map<String, Long> metrics, List<ScoredFinding> findings) {
        return score(Tally.of(metrics, findings));
    }

    static SafetyScore score(Tally tally) {
        List<Rating> ratings = Stream.of(unsafeCode(tally), panics(tally), documentation(tally),
                verification(tally), hygiene(tally)).flatMap(Optional::stream).toList();
        double weighted = 0;
        double weights = 0;
        for (Rating rating : ratings) {
            weighted += rating.kind().weight() * rating.exact();
            weights += rating.kind().weight();
        }
        double exact = weights == 0 ? 100 : weighted / weights;
        int score = (int) Math.round(exact);
        return new SafetyScore(score, Grade.of(score), VERSION, exact, ratings);
    }

    /** Whether a crate's own code holds unsafe code of any kind (the repository grade rule asks). */
    public static boolean holdsUnsafe(Map<String, Long> metrics) {
        return unsafeSites(Tally.of(metrics, List.of())) > 0;
    }

    private static long unsafeSites(Tally tally) {
        return tally.metric(UNSAFE_BLOCKS) + tally.metric(UNSAFE_IN_MACROS) + tally.metric(UNSAFE_IMPLS)
                + tally.metric(UNSAFE_FUNCTIONS) + tally.metric(UNSAFE_METHODS) + tally.metric(UNSAFE_TRAITS)
                + tally.metric(EXTERN_BLOCKS);
    }

    private static Optional<Rating> unsafeCode(Tally tally) {
        List<RatingPart> parts = new ArrayList<>();
        long blocks = tally.metric(UNSAFE_BLOCKS) + tally.metric(UNSAFE_IN_MACROS);
        long impls = tally.metric(UNSAFE_IMPLS);
        long sites = unsafeSites(tally);
        if (sites == 0 && tally.count(UNDOCUMENTED_UNSAFE_BLOCK, UNDOCUMENTED_UNSAFE_IMPL, UNSAFE_IMPL_SEND_SYNC,
                MISSING_SAFETY_DOC, UNSAFE_OUTSIDE_CORE) == 0) {
            parts.add(RatingPart.of("unsafe.none", "No unsafe code", 75, 75, "the crate's own code holds no unsafe code"));
            boolean forbidden = tally.count(FORBID_UNSAFE_MISSING) == 0;
            parts.add(new RatingPart("unsafe.forbidden", "unsafe_code forbidden", forbidden ? 10 : 0, 10,
                    forbidden ? "nothing lets unsafe code in unnoticed" : "no #![forbid(unsafe_code)] keeps it that way",
                    tally.countsByCheck(FORBID_UNSAFE_MISSING)));
        } else {
            share(parts, tally, "unsafe.justified", "Unsafe blocks justified", 50, blocks,
                    "unsafe blocks have no // SAFETY: comment", UNDOCUMENTED_UNSAFE_BLOCK);
            share(parts, tally, "unsafe.impls_justified", "Unsafe impls justified", 10, impls,
                    "unsafe impls have no // SAFETY: comment", UNDOCUMENTED_UNSAFE_IMPL, UNSAFE_IMPL_SEND_SYNC);
            share(parts, tally, "unsafe.safety_docs", "# Safety docs on unsafe API", 15, tally.metric(UNSAFE_API),
                    "exported unsafe fns and unsafe traits have no # Safety section", MISSING_SAFETY_DOC);
            if (tally.flag(CORE_MODULES)) {
                share(parts, tally, "unsafe.confined", "Unsafe code confined to core modules", 10, sites,
                        "unsafe sites are outside the core modules", UNSAFE_OUTSIDE_CORE);
            }
        }
        parts.add(density(tally, "unsafe.hazards", "Memory hazards", 15, HAZARDS_AT_HALF,
                "static mut, transmute, mem::forget and Box::leak", MEMORY_HAZARDS.toArray(String[]::new)));
        return Optional.of(Rating.of(RatingKind.UNSAFE, parts));
    }

    private static Optional<Rating> panics(Tally tally) {
        // Always rated, a crate without library code at 100: a rating that comes and goes with
        // its last finding would make fixing that finding move the score either way.
        long panics = tally.count(PANIC_IN_LIBRARY);
        long unwraps = tally.count(UNWRAP_USED);
        long expects = tally.count(EXPECT_USED);
        double density = (panics + unwraps + 0.5 * expects) / tally.kloc();
        String explanation = String.format(Locale.ROOT,
                "%d panicking macros, %d unwrap() and %d expect() (x0.5) outside tests: %.1f per 1,000 lines,"
                        + " where %.0f would earn half", panics, unwraps, expects, density, PANICS_AT_HALF);
        return Optional.of(Rating.of(RatingKind.PANICS, List.of(new RatingPart("panics.density",
                "Panicking calls in library code", 100 / (1 + density / PANICS_AT_HALF), 100, explanation,
                tally.countsByCheck(PANIC_IN_LIBRARY, UNWRAP_USED, EXPECT_USED)))));
    }

    private static Optional<Rating> documentation(Tally tally) {
        long items = tally.metric(PUBLIC_ITEMS);
        if (items == 0 && tally.count(MISSING_DOCS) == 0) {
            return Optional.empty(); // nothing exported, nothing to document
        }
        List<RatingPart> parts = new ArrayList<>();
        share(parts, tally, "docs.coverage", "Exported items documented", 55, items, "exported items have no docs",
                MISSING_DOCS);
        long fns = tally.metric(PUBLIC_FNS);
        if (fns > 0) {
            long withExample = Math.min(fns, tally.metric(PUBLIC_FNS_WITH_EXAMPLE));
            parts.add(new RatingPart("docs.examples", "Exported fns with an example", 15.0 * withExample / fns, 15,
                    withExample + " of " + fns + " exported fns have a code example in their docs",
                    tally.countsByCheck(MISSING_DOC_EXAMPLE)));
            double perFn = (double) tally.metric(DOCTESTS) / fns;
            parts.add(RatingPart.of("docs.doctests", "Doctests", 20 * perFn / (perFn + DOCTESTS_AT_HALF), 20,
                    String.format(Locale.ROOT, "%d doctests for %d exported fns, where one for every %.0f earns half",
                            tally.metric(DOCTESTS), fns, 1 / DOCTESTS_AT_HALF)));
        }
        boolean crateDocs = tally.count(MISSING_CRATE_DOCS) == 0;
        parts.add(new RatingPart("docs.crate", "Crate documentation", crateDocs ? 10 : 0, 10,
                crateDocs ? "the crate root has //! docs" : "the crate root has no //! docs",
                tally.countsByCheck(MISSING_CRATE_DOCS)));
        return Optional.of(Rating.of(RatingKind.DOCUMENTATION, parts));
    }

    private static Optional<Rating> verification(Tally tally) {
        List<RatingPart> parts = new ArrayList<>();
        long tests = tally.metric(TEST_FNS) + tally.metric(DOCTESTS) + 5 * tally.metric(INTEGRATION_TEST_FILES);
        double perKloc = tests / tally.kloc();
        parts.add(new RatingPart("verification.tests", "Tests", 50 * perKloc / (perKloc + TESTS_AT_HALF), 50,
                String.format(Locale.ROOT, "%d #[test] fns, %d doctests and %d integration test files (x5):"
                        + " %.1f per 1,000 lines, where %.0f would earn half", tally.metric(TEST_FNS),
                        tally.metric(DOCTESTS), tally.metric(INTEGRATION_TEST_FILES), perKloc, TESTS_AT_HALF),
                tally.countsByCheck(NO_TESTS)));
        boolean benches = tally.flag(BENCH_TARGETS) || tally.flag(CRITERION);
        parts.add(RatingPart.of("verification.benches", "Benchmarks", benches ? 10 : 0, 10,
                benches ? "bench targets or criterion" : "no bench target and no criterion"));
        boolean unsafeCode = unsafeSites(tally) > 0;
        boolean repository = tally.flag(REPOSITORY_FILES);
        boolean ci = tally.flag(CI_CONFIGURATIONS);
        // Evidence a source can show counts when absent only where it would show and matters: Miri
        // and fuzzing for unsafe code, platforms for any CI. The rest only earns credit.
        evidence(parts, tally, "verification.miri", "Miri in CI", 15, EVIDENCE_MIRI,
                tally.count(MIRI_MISSING_IN_CI) > 0, tally.countsByCheck(MIRI_MISSING_IN_CI));
        evidence(parts, tally, "verification.fuzzing", "Fuzz targets", 10, EVIDENCE_FUZZING, repository && unsafeCode,
                Map.of());
        evidence(parts, tally, "verification.platforms", "More than one platform in CI", 5, EVIDENCE_PLATFORMS, ci,
                Map.of());
        evidence(parts, tally, "verification.property_tests", "Property tests", 10, EVIDENCE_PROPERTY_TESTS, false,
                Map.of());
        evidence(parts, tally, "verification.loom", "loom models", 10, EVIDENCE_LOOM, false, Map.of());
        evidence(parts, tally, "verification.sanitizers", "Sanitizers in CI", 10, EVIDENCE_SANITIZERS, false, Map.of());
        evidence(parts, tally, "verification.compile_fail", "Compile-fail tests", 5, EVIDENCE_COMPILE_FAIL_TESTS,
                false, Map.of());
        evidence(parts, tally, "verification.coverage", "Coverage measured in CI", 5, EVIDENCE_COVERAGE, false,
                Map.of());
        importedCoverage(parts, tally);
        return Optional.of(Rating.of(RatingKind.VERIFICATION, parts));
    }

    /**
     * The parts an imported coverage report adds (docs/coverage.md): line coverage, and the share
     * of unsafe sites with data that the tests run. A crate no report covers gets neither, so it
     * scores exactly as without the feature.
     */
    private static void importedCoverage(List<RatingPart> parts, Tally tally) {
        long lines = tally.value(COVERAGE_LINES);
        if (lines == 0) {
            return;
        }
        long hit = Math.min(lines, tally.value(COVERAGE_LINES_HIT));
        parts.add(RatingPart.of("verification.line_coverage", "Lines run by the tests",
                LINE_COVERAGE_POINTS * hit / lines, LINE_COVERAGE_POINTS, String.format(Locale.ROOT,
                        "%d of %d lines with coverage data were run (%.1f%%), by the imported report", hit, lines,
                        100.0 * hit / lines)));
        long measured = tally.value(COVERAGE_UNSAFE_MEASURED);
        if (measured > 0) {
            long executed = Math.min(measured, tally.value(COVERAGE_UNSAFE_EXECUTED));
            parts.add(RatingPart.of("verification.unsafe_executed", "Unsafe sites run by the tests",
                    UNSAFE_EXECUTED_POINTS * executed / measured, UNSAFE_EXECUTED_POINTS, String.format(Locale.ROOT,
                            "%d of %d unsafe sites with coverage data were run by the tests", executed, measured)));
        }
    }

    private static Optional<Rating> hygiene(Tally tally) {
        List<RatingPart> parts = new ArrayList<>();
        boolean pedantic = tally.count(CLIPPY_PEDANTIC_DISABLED) == 0;
        parts.add(new RatingPart("hygiene.pedantic", "clippy::pedantic enabled", pedantic ? 25 : 0, 25,
                pedantic ? "clippy::pedantic is warned or denied" : "clippy::pedantic is not enabled",
                tally.countsByCheck(CLIPPY_PEDANTIC_DISABLED)));
        share(parts, tally, "hygiene.allow_reasons", "Lint allows with a reason", 15, tally.metric(ALLOW_ATTRIBUTES),
                "#[allow]/#[expect] attributes give no reason", ALLOW_WITHOUT_REASON);
        boolean lockMissing = tally.count(CARGO_LOCK_MISSING) > 0;
        if (tally.flag(REPOSITORY_FILES) || lockMissing) {
            parts.add(new RatingPart("hygiene.lock_file", "Cargo.lock committed", lockMissing ? 0 : 20, 20,
                    lockMissing ? "no Cargo.lock is committed" : "Cargo.lock is committed",
                    tally.countsByCheck(CARGO_LOCK_MISSING)));
        }
        parts.add(density(tally, "hygiene.api_hazards", "Blocking in async, anyhow in a library API", 40,
                API_HAZARDS_AT_HALF, "blocking calls in async code and anyhow types in exported signatures",
                API_HAZARDS.toArray(String[]::new)));
        return Optional.of(Rating.of(RatingKind.HYGIENE, parts));
    }

    /**
     * A part earned by the share of {@code total} things that no finding of {@code checks} is
     * about; applies when there is anything to count.
     */
    private static void share(List<RatingPart> parts, Tally tally, String id, String title, double max, long total,
            String what, String... checks) {
        long bad = tally.count(checks);
        long whole = Math.max(total, bad);
        if (whole == 0) {
            return;
        }
        parts.add(new RatingPart(id, title, max * (whole - bad) / whole, max, bad + " of " + whole + " " + what,
                tally.countsByCheck(checks)));
    }

    /** A part earned along {@code max / (1 + d / atHalf)} of the findings' density {@code d} per 1,000 lines. */
    private static RatingPart density(Tally tally, String id, String title, double max, double atHalf, String what,
            String... checks) {
        long count = tally.count(checks);
        double perKloc = count / tally.kloc();
        return new RatingPart(id, title, max / (1 + perKloc / atHalf), max, String.format(Locale.ROOT,
                "%d findings of %s: %.1f per 1,000 lines, where %.0f would earn half", count, what, perKloc, atHalf),
                tally.countsByCheck(checks));
    }

    /**
     * A piece of verification evidence: full points when present; when absent it counts (as
     * nothing earned) only where the source would show it and it matters, so a package archive,
     * which holds no CI configuration, loses nothing for it.
     */
    private static void evidence(List<RatingPart> parts, Tally tally, String id, String title, double max,
            Metric metric, boolean expected, Map<String, Integer> findings) {
        if (tally.flag(metric)) {
            parts.add(RatingPart.of(id, title, max, max, "shown by the repository's files (see the evidence)"));
        } else if (expected) {
            parts.add(new RatingPart(id, title, 0, max, "none found", findings));
        }
    }

    /**
     * A repository's score: its crates' scores weighted by their non-test code lines (each crate
     * weighs at least one line), never more than one grade better than its worst crate that holds
     * unsafe code, so that no crate hides behind the others.
     */
    public static RepositoryScore aggregate(List<WeightedScore> crates) {
        long weight = 0;
        double sum = 0;
        WeightedScore worstUnsafe = null;
        for (WeightedScore crate : crates) {
            long lines = Math.max(1, crate.lines());
            weight += lines;
            sum += (double) crate.score() * lines;
            if (crate.holdsUnsafe() && (worstUnsafe == null || crate.score() < worstUnsafe.score())) {
                worstUnsafe = crate;
            }
        }
        int mean = weight == 0 ? 100 : (int) Math.round(sum / weight);
        if (worstUnsafe != null) {
            Grade ceiling = Grade.of(worstUnsafe.score()).better();
            if (mean > ceiling.maximum()) {
                return new RepositoryScore(ceiling.maximum(), ceiling, Optional.of(String.format(Locale.ROOT,
                        "held at %s: crate %s holds unsafe code and is graded %s (%d), and a repository is never more"
                                + " than one grade better than its worst crate with unsafe code (its crates' mean is %d)",
                        ceiling, worstUnsafe.name(), Grade.of(worstUnsafe.score()), worstUnsafe.score(), mean)));
            }
        }
        return new RepositoryScore(mean, Grade.of(mean), Optional.empty());
    }

    /** A crate's score, its weight in the repository's, and whether it holds unsafe code. */
    public record WeightedScore(String name, int score, long lines, boolean holdsUnsafe) {

        /** A crate's score weighted by its non-test code lines, as its metrics count them. */
        public static WeightedScore of(String name, int score, Map<String, Long> metrics) {
            return new WeightedScore(name, score, metrics.getOrDefault(Metric.LIBRARY_CODE_LINES.key(), 0L),
                    ScoreFormula.holdsUnsafe(metrics));
        }
    }

    /** A repository's score and grade, and why it is lower than its crates' mean, if it is. */
    public record RepositoryScore(int score, Grade grade, Optional<String> heldBecause) {
    }
}
