package dev.rustlens.scan;

import dev.rustlens.analysis.check.Finding;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The insert of a crate's findings, for a scan's own and for imported diagnostics alike, by
 * {@code COPY}: a corpus scan stores 145,000 findings, and as batched inserts the driver's binding
 * and PostgreSQL's parsing of each row cost more than the rows' index entries.
 */
final class FindingInserts {

    private static final String COPY = """
            copy finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col,
                message, in_test_code, suppression, fingerprint, tracking) from stdin""";
    /** Rows are sent in chunks of about this many chars, to bound the memory a large crate takes. */
    private static final int CHUNK = 1 << 16;

    private FindingInserts() {
    }

    /** Inserts a crate's findings with their fingerprints, each new or unchanged against the previous scan. */
    static void insert(Connection connection, long scanId, long snapshotId, List<Finding> findings,
            List<String> fingerprints, Set<String> previousFingerprints) throws SQLException {
        if (findings.isEmpty()) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder rows = new StringBuilder(CHUNK + 1024);
            String scan = Long.toString(scanId);
            String snapshot = Long.toString(snapshotId);
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                String fingerprint = fingerprints.get(i);
                rows.append(scan).append('\t').append(snapshot).append('\t');
                field(rows, finding.checkId());
                field(rows, finding.severity().name());
                field(rows, finding.path());
                rows.append(finding.line()).append('\t').append(finding.column()).append('\t')
                        .append(finding.endLine()).append('\t').append(finding.endColumn()).append('\t');
                field(rows, finding.message());
                rows.append(finding.inTestCode() ? 't' : 'f').append('\t');
                field(rows, finding.suppression().name());
                field(rows, fingerprint);
                rows.append(tracking(fingerprint, previousFingerprints)).append('\n');
                if (rows.length() >= CHUNK) {
                    send(copy, rows);
                }
            }
            send(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** How a finding is tracked against the previous scan's fingerprints: {@code new} or {@code unchanged}. */
    static String tracking(String fingerprint, Set<String> previousFingerprints) {
        return previousFingerprints.contains(fingerprint) ? "unchanged" : "new";
    }

    /** A text column in COPY's text format, then the column separator. */
    private static void field(StringBuilder rows, String value) {
        if (!needsEscapes(value)) {
            rows.append(value).append('\t');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        rows.append('\t');
    }

    private static boolean needsEscapes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    /** Adds a row, sending the batch every thousand rows to bound the driver's memory. */
    static void addBatch(PreparedStatement insert, int index) throws SQLException {
        insert.addBatch();
        if ((index + 1) % 1000 == 0) {
            insert.executeBatch();
        }
    }
}
