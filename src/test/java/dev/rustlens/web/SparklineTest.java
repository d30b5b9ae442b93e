package dev.rustlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SparklineTest {

    private static final Sparkline.Scale FULL = new Sparkline.Scale(0, 100);

    @Test
    void valuesSpanTheBoxOnTheColumnsScale() {
        Sparkline line = new Sparkline("Score", List.of(0, 50, 100), FULL);
        assertTrue(line.drawable());
        assertEquals("2.0,22.0 50.0,12.0 98.0,2.0", line.points());
        assertEquals("98.0", line.lastX());
        assertEquals("2.0", line.lastY());
        assertEquals(100, line.change());
        assertEquals(100, line.current());
        assertEquals("▲100", line.changeMark());
        assertEquals("Score over the last 3 scans: from 0 to 100 (up 100), on a scale from 0 to 100 that every row"
                + " of this column shares", line.description());
    }

    @Test
    void rowsOfAColumnShareItsScale() {
        List<List<Integer>> column = List.of(List.of(34, 37), List.of(172, 311));
        Sparkline.Scale counts = Sparkline.Scale.ofCounts(column);
        assertEquals(new Sparkline.Scale(0, 311), counts);
        // A change of 3 of 311 is a small rise; 172 to 311 climbs most of the box.
        assertEquals("2.0,19.8 98.0,19.6", new Sparkline("Unsafe blocks", column.get(0), counts).points());
        assertEquals("2.0,10.9 98.0,2.0", new Sparkline("Unsafe blocks", column.get(1), counts).points());
        assertEquals("▼3", new Sparkline("Unsafe blocks", List.of(40, 37), counts).changeMark());
        assertEquals("down 3", new Sparkline("Unsafe blocks", List.of(40, 37), counts).changeWords());
        assertEquals("±0", new Sparkline("Unsafe blocks", List.of(5, 5), counts).changeMark());
    }

    @Test
    void aColumnOfScoresSpansAtLeastTenPoints() {
        assertEquals(new Sparkline.Scale(40, 95), Sparkline.Scale.ofScores(List.of(List.of(40, 60), List.of(95))));
        assertEquals(new Sparkline.Scale(77, 87), Sparkline.Scale.ofScores(List.of(List.of(80, 84))));
        assertEquals(new Sparkline.Scale(90, 100), Sparkline.Scale.ofScores(List.of(List.of(100, 99))));
        assertEquals("2.0,16.0 98.0,8.0", new Sparkline("Score", List.of(80, 84), new Sparkline.Scale(77, 87)).points());
    }

    @Test
    void oneValueIsNoLine() {
        assertFalse(new Sparkline("Score", List.of(80), FULL).drawable());
        assertEquals(80, new Sparkline("Score", List.of(80), FULL).current());
        assertFalse(new Sparkline("Score", List.of(), FULL).drawable());
        assertNull(new Sparkline("Score", List.of(), FULL).current());
        assertEquals(0, new Sparkline("Score", List.of(), FULL).change());
        assertEquals(new Sparkline.Scale(0, 1), Sparkline.Scale.ofCounts(List.of(List.of(), List.of(0))));
    }
}
