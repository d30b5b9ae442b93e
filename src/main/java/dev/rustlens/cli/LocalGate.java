package dev.rustlens.cli;

import dev.rustlens.finding.FindingRow;
import dev.rustlens.gate.GateCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A quality gate judged on a scan made here, as the server judges it on a stored scan, with what
 * only the server knows left unjudged: benchmark alerts, triage marks, and a baseline scan when
 * no baseline report is given.
 */
final class LocalGate {

    private LocalGate() {
    }

    /** How a condition fared. */
    enum Outcome {
        PASSED, FAILED, NOT_JUDGED
    }

    /**
     * One condition, its outcome, its actual value and its threshold, or for a condition not judged
     * here why not.
     */
    record Judged(GateCondition condition, Outcome outcome, String actual, String expected) {
    }

    /**
     * The gate's verdict.
     *
     * @param newCode what the new-code conditions counted as new, in words
     */
    record Verdict(List<Judged> conditions, String newCode) {

        /** Passed when no condition failed; conditions not judged here neither pass nor fail it. */
        boolean passed() {
            return conditions.stream().noneMatch(judged -> judged.outcome() == Outcome.FAILED);
        }
    }

    /** Judges {@code conditions} on {@code report}, whose findings are tracked against {@code baseline} if given. */
    static Verdict judge(List<GateCondition> conditions, ScanReport report, Optional<ScanReport.Baseline> baseline) {
        // As the server's new code: not suppressed, not in test code, not in the baseline.
        List<FindingRow> newFindings = report.findings().stream().filter(finding -> "NONE".equals(finding.suppression())
                && !finding.inTestCode() && "new".equals(finding.tracking())).toList();
        Map<String, Long> byCheck = newFindings.stream()
                .collect(Collectors.groupingBy(FindingRow::checkId, Collectors.counting()));
        Map<String, Long> bySeverity = newFindings.stream()
                .collect(Collectors.groupingBy(FindingRow::severity, Collectors.counting()));
        List<Judged> judged = new ArrayList<>();
        for (GateCondition condition : conditions) {
            judged.add(switch (condition.type()) {
                case "no_new_findings", "max_new_findings" -> judged(condition, condition.onNewCode(byCheck, bySeverity));
                case "min_grade" -> judged(condition, condition.onGrade(report.grade()));
                case "doc_coverage_not_lower" -> baseline
                        .map(before -> judged(condition, condition.onDocCoverage(report.docCoverage(), before.docCoverage())))
                        .orElseGet(() -> new Judged(condition, Outcome.NOT_JUDGED, GateCondition.percent(report.docCoverage()),
                                "not judged here without --baseline"));
                default -> new Judged(condition, Outcome.NOT_JUDGED, "not judged here",
                        "benchmark alerts are on the server");
            });
        }
        String newCode = baseline.map(before -> "new findings: not in the baseline " + before.source() + " ("
                + before.fingerprints().size() + " findings)")
                .orElse("new findings: every finding (no --baseline), outside test code and not suppressed");
        return new Verdict(judged, newCode + ", " + newFindings.size() + " in all");
    }

    /** A condition judged here as the server judges it. */
    private static Judged judged(GateCondition condition, GateCondition.Measured measured) {
        return new Judged(condition, measured.passed() ? Outcome.PASSED : Outcome.FAILED, measured.actual(),
                measured.expected());
    }
}
