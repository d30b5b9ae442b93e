package dev.rustlens.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** What a scan prints: a summary table per crate, then the gate's verdict condition by condition. */
final class ConsoleOutput {

    /** The columns after the crate's name. */
    private static final String COLUMNS = " %5s %5s %7s %5s %7s %5s %7s %8s %5s %5s %4s%n";

    private ConsoleOutput() {
    }

    /** One row per crate (grade, score, unsafe code, findings by severity), then the repository's line. */
    static void summary(ScanReport report, PrintStream out) {
        int width = Math.max(5, report.crates().stream().mapToInt(crate -> crate.name().length()).max().orElse(0));
        String row = "%-" + width + "s" + COLUMNS;
        out.printf(Locale.ROOT, row, "crate", "grade", "score", "unsafe", "fns", "methods", "impls", "blocker",
                "critical", "major", "minor", "info");
        for (ScanReport.CrateSummary crate : report.crates()) {
            Map<String, Long> severity = crate.findingsBySeverity();
            out.printf(Locale.ROOT, row, crate.name(), crate.grade(), crate.score(), crate.unsafeBlocks(),
                    crate.unsafeFunctions(), crate.unsafeMethods(), crate.unsafeImpls(), severity.get("BLOCKER"),
                    severity.get("CRITICAL"), severity.get("MAJOR"), severity.get("MINOR"), severity.get("INFO"));
        }
        out.printf(Locale.ROOT, "repository: grade %s, score %d; %d crates, %d files, %d findings%s%n", report.grade(),
                report.score(), report.crates().size(), report.files(), report.findings().size(),
                report.scoreHeldBecause() == null ? "" : " (" + report.scoreHeldBecause() + ")");
        report.problems().forEach(problem -> out.println("left out: " + problem));
    }

    /** Each condition with its outcome, actual value and threshold, then the verdict. */
    static void verdict(LocalGate.Verdict verdict, String source, PrintStream out) {
        out.println("gate (" + source + "); " + verdict.newCode() + ":");
        long failed = 0;
        long notJudged = 0;
        for (LocalGate.Judged judged : verdict.conditions()) {
            String mark = switch (judged.outcome()) {
                case PASSED -> "pass";
                case FAILED -> "FAIL";
                case NOT_JUDGED -> "----";
            };
            failed += judged.outcome() == LocalGate.Outcome.FAILED ? 1 : 0;
            notJudged += judged.outcome() == LocalGate.Outcome.NOT_JUDGED ? 1 : 0;
            String threshold = judged.outcome() == LocalGate.Outcome.NOT_JUDGED ? judged.expected()
                    : "expected " + judged.expected();
            out.printf(Locale.ROOT, "  %s  %s: %s (%s)%n", mark, judged.condition().describe(), judged.actual(), threshold);
        }
        out.printf(Locale.ROOT, "gate %s: %d of %d conditions failed, %d not judged here%n",
                verdict.passed() ? "passed" : "FAILED", failed, verdict.conditions().size(), notJudged);
    }
}
