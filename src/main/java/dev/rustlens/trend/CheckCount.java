package dev.rustlens.trend;

import dev.rustlens.database.Columns;
import jakarta.persistence.Tuple;

/** Findings of one check and severity in a scan, or in one crate of it. */
public record CheckCount(String checkId, String severity, long count) {

    /** A row with the columns check_id, severity and findings. */
    static CheckCount of(Tuple row) {
        return new CheckCount(row.get("check_id", String.class), row.get("severity", String.class),
                Columns.longOf(row, "findings"));
    }
}
