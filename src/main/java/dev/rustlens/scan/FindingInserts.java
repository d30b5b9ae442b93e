package dev.rustlens.scan;

import dev.rustlens.analysis.check.Finding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** The batched insert of a crate's findings, for a scan's own and for imported diagnostics alike. */
final class FindingInserts {

    private FindingInserts() {
    }

    /** Inserts a crate's findings with their fingerprints, each new or unchanged against the previous scan. */
    static void insert(Connection connection, long scanId, long snapshotId, List<Finding> findings,
            List<String> fingerprints, Set<String> previousFingerprints) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line,
                    end_col, message, in_test_code, suppression, fingerprint, tracking)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                insert.setLong(1, scanId);
                insert.setLong(2, snapshotId);
                insert.setString(3, finding.checkId());
                insert.setString(4, finding.severity().name());
                insert.setString(5, finding.path());
                insert.setInt(6, finding.line());
                insert.setInt(7, finding.column());
                insert.setInt(8, finding.endLine());
                insert.setInt(9, finding.endColumn());
                insert.setString(10, finding.message());
                insert.setBoolean(11, finding.inTestCode());
                insert.setString(12, finding.suppression().name());
                insert.setString(13, fingerprints.get(i));
                insert.setString(14, previousFingerprints.contains(fingerprints.get(i)) ? "unchanged" : "new");
                addBatch(insert, i);
            }
            insert.executeBatch();
        }
    }

    /** Adds a row, sending the batch every thousand rows to bound the driver's memory. */
    static void addBatch(PreparedStatement insert, int index) throws SQLException {
        insert.addBatch();
        if ((index + 1) % 1000 == 0) {
            insert.executeBatch();
        }
    }
}
