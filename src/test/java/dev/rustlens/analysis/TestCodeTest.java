package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the analysis says a crate's test code is, on the crate clippy's recorded target-kinds
 * stream comes from (src/test/resources/diagnostics), plus a module only {@code #[cfg(test)]} declares.
 */
@Tag("fast")
class TestCodeTest {

    private static final Path TARGET_KINDS = Path.of("src/test/resources/diagnostics/target-kinds");

    @Test
    void testFilesAreWholeAndCfgTestItemsAreSpansThatEndJustAfterTheirLastCharacter(@TempDir Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        for (String file : List.of("Cargo.toml", "src/lib.rs", "tests/integration.rs", "examples/count.rs")) {
            files.put(file, Files.readString(TARGET_KINDS.resolve(file)));
        }
        files.put("src/lib.rs", files.get("src/lib.rs") + "\n#[cfg(test)]\nmod helpers;\n");
        files.put("src/helpers.rs", "pub fn one() -> usize {\n    1\n}\n");
        TestCode testCode;
        try (Analyzer analyzer = TestAnalyzers.create(AnalyzerSettings.defaults())) {
            testCode = analyzer.analyze(TestCrates.repository(dir, files)).crates().getFirst().testCode();
        }
        assertEquals(Set.of("tests/integration.rs", "examples/count.rs", "src/helpers.rs"), testCode.files());
        assertEquals(Set.of("src/lib.rs"), testCode.spans().keySet());
        // clippy's needless_return in the library (5:5) and in its #[cfg(test)] module (11:9).
        assertFalse(testCode.contains("src/lib.rs", 5, 5));
        assertTrue(testCode.contains("src/lib.rs", 11, 9));
        // The module from its attribute (line 8) to its closing brace (line 18, column 1).
        assertFalse(testCode.contains("src/lib.rs", 7, 1));
        assertTrue(testCode.contains("src/lib.rs", 8, 1));
        assertTrue(testCode.contains("src/lib.rs", 18, 1));
        assertFalse(testCode.contains("src/lib.rs", 18, 2));
        assertTrue(testCode.contains("src/helpers.rs", 2, 5));
        assertTrue(testCode.contains("tests/integration.rs", 2, 5));
        assertFalse(testCode.contains("src/other.rs", 11, 9));
    }

    @Test
    void aSpanHoldsItsFirstPositionAndNotTheOneAfterIt() {
        TestSpan span = new TestSpan(3, 5, 4, 2);
        assertFalse(span.contains(3, 4));
        assertTrue(span.contains(3, 5));
        assertTrue(span.contains(3, 500));
        assertTrue(span.contains(4, 1));
        assertFalse(span.contains(4, 2));
        assertFalse(span.contains(5, 1));
        assertFalse(span.contains(2, 9));
    }
}
