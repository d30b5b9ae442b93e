package dev.rustlens.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.scan.TriageInForce;
import dev.rustlens.scoring.FixRanking;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One finding as the findings views and exports read it: the row shape, the columns that select
 * it and the statement helper they share.
 *
 * @param worth what fixing it adds to its rating and to the crate's score; null when it does not
 *     count against the score (suppressed, in test code, triaged) or moves nothing
 * @param triage the repository's triage mark on its fingerprint, lapsed or not; null when unmarked
 * @param alsoReportedBy the imported lints that reported the same site (docs/diagnostics.md), empty for most
 */
public record FindingRow(long id, String crate, String checkId, String severity, String path, int line, int column,
        int endLine, int endColumn, String message, boolean inTestCode, String suppression, String fingerprint,
        String tracking, FixRanking.Worth worth, Triage triage, List<String> alsoReportedBy) {

    /**
     * A triage mark as the views and exports show it.
     *
     * @param status {@code accepted} or {@code false_positive}
     * @param active whether it still takes the finding out of the score and the gate (not expired)
     */
    public record Triage(String status, String reason, String markedBy, OffsetDateTime markedAt,
            OffsetDateTime expiresAt, boolean active) {
    }

    /** Joins the crate snapshot {@code s} and the crate {@code c} of row {@code f} (a finding or a count of findings). */
    public static final String CRATE_OF_F = " join crate_snapshot s on s.id = f.crate_snapshot_id"
            + " join crate c on c.id = s.crate_id";

    /**
     * The findings joined only to what a filter ({@link FindingFilter}) reads, their crate: a page
     * is chosen from these alone and then given its {@link #columns} ({@link #ofPage}). Chosen with
     * the columns' joins, the planner joined every finding of a scan to the viewed scan's snapshots
     * and the triage marks before sorting them (a scan of 145,000 findings: 340 ms a page, 0.3 ms
     * walking the scan's findings in the page's order).
     */
    public static final String MATCHING = " from finding f" + CRATE_OF_F;

    private static final ObjectMapper WORTH = new ObjectMapper();

    /**
     * The {@link #columns} of a page of the findings that {@code where} keeps among {@link #MATCHING},
     * in {@code order} (over finding {@code f}'s columns), the page being {@code window} (its limit,
     * and offset if any): the page's ids are chosen first, then each finding is read by its id.
     * {@code offset 0} keeps PostgreSQL from flattening the lateral read into one join, which it
     * planned from the viewed scan's snapshots again.
     */
    public static String ofPage(String viewedScan, String where, String order, String window) {
        return "select f.* from (select f.id" + MATCHING + " where " + where + " order by " + order + " " + window
                + ") page cross join lateral (select " + columns(viewedScan) + " where f.id = page.id offset 0) f"
                + " order by " + order;
    }

    /**
     * The columns that {@link #of} reads, from finding {@code f} joined to its crate {@code c}:
     * what fixing the finding is worth, when it counts against the score, and its triage mark. The
     * worth is that of the crate's snapshot in the scan that the SQL expression {@code viewedScan}
     * names, the scan whose findings are shown: a scan that shares another's finding rows (an
     * unchanged rescan) has snapshots and scores of its own.
     */
    public static String columns(String viewedScan) {
        return "f.id, c.name as crate, f.check_id, f.severity, f.path, f.line, f.col,"
                + " f.end_line, f.end_col, f.message, f.in_test_code, f.suppression, f.fingerprint, f.tracking,"
                + " case when " + FindingFilter.COUNTS + " then w.fix_worth -> f.check_id end as worth,"
                + " triage.status as triage_status, triage.reason as triage_reason, triage.marked_by as triage_marked_by,"
                + " triage.marked_at as triage_marked_at, triage.expires_at as triage_expires_at,"
                + " " + TriageInForce.of("triage") + " as triage_active, f.also_reported_by"
                + MATCHING
                + " join crate_snapshot w on w.scan_id = " + viewedScan + " and w.crate_id = s.crate_id"
                + " left join finding_triage triage on triage.repository_id = c.repository_id"
                + " and triage.fingerprint = f.fingerprint";
    }

    /** The finding in the current row of a result set selecting {@link #COLUMNS}. */
    public static FindingRow of(ResultSet row) throws SQLException {
        return new FindingRow(row.getLong("id"), row.getString("crate"), row.getString("check_id"),
                row.getString("severity"), row.getString("path"), row.getInt("line"), row.getInt("col"),
                row.getInt("end_line"), row.getInt("end_col"), row.getString("message"),
                row.getBoolean("in_test_code"), row.getString("suppression"), row.getString("fingerprint"),
                row.getString("tracking"), worth(row.getString("worth")), triage(row), alsoReportedBy(row));
    }

    private static List<String> alsoReportedBy(ResultSet row) throws SQLException {
        Array lints = row.getArray("also_reported_by");
        return lints == null ? List.of() : List.of((String[]) lints.getArray());
    }

    private static Triage triage(ResultSet row) throws SQLException {
        String status = row.getString("triage_status");
        return status == null ? null : new Triage(status, row.getString("triage_reason"),
                row.getString("triage_marked_by"), row.getObject("triage_marked_at", OffsetDateTime.class),
                row.getObject("triage_expires_at", OffsetDateTime.class), row.getBoolean("triage_active"));
    }

    private static FixRanking.Worth worth(String json) throws SQLException {
        try {
            return json == null ? null : WORTH.readValue(json, FixRanking.Worth.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored fix worth does not read: " + e.getOriginalMessage(), e);
        }
    }

    /** A statement for {@code sql} with its {@code ?} parameters bound in order. */
    public static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
