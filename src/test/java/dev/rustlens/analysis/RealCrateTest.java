package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rustlens.analysis.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real crate as Debian packages it (librust-memchr-dev, installed by .ci/run). The expected
 * figures were checked by hand against the sources; see the comments.
 */
@Tag("fast")
class RealCrateTest {

    static final Path MEMCHR = Path.of("/usr/share/cargo/registry/memchr-2.5.0");

    @Test
    void memchrCountsMatchTheHandCount() throws Exception {
        assumeTrue(Files.isDirectory(MEMCHR), "librust-memchr-dev is installed by .ci/run");
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            AnalysisResult result = analyzer.analyze(MEMCHR);
            assertEquals(1, result.crates().size());
            CrateResult crate = result.crates().getFirst();
            assertEquals("memchr", crate.crate().name());
            Map<String, Long> counts = new TreeMap<>();
            for (UnsafeSite site : crate.unsafeSites()) {
                counts.merge(site.kind() + (site.inTestCode() ? "/test" : ""), 1L, Long::sum);
            }
            // 37 .rs files (find -name '*.rs'). `grep 'unsafe {'` finds 28 lines: 25 unsafe blocks
            // (7 of them in #[cfg(test)] modules) and 3 inside the unsafe_ifunc! macro_rules! body.
            // `grep 'unsafe fn'` finds 64 lines: one is the fn-pointer type PrefilterFnTy; of the
            // 63 unsafe fns, 37 are free functions (34 at the top level, 3 nested in avx.rs) and 26
            // are methods (21 in impls, 5 declared in the Vector trait), 3 of those in tests.
            // src/memchr/x86/sse42.rs holds one of the free functions, but no `mod` declares it:
            // rustc never compiles it, so it is an unlinked file and its fn is not counted.
            assertEquals(37, crate.metrics().get(Metric.FILES));
            assertEquals(1, crate.metrics().get(Metric.UNLINKED_FILES));
            assertEquals(Map.of("BLOCK", 18L, "BLOCK/test", 7L, "FUNCTION", 36L, "METHOD", 23L, "METHOD/test", 3L,
                    "IN_MACRO", 3L), counts);
            assertEquals(18, crate.metrics().get(Metric.UNSAFE_BLOCKS));
            assertEquals(36, crate.metrics().get(Metric.UNSAFE_FUNCTIONS));
            assertEquals(23, crate.metrics().get(Metric.UNSAFE_METHODS));
            assertEquals(3, crate.metrics().get(Metric.UNSAFE_IN_MACROS));
            assertEquals(10, crate.metrics().get(Metric.UNSAFE_IN_TESTS));
            assertEquals(0, crate.metrics().get(Metric.UNSAFE_IMPLS));
            assertEquals(1, crate.metrics().get(Metric.CRATE_DOCS));
        }
    }
}
