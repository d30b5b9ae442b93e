package dev.rustlens.finding;

/**
 * The findings CSV: one record per finding, the same columns from the server's export and from
 * the command-line scanner (RFC 4180, formulas neutralised by {@link CsvCells}).
 */
public final class FindingCsv {

    /** The header record. */
    public static final String HEADER = CsvCells.row("id", "crate", "check", "severity", "path", "line", "column",
            "end_line", "end_column", "message", "in_test_code", "suppression", "fingerprint", "tracking", "rating",
            "rating_points_if_fixed", "score_points_if_fixed", "triage_status", "triage_reason", "triage_marked_by",
            "triage_marked_at", "triage_expires_at", "triage_active", "also_reported_by");

    private FindingCsv() {
    }

    /** One finding's record. */
    public static String row(FindingRow row) {
        FindingRow.Triage triage = row.triage();
        return CsvCells.row(Long.toString(row.id()), row.crate(), row.checkId(), row.severity(),
                row.path(), Integer.toString(row.line()), Integer.toString(row.column()),
                Integer.toString(row.endLine()), Integer.toString(row.endColumn()), row.message(),
                Boolean.toString(row.inTestCode()), row.suppression(), row.fingerprint(), row.tracking(),
                row.worth() == null ? "" : row.worth().rating().name(),
                row.worth() == null ? "" : Double.toString(row.worth().ratingPoints()),
                row.worth() == null ? "" : Double.toString(row.worth().scorePoints()),
                triage == null ? "" : triage.status(), triage == null ? "" : triage.reason(),
                triage == null ? "" : triage.markedBy(), triage == null ? "" : triage.markedAt().toString(),
                triage == null || triage.expiresAt() == null ? "" : triage.expiresAt().toString(),
                triage == null ? "" : Boolean.toString(triage.active()), String.join(" ", row.alsoReportedBy()));
    }
}
