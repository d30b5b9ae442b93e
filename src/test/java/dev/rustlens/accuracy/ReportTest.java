package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ReportTest {

    private static CrateComparison crate(String name, Tally unsafeBlocks, Tally unwraps) {
        return new CrateComparison(name, Map.of("undocumented_unsafe_block", unsafeBlocks, "unwrap_used", unwraps), List.of(),
                Map.of(), Map.of(), List.of(), Map.of());
    }

    @Test
    void theCheckTableSumsTheCratesAndAddsAnOverallRow() {
        Report report = new Report(List.of(crate("a-1", new Tally(8, 1, 1), new Tally(3, 0, 0)),
                crate("b-2", new Tally(10, 1, 3), Tally.ZERO)), List.of(), Map.of());
        assertEquals(Map.of("undocumented_unsafe_block", new Tally(18, 2, 4), "unwrap_used", new Tally(3, 0, 0)), report.totals());
        String table = report.checkTable();
        assertTrue(table.contains("| `undocumented_unsafe_block` | clippy::undocumented_unsafe_blocks (blocks) | all targets | 18 | 2 | 4 | 0.90 | 0.82 |\n"),
                table);
        assertTrue(table.contains("| `unwrap_used` | clippy::unwrap_used | `--lib` | 3 | 0 | 0 | 1.00 | 1.00 |\n"), table);
        assertTrue(table.endsWith("| **overall** |  |  | 21 | 2 | 4 | 0.91 | 0.84 |\n"), table);
    }

    @Test
    void theCrateTablePoolsTheChecks() {
        Report report = new Report(List.of(crate("a-1", new Tally(8, 1, 1), new Tally(3, 0, 0))), List.of(), Map.of());
        assertTrue(report.crateTable().endsWith("| a-1 | 11 | 1 | 1 | 0.92 | 0.92 |\n"), report.crateTable());
    }
}
