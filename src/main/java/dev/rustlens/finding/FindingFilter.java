package dev.rustlens.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which findings of a scan to list or export: by crate, check, severity, tracking, path prefix
 * and test code. Builds the SQL conditions with their parameters; bad values are refused with
 * {@link IllegalArgumentException}.
 */
public record FindingFilter(String crate, String check, String severity, String tracking, String path, Boolean inTest) {

    private static final Set<String> SEVERITIES = Set.of("INFO", "MINOR", "MAJOR", "CRITICAL", "BLOCKER");
    private static final Set<String> TRACKING = Set.of("new", "unchanged");

    public FindingFilter {
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + SEVERITIES);
        }
        if (tracking != null && !TRACKING.contains(tracking)) {
            throw new IllegalArgumentException("tracking must be new or unchanged");
        }
    }

    /** The SQL condition on {@code f} (finding) and {@code c} (crate) and its parameters, in order. */
    public record Sql(String where, List<Object> parameters) {
    }

    /** The condition selecting this filter's findings of one scan. */
    public Sql sql(long scanId) {
        StringBuilder where = new StringBuilder("f.scan_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(scanId));
        condition(where, parameters, "c.name = ?", crate);
        condition(where, parameters, "f.check_id = ?", check);
        condition(where, parameters, "f.severity = ?", severity);
        condition(where, parameters, "f.tracking = ?", tracking);
        if (path != null && !path.isEmpty()) {
            where.append(" and starts_with(f.path, ?)");
            parameters.add(path);
        }
        condition(where, parameters, "f.in_test_code = ?", inTest);
        return new Sql(where.toString(), parameters);
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null && !"".equals(value)) {
            where.append(" and ").append(sql);
            parameters.add(value);
        }
    }
}
