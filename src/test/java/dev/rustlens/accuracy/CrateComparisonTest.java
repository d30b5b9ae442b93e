package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.check.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class CrateComparisonTest {

    private static final String UNSAFE = "clippy::undocumented_unsafe_blocks";
    private static final String BLOCK = "unsafe block missing a safety comment";

    private static Finding finding(String check, String path, int line, Suppression suppression) {
        return new Finding(check, Severity.CRITICAL, path, line, 5, line, 9, "rustlens says so", false, suppression, "");
    }

    private static LintHit hit(String file, int line, int column) {
        return new LintHit(UNSAFE, BLOCK, "lib", file, line, column, line + 1, "unsafe {");
    }

    @Test
    void theFindingsOfCompiledFilesAgainstTheDistinctHits(@TempDir Path crate) throws IOException {
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("src/lib.rs"), "fn a() {\n    unsafe { x() }\n    unsafe { y() }\n}\n");
        // The library and its test harness both report line 2; line 3 has no hit.
        ClippyRun all = new ClippyRun("cargo clippy", Map.of("src/lib.rs", Set.of(new ClippyRun.Unit("lib", false))),
                List.of(hit("src/lib.rs", 2, 5), hit("src/lib.rs", 2, 5), hit("src/lib.rs", 7, 5)),
                List.of(new LintHit(UNSAFE, BLOCK, "lib", "/registry/dep/src/lib.rs", 1, 1, 1, "")), List.of(), List.of());
        ClippyRun lib = new ClippyRun("cargo clippy --lib", Map.of(), List.of(), List.of(), List.of(), List.of());
        List<Finding> findings = List.of(
                finding("undocumented_unsafe_block", "src/lib.rs", 2, Suppression.NONE),
                finding("undocumented_unsafe_block", "src/lib.rs", 3, Suppression.NONE),
                finding("undocumented_unsafe_block", "src/lib.rs", 4, Suppression.LINT_ATTRIBUTE),
                finding("undocumented_unsafe_block", "src/windows.rs", 1, Suppression.NONE),
                finding("undocumented_unsafe_block", "src/lib.rs", 1, Suppression.NONE));
        // Line 1 stands for code under a cfg that is off.
        CrateComparison comparison = CrateComparison.compare("x-1.0", crate, Map.of(View.ALL_TARGETS, all, View.LIBRARY, lib),
                findings, Set.of("undocumented_unsafe_block", "unwrap_used"), (run, finding) -> finding.line() != 1);

        assertEquals(new Tally(1, 1, 1), comparison.tallies().get("undocumented_unsafe_block"));
        assertEquals(Tally.ZERO, comparison.tallies().get("unwrap_used"));
        assertEquals(List.of(
                new Disagreement("x-1.0", "undocumented_unsafe_block", "rustlens", "src/lib.rs", 3, "rustlens says so", "unsafe { y() }"),
                new Disagreement("x-1.0", "undocumented_unsafe_block", "clippy", "src/lib.rs", 7, UNSAFE + ": " + BLOCK, "")),
                comparison.disagreements());
        assertEquals(1, comparison.outside().get("undocumented_unsafe_block"));
        assertEquals(1, comparison.uncompiled().get("undocumented_unsafe_block"));
        assertEquals(List.of(new Disagreement("x-1.0", "undocumented_unsafe_block", "rustlens", "src/lib.rs", 1, "rustlens says so",
                "fn a() {")), comparison.cfgOff());
        // Checks the catalogue lacks are not compared.
        assertEquals(Set.of("undocumented_unsafe_block", "unwrap_used"), comparison.tallies().keySet());
        assertEquals(0, comparison.uncompared().get("missing_docs"));
    }
}
