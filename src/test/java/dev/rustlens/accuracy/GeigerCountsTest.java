package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class GeigerCountsTest {

    /** The oracle's output on memchr-2.5.0 (three of its lines) and a file syn rejects. */
    private static final String RECORDED = """
            build.rs\t6\t0\t0\t0\t0\t0\t0\t0\t64\t0
            src/memchr/fallback.rs\t9\t2\t0\t0\t0\t0\t0\t0\t71\t306
            src/memchr/iter.rs\t0\t0\t12\t0\t9\t0\t0\t0\t21\t0
            src/broken.rs\tparse-error
            """;

    @Test
    void theOraclesLinesWithoutItsSafeExpressions() {
        List<String> unparsed = new ArrayList<>();
        Map<String, GeigerCounts> files = GeigerCounts.parseOracle(RECORDED, unparsed);
        assertEquals(List.of("build.rs", "src/memchr/fallback.rs", "src/memchr/iter.rs"), List.copyOf(files.keySet()));
        assertEquals(List.of(9L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 306L), files.get("src/memchr/fallback.rs").values());
        assertEquals(List.of("src/broken.rs"), unparsed);
    }

    @Test
    void aLineOfAnotherShapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GeigerCounts.parseOracle("a.rs\t1\t2\n", new ArrayList<>()));
    }

    @Test
    void rustlensFiguresByMetricKeyAbsentOnesZero() {
        GeigerCounts counts = GeigerCounts.ofMetrics(Map.of("geiger_functions_safe", 9L, "geiger_functions_unsafe", 2L,
                "unsafe_expressions", 300L, "unsafe_blocks", 40L));
        assertEquals(List.of(9L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 300L), counts.values());
    }

    @Test
    void theComparisonSumsTheCommonFilesAndListsEachDifference() {
        List<String> unparsed = new ArrayList<>();
        Map<String, GeigerCounts> oracle = GeigerCounts.parseOracle(RECORDED, unparsed);
        Map<String, GeigerCounts> ours = Map.of(
                "build.rs", new GeigerCounts(List.of(6L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)),
                "src/memchr/fallback.rs", new GeigerCounts(List.of(9L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 300L)),
                "src/only-ours.rs", new GeigerCounts(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L)));
        GeigerComparison comparison = GeigerComparison.compare("memchr-2.5.0", ours, oracle, unparsed);
        assertEquals(2, comparison.files());
        assertEquals(List.of(15L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 300L), comparison.rustlens());
        assertEquals(List.of(15L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 306L), comparison.oracle());
        assertEquals(List.of(new GeigerComparison.Difference("memchr-2.5.0", "src/memchr/fallback.rs", "unsafe_expressions", 300, 306)),
                comparison.differences());
        assertEquals(1, comparison.differingFiles());
        assertEquals(List.of("src/broken.rs"), comparison.unparsed());
    }
}
