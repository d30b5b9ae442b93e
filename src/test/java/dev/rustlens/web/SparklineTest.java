package dev.rustlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SparklineTest {

    @Test
    void scoresSpanTheBoxLeftToRightAndBottomToTop() {
        Sparkline line = new Sparkline(List.of(0, 50, 100));
        assertTrue(line.drawable());
        assertEquals("2.0,22.0 50.0,12.0 98.0,2.0", line.points());
        assertEquals("98.0", line.lastX());
        assertEquals("2.0", line.lastY());
        assertEquals(100, line.change());
        assertEquals("Score over the last 3 scans: from 0 to 100", line.description());
    }

    @Test
    void aSmallChangeIsDrawnOverTenPointsAroundIt() {
        assertEquals("2.0,16.0 98.0,8.0", new Sparkline(List.of(80, 84)).points());
        assertEquals("2.0,12.0 98.0,12.0", new Sparkline(List.of(70, 70)).points());
        assertEquals("2.0,2.0 98.0,4.0", new Sparkline(List.of(100, 99)).points());
    }

    @Test
    void oneScoreIsNoLine() {
        assertFalse(new Sparkline(List.of(80)).drawable());
        assertFalse(new Sparkline(List.of()).drawable());
        assertEquals(0, new Sparkline(List.of()).change());
    }
}
