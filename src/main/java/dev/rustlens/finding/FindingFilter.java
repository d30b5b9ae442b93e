package dev.rustlens.finding;

import dev.rustlens.analysis.check.Severity;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.TriageInForce;
import java.util.ArrayList;
import java.util.List;

/**
 * Which findings of a scan to list or export: by crate, check, severity, tracking, path prefix,
 * test code, and whether they count against the score. Builds the SQL conditions with their
 * parameters; bad values are refused with {@link BadRequest}.
 */
public record FindingFilter(String crate, String check, String severity, String tracking, String path, Boolean inTest,
        Boolean counted) {

    /**
     * Whether finding {@code f} (or a row of the stored counts, {@code finding_count f}) would count
     * against the score unless triaged: {@link #COUNTS} without its triage condition.
     */
    public static final String COUNTS_UNLESS_TRIAGED = "(" + DiagnosticImports.OWN
            + " and f.suppression = 'NONE' and not f.in_test_code)";

    /**
     * Whether finding {@code f} of crate {@code c} counts against the score: one of our own checks'
     * (not an imported lint), not suppressed in the code, not in test code, and not triaged
     * (docs/scoring.md).
     */
    public static final String COUNTS = "(" + COUNTS_UNLESS_TRIAGED + " and not exists (select 1 from"
            + " finding_triage t where t.repository_id = c.repository_id and t.fingerprint = f.fingerprint"
            + " and " + TriageInForce.of("t") + "))";

    /** What {@code tracking} takes: a finding new since the previous scan of the branch, or one it had too. */
    public static final List<String> TRACKING = List.of("new", "unchanged");

    public FindingFilter {
        Severity parsed = Choices.parse("severity", severity, Severity.class);
        severity = parsed == null ? null : parsed.name();
        tracking = Choices.parse("tracking", tracking, TRACKING);
    }

    /** The SQL condition on {@code f} (finding) and {@code c} (crate) and its parameters, in order. */
    public record Sql(String where, List<Object> parameters) {
    }

    /** The condition selecting this filter's findings of one scan. */
    public Sql sql(long scanId) {
        return sql("?", new ArrayList<>(List.of(scanId)));
    }

    /**
     * The condition selecting this filter's findings of the scan that the SQL expression
     * {@code scan} names (a column of an enclosing query, e.g. one scan per repository).
     */
    public Sql sql(String scan) {
        return sql(scan, new ArrayList<>());
    }

    /**
     * The conditions of this filter that the stored counts ({@code finding_count f} of crate
     * {@code c}) can answer, after {@code true and}: all but the path prefix and whether findings
     * count against the score, whose triage marks the counts do not know.
     */
    public Sql storedCountConditions() {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        storedCountConditions(where, parameters);
        return new Sql(where.toString(), parameters);
    }

    /**
     * Whether the stored counts (less the findings that triage marks take out) give this filter's
     * total: no path prefix.
     */
    public boolean countable() {
        return path == null || path.isEmpty();
    }

    private Sql sql(String scan, List<Object> parameters) {
        StringBuilder where = new StringBuilder("f.scan_id = ").append(scan);
        storedCountConditions(where, parameters);
        if (!countable()) {
            where.append(" and starts_with(f.path, ?)");
            parameters.add(path);
        }
        if (counted != null) {
            where.append(counted ? " and " : " and not ").append(COUNTS);
        }
        return new Sql(where.toString(), parameters);
    }

    private void storedCountConditions(StringBuilder where, List<Object> parameters) {
        condition(where, parameters, "c.name = ?", crate);
        condition(where, parameters, "f.check_id = ?", check);
        condition(where, parameters, "f.severity = ?", severity);
        condition(where, parameters, "f.tracking = ?", tracking);
        condition(where, parameters, "f.in_test_code = ?", inTest);
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null && !"".equals(value)) {
            where.append(" and ").append(sql);
            parameters.add(value);
        }
    }
}
