package dev.rustlens.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The safety score formula, all of it: 100 points less a named deduction per rule below, each
 * capped. Finding densities are per 1,000 lines of non-test code (at least {@value #MIN_DENSITY_LINES}
 * lines, so that one finding in a ten-line crate does not sink it). docs/scoring.md explains it
 * with a worked example; change {@link #VERSION} with any change here, so stored scores are recomputed.
 */
public final class ScoreFormula {

    /** The version of the rules below; stored with every score. */
    public static final int VERSION = 1;
    /** The smallest density base, in lines. */
    public static final int MIN_DENSITY_LINES = 500;

    /** How a rule turns metrics and findings into points. */
    sealed interface Measure {
    }

    /** Points per finding per 1,000 lines, each check with its own weight. */
    record Density(Map<String, Double> weights) implements Measure {
    }

    /** Fixed points when the check found something. */
    record Present(String checkId, double points) implements Measure {
    }

    /** Points times the share of {@code total} that is not {@code part} (e.g. undocumented items). */
    record Shortfall(String part, String total, double points) implements Measure {
    }

    /** Fixed points when {@code metric} is zero while {@code whenPositive} is not. */
    record Missing(String metric, String whenPositive, double points) implements Measure {
    }

    /** One named deduction of the score. */
    record Rule(String id, String title, Measure measure, double cap, String cause) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("undocumented_unsafe", "Undocumented unsafe blocks and impls",
                    new Density(Map.of("undocumented_unsafe_block", 10.0, "undocumented_unsafe_impl", 10.0)), 25,
                    "unsafe blocks and unsafe impls without a // SAFETY: comment"),
            new Rule("unsafe_outside_core", "Unsafe code outside the core modules",
                    new Density(Map.of("unsafe_outside_core", 5.0)), 15,
                    "unsafe code outside the modules declared as core"),
            new Rule("missing_safety_doc", "Unsafe API without # Safety docs",
                    new Density(Map.of("missing_safety_doc", 5.0)), 10,
                    "public unsafe fns and traits without a # Safety section"),
            new Rule("memory_hazards", "Leaks, transmutes and shared mutable state",
                    new Density(Map.of("static_mut", 4.0, "transmute", 4.0, "mem_forget", 4.0, "box_leak", 4.0,
                            "unsafe_impl_send_sync", 4.0)), 15,
                    "static mut, mem::transmute, mem::forget, Box::leak and unjustified unsafe impl Send/Sync"),
            new Rule("miri_missing", "Unsafe code not run under Miri", new Present("miri_missing_in_ci", 8), 8,
                    "the crate has unsafe code and CI never runs cargo miri"),
            new Rule("forbid_unsafe_missing", "Safe crate does not forbid unsafe",
                    new Present("forbid_unsafe_missing", 4), 4,
                    "no unsafe code, but no #![forbid(unsafe_code)] to keep it that way"),
            new Rule("panics", "Panics in library code",
                    new Density(Map.of("panic_in_library", 2.0, "unwrap_used", 1.0, "expect_used", 0.5)), 15,
                    "panic!/todo!/unimplemented!/unreachable!, unwrap() and expect() outside tests"),
            new Rule("doc_coverage", "Undocumented public API",
                    new Shortfall("documented_public_items", "public_items", 15), 15,
                    "the share of public items without a doc comment"),
            new Rule("doc_examples", "Public fns without examples",
                    new Shortfall("public_fns_with_example", "public_fns", 5), 5,
                    "the share of public fns whose docs have no code example"),
            new Rule("crate_docs", "No crate documentation", new Present("missing_crate_docs", 2), 2,
                    "the crate root has no //! documentation"),
            new Rule("no_tests", "No tests", new Present("no_tests", 12), 12,
                    "the crate has no #[test] fns, integration tests or doctests"),
            new Rule("no_doctests", "No doctests", new Missing("doctests", "public_fns", 3), 3,
                    "public fns, but no documentation example that rustdoc runs as a test"),
            new Rule("pedantic_disabled", "clippy::pedantic not enabled",
                    new Present("clippy_pedantic_disabled", 3), 3,
                    "clippy::pedantic is not warned or denied in the crate or its [lints]"),
            new Rule("allows_without_reason", "Lint allows without a reason",
                    new Density(Map.of("allow_without_reason", 1.0)), 5,
                    "#[allow]/#[expect] attributes that give no reason"),
            new Rule("cargo_lock_missing", "Cargo.lock not committed", new Present("cargo_lock_missing", 3), 3,
                    "no parseable Cargo.lock, so builds are not reproducible"),
            new Rule("other_hazards", "Blocking in async, anyhow in a library API",
                    new Density(Map.of("blocking_in_async", 1.0, "anyhow_in_library_api", 1.0)), 5,
                    "blocking calls in async code and anyhow types in public signatures"));

    private ScoreFormula() {
    }

    /** Scores one crate snapshot from its metrics (by metric key) and its findings. */
    public static SafetyScore score(Map<String, Long> metrics, List<ScoredFinding> findings) {
        double kloc = Math.max(metrics.getOrDefault("library_code_lines", 0L), MIN_DENSITY_LINES) / 1000.0;
        List<ScoredFinding> counted = findings.stream().filter(ScoredFinding::counts).toList();
        List<Deduction> deductions = new ArrayList<>();
        double total = 0;
        for (Rule rule : RULES) {
            List<String> behind = new ArrayList<>();
            double points = switch (rule.measure()) {
                case Density density -> {
                    double sum = 0;
                    for (ScoredFinding finding : counted) {
                        Double weight = density.weights().get(finding.checkId());
                        if (weight != null) {
                            sum += weight;
                            behind.add(finding.fingerprint());
                        }
                    }
                    yield sum / kloc;
                }
                case Present present -> {
                    counted.stream().filter(f -> f.checkId().equals(present.checkId()))
                            .forEach(f -> behind.add(f.fingerprint()));
                    yield behind.isEmpty() ? 0 : present.points();
                }
                case Shortfall shortfall -> {
                    long whole = metrics.getOrDefault(shortfall.total(), 0L);
                    long part = Math.min(whole, metrics.getOrDefault(shortfall.part(), 0L));
                    yield whole == 0 ? 0 : shortfall.points() * (whole - part) / whole;
                }
                case Missing missing -> metrics.getOrDefault(missing.metric(), 0L) == 0
                        && metrics.getOrDefault(missing.whenPositive(), 0L) > 0 ? missing.points() : 0;
            };
            double capped = round(Math.min(points, rule.cap()));
            if (capped > 0) {
                deductions.add(new Deduction(rule.id(), rule.title(), capped, rule.cap(), rule.cause(), List.copyOf(behind)));
                total += capped;
            }
        }
        int score = (int) Math.max(0, Math.min(100, Math.round(100 - total)));
        return new SafetyScore(score, Grade.of(score), VERSION, List.copyOf(deductions));
    }

    /**
     * A repository's score: its crates' scores weighted by their non-test code lines (each crate
     * weighs at least one line, so crates of tests only still count).
     */
    public static int aggregate(List<WeightedScore> crates) {
        long weight = 0;
        double sum = 0;
        for (WeightedScore crate : crates) {
            long lines = Math.max(1, crate.lines());
            weight += lines;
            sum += (double) crate.score() * lines;
        }
        return weight == 0 ? 100 : (int) Math.round(sum / weight);
    }

    /** A crate's score and its weight in the repository's. */
    public record WeightedScore(int score, long lines) {
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }
}
