package dev.rustlens.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CsvCellsTest {

    @Test
    void formulasAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvCells.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", CsvCells.cell("+1"));
        assertEquals("'-2", CsvCells.cell("-2"));
        assertEquals("'@SUM(A1)", CsvCells.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("\"'\rx\"", CsvCells.cell("\rx"));
        assertEquals("src/lib.rs", CsvCells.cell("src/lib.rs"));
    }

    @Test
    void cellsFollowRfc4180() {
        assertEquals("\"a, b\"", CsvCells.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.cell("two\nlines"));
        assertEquals("", CsvCells.cell(null));
        assertEquals("a,\"b,c\",\r\n", CsvCells.row("a", "b,c", ""));
    }
}
