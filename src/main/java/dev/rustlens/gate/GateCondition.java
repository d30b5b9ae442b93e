package dev.rustlens.gate;

import dev.rustlens.analysis.diagnostics.ImportedLints;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scoring.Grade;
import dev.rustlens.text.Echo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One condition of a quality gate. Types: {@code no_new_findings} of a {@code check};
 * {@code max_new_findings} of a {@code severity} (at most {@code max}); {@code min_grade};
 * {@code doc_coverage_not_lower} than at the baseline; {@code no_open_benchmark_regressions};
 * {@code new_code_coverage} of at least {@code percent} (lines added or changed since the
 * baseline that the imported coverage report shows run, docs/coverage.md);
 * {@code no_vulnerable_dependencies} (no locked version with a RustSec vulnerability advisory: all of
 * them on the main branch, the new ones in a pull request's gate); {@code no_new_unsound_dependencies};
 * {@code no_new_unsafe_dependencies} (no package locked now and not at the baseline whose code uses
 * unsafe, docs/supply-chain.md).
 */
public record GateCondition(String type, String check, String severity, Integer max, String grade, Double percent) {

    /** The condition types, in the order forms offer them. */
    public static final List<String> TYPES = List.of("no_new_findings", "max_new_findings", "min_grade",
            "doc_coverage_not_lower", "no_open_benchmark_regressions", "new_code_coverage", "no_vulnerable_dependencies",
            "no_new_unsound_dependencies", "no_new_unsafe_dependencies");

    static final Set<String> SEVERITIES = Set.of("INFO", "MINOR", "MAJOR", "CRITICAL", "BLOCKER");

    /** The gate of a repository that has not set its own. */
    public static final List<GateCondition> DEFAULTS = List.of(
            new GateCondition("no_new_findings", "undocumented_unsafe_block", null, null, null, null),
            new GateCondition("no_new_findings", "unsafe_outside_core", null, null, null, null),
            new GateCondition("max_new_findings", null, "CRITICAL", 0, null, null),
            new GateCondition("min_grade", null, null, null, "C", null),
            new GateCondition("no_open_benchmark_regressions", null, null, null, null, null));

    /**
     * Throws {@link BadRequest} saying what is wrong; {@code checks} are the known check ids, and
     * imported lints ({@code clippy::…}, {@code rustc::…}) are accepted too.
     */
    public void validate(Set<String> checks) {
        switch (type == null ? "" : type) {
            case "no_new_findings" -> {
                if (check == null || !checks.contains(check) && !ImportedLints.isLintId(check)) {
                    throw new BadRequest("no_new_findings needs \"check\": one of the check ids (see /checks)"
                            + " or an imported lint such as clippy::needless_return, not "
                            + (check == null ? "nothing" : "'" + check + "'"));
                }
            }
            case "max_new_findings" -> {
                if (severity == null || !SEVERITIES.contains(severity) || max == null || max < 0) {
                    throw new BadRequest("max_new_findings needs \"severity\" (one of " + SEVERITIES
                            + ") and \"max\" >= 0");
                }
            }
            case "min_grade" -> {
                try {
                    Grade.valueOf(grade == null ? "" : grade);
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("min_grade needs \"grade\": A, B, C, D or E");
                }
            }
            case "new_code_coverage" -> {
                if (percent == null || percent.isNaN() || percent < 0 || percent > 100) {
                    throw new BadRequest("new_code_coverage needs \"percent\": the least share of new lines the tests"
                            + " must run, 0 to 100");
                }
            }
            case "doc_coverage_not_lower", "no_open_benchmark_regressions", "no_vulnerable_dependencies",
                    "no_new_unsound_dependencies", "no_new_unsafe_dependencies" -> {
                // nothing to configure
            }
            default -> throw new BadRequest("unknown condition type " + Echo.quoted(type) + ": use no_new_findings,"
                    + " max_new_findings, min_grade, doc_coverage_not_lower, no_open_benchmark_regressions,"
                    + " new_code_coverage, no_vulnerable_dependencies, no_new_unsound_dependencies or"
                    + " no_new_unsafe_dependencies");
        }
    }

    /** Whether the condition counts new findings only, as a pull request's gate does by default. */
    boolean judgesNewCode() {
        return type.equals("no_new_findings") || type.equals("max_new_findings")
                || type.equals("no_new_unsound_dependencies") || type.equals("no_new_unsafe_dependencies");
    }

    /** How a scan fares on one condition: whether it holds, its actual value and its threshold, in words. */
    public record Measured(boolean passed, String actual, String expected) {
    }

    /**
     * A new-code condition ({@code no_new_findings}, {@code max_new_findings}) on the new findings
     * counted by check and by severity.
     */
    public Measured onNewCode(Map<String, Long> byCheck, Map<String, Long> bySeverity) {
        if (type.equals("no_new_findings")) {
            long count = byCheck.getOrDefault(check, 0L);
            return new Measured(count == 0, Long.toString(count), "0");
        }
        long count = bySeverity.getOrDefault(severity, 0L);
        return new Measured(count <= max, Long.toString(count), "<= " + max);
    }

    /** {@code min_grade} on a scan's grade; a scan without one does not pass. */
    public Measured onGrade(String scanGrade) {
        return new Measured(scanGrade != null && Grade.valueOf(scanGrade).atLeast(Grade.valueOf(grade)),
                String.valueOf(scanGrade), grade + " or better");
    }

    /** {@code doc_coverage_not_lower}, in percent, against the baseline's. */
    public Measured onDocCoverage(double now, double before) {
        return new Measured(now + 1e-9 >= before, percent(now), ">= " + percent(before));
    }

    /** {@code no_open_benchmark_regressions} on the repository's open alerts. */
    public Measured onOpenAlerts(long open) {
        return new Measured(open == 0, Long.toString(open), "0");
    }

    /**
     * {@code new_code_coverage} on the new lines with coverage data and those run; new code with
     * no line to run (only docs or declarations changed) passes.
     */
    public Measured onNewCodeCoverage(long newLines, long newLinesRun) {
        if (newLines == 0) {
            return new Measured(true, "no new line with coverage data", ">= " + percent(percent));
        }
        double share = 100.0 * newLinesRun / newLines;
        return new Measured(share + 1e-9 >= percent, percent(share) + " (" + newLinesRun + " of " + newLines + " lines)",
                ">= " + percent(percent));
    }

    /**
     * {@code no_vulnerable_dependencies} and {@code no_new_unsound_dependencies} on the locked
     * versions that the advisories affect (each named), {@code what} saying which ones were counted.
     */
    public Measured onAdvisedDependencies(List<String> advised, String what) {
        return new Measured(advised.isEmpty(), advised.isEmpty() ? "0 " + what
                : advised.size() + " " + what + ": " + String.join(", ", advised), "0");
    }

    /**
     * {@code no_new_unsafe_dependencies} on the packages locked now and not at the baseline: those
     * whose code uses unsafe, and those not analysed (no source, or still running), which pass.
     */
    public Measured onNewUnsafeDependencies(List<String> usingUnsafe, List<String> notAnalysed) {
        String unknown = notAnalysed.isEmpty() ? "" : "; " + notAnalysed.size() + " new not analysed: "
                + String.join(", ", notAnalysed);
        return new Measured(usingUnsafe.isEmpty(), (usingUnsafe.isEmpty() ? "0" : usingUnsafe.size() + ": "
                + String.join(", ", usingUnsafe)) + unknown, "0");
    }

    /** A doc coverage as pages and CI logs show it. */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** The condition in words, for pages and CI logs. */
    public String describe() {
        return switch (type) {
            case "no_new_findings" -> "no new " + check + " findings";
            case "max_new_findings" -> "at most " + max + " new " + severity + " findings";
            case "min_grade" -> "grade " + grade + " or better";
            case "no_open_benchmark_regressions" -> "no open benchmark regression alert";
            case "new_code_coverage" -> "coverage on new code at least " + percent(percent);
            case "no_vulnerable_dependencies" -> "no dependency with a vulnerability advisory";
            case "no_new_unsound_dependencies" -> "no new dependency with an unsound advisory";
            case "no_new_unsafe_dependencies" -> "no new dependency whose code uses unsafe";
            default -> "doc coverage not lower than at the baseline";
        };
    }
}
