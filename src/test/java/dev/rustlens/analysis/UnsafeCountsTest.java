package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact unsafe counts on hand-made files, covering cargo-geiger's edge cases. */
@Tag("fast")
class UnsafeCountsTest {

    private static Analyzer analyzer;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        analyzer = TestAnalyzers.create(AnalyzerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    private static Metrics metricsOf(String source) throws Exception {
        return analyzer.analyze(TestCrates.libCrate(work, source)).crates().getFirst().metrics();
    }

    @Test
    void anUnsafeFnInsideAnImplIsAMethod() throws Exception {
        Metrics metrics = metricsOf("""
                pub struct S;
                impl S {
                    pub unsafe fn raw(&self) {}
                    pub fn safe(&self) {}
                }
                pub unsafe fn free() {}
                pub fn safe_free() {}
                """);
        assertEquals(1, metrics.get(Metric.UNSAFE_METHODS));
        assertEquals(1, metrics.get(Metric.UNSAFE_FUNCTIONS));
        assertEquals(1, metrics.get(Metric.GEIGER_METHODS_UNSAFE));
        assertEquals(1, metrics.get(Metric.GEIGER_METHODS_SAFE));
        assertEquals(1, metrics.get(Metric.GEIGER_FUNCTIONS_UNSAFE));
        assertEquals(1, metrics.get(Metric.GEIGER_FUNCTIONS_SAFE));
    }

    @Test
    void nestedUnsafeBlocksAreEachASiteAndTheirExpressionsCountOnce() throws Exception {
        Metrics metrics = metricsOf("""
                pub fn f(p: *const u8) -> u8 {
                    unsafe {
                        let a = *p;
                        unsafe { *p.add(1) + a }
                    }
                }
                """);
        assertEquals(2, metrics.get(Metric.UNSAFE_BLOCKS));
        // *p, *p.add(1), p.add(1), the addition: four expressions, paths and literals excluded.
        assertEquals(4, metrics.get(Metric.UNSAFE_EXPRESSIONS));
    }

    @Test
    void expressionsInAnUnsafeFnBodyAreUnsafe() throws Exception {
        Metrics metrics = metricsOf("""
                pub unsafe fn f(p: *const u8) -> u8 {
                    let v = *p;
                    v + 1
                }
                pub fn g(x: u8) -> u8 { x + 1 }
                """);
        assertEquals(2, metrics.get(Metric.UNSAFE_EXPRESSIONS));
    }

    @Test
    void unsafeInMacroBodiesIsCountedApartAndInMacroInputsAsCode() throws Exception {
        Metrics metrics = metricsOf("""
                macro_rules! read {
                    ($p:expr) => { unsafe { *$p } };
                }
                pub fn f(p: *const u8) -> u8 {
                    let x = read!(p);
                    assert!(unsafe { *p } == x);
                    x
                }
                """);
        // The macro_rules! body is tokens; assert!'s input is read as code: its block is a block.
        assertEquals(1, metrics.get(Metric.UNSAFE_IN_MACROS));
        assertEquals(1, metrics.get(Metric.UNSAFE_BLOCKS));
        // cargo-geiger does not look inside macros: no unsafe expression is counted.
        assertEquals(0, metrics.get(Metric.UNSAFE_EXPRESSIONS));
    }

    @Test
    void testCodeIsLeftOutOfTheFigures() throws Exception {
        Metrics metrics = metricsOf("""
                pub fn f() {}

                #[cfg(test)]
                mod tests {
                    #[test]
                    fn t() { unsafe { core::hint::unreachable_unchecked() } }
                    unsafe fn helper() {}
                }

                #[test]
                fn top_level() { let _ = unsafe { 1 }; }

                #[tokio::test]
                async fn async_test() { unsafe {} }
                """);
        assertEquals(0, metrics.get(Metric.UNSAFE_BLOCKS));
        assertEquals(0, metrics.get(Metric.UNSAFE_FUNCTIONS));
        assertEquals(4, metrics.get(Metric.UNSAFE_IN_TESTS));
        assertEquals(3, metrics.get(Metric.TEST_FNS));
        // geiger skips #[test] fns and #[cfg(test)] mods but not #[tokio::test] fns.
        assertEquals(2, metrics.get(Metric.GEIGER_FUNCTIONS_SAFE));
    }

    @Test
    void noMangleMakesAFunctionUnsafeForGeiger() throws Exception {
        Metrics metrics = metricsOf("""
                #[no_mangle]
                pub extern "C" fn exported() -> i32 { 1 + 1 }
                #[export_name = "other"]
                pub extern "C" fn renamed() {}
                pub fn after() -> i32 { 2 + 2 }
                """);
        assertEquals(2, metrics.get(Metric.GEIGER_FUNCTIONS_UNSAFE));
        assertEquals(1, metrics.get(Metric.GEIGER_FUNCTIONS_SAFE));
        // Unlike geiger, a safe #[no_mangle] fn does not make the rest of the file unsafe.
        assertEquals(0, metrics.get(Metric.UNSAFE_EXPRESSIONS));
        assertEquals(0, metrics.get(Metric.UNSAFE_FUNCTIONS));
    }

    @Test
    void implsTraitsAndExternBlocks() throws Exception {
        Metrics metrics = metricsOf("""
                pub unsafe trait Zeroable {}
                pub trait Plain { unsafe fn declared(&self); fn provided(&self) {} }
                pub struct S;
                unsafe impl Zeroable for S {}
                unsafe impl Send for S {}
                impl Plain for S { unsafe fn declared(&self) {} }
                extern "C" { fn abs(x: i32) -> i32; }
                """);
        assertEquals(1, metrics.get(Metric.UNSAFE_TRAITS));
        assertEquals(1, metrics.get(Metric.GEIGER_TRAITS_SAFE));
        assertEquals(2, metrics.get(Metric.UNSAFE_IMPLS));
        assertEquals(1, metrics.get(Metric.GEIGER_IMPLS_SAFE));
        assertEquals(1, metrics.get(Metric.EXTERN_BLOCKS));
        // The trait's declaration and the impl's definition are both unsafe methods in the inventory.
        assertEquals(2, metrics.get(Metric.UNSAFE_METHODS));
        // geiger counts only the impl's method, not the trait's.
        assertEquals(1, metrics.get(Metric.GEIGER_METHODS_UNSAFE));
        assertEquals(0, metrics.get(Metric.GEIGER_METHODS_SAFE));
    }

    @Test
    void rust2024UnsafeExternBlocksCountTheirUnsafeItemsOnly() throws Exception {
        Metrics metrics = metricsOf("""
                unsafe extern "C" {
                    pub safe fn abs(x: i32) -> i32;
                    pub unsafe fn strlen(s: *const u8) -> usize;
                    pub safe static ERRNO: i32;
                }
                #[unsafe(no_mangle)]
                pub extern "C" fn exported() -> i32 { abs(-1) }
                """);
        assertEquals(1, metrics.get(Metric.EXTERN_BLOCKS));
        // `safe fn` is safe to call: only `strlen` is an unsafe fn.
        assertEquals(1, metrics.get(Metric.UNSAFE_FUNCTIONS));
        assertEquals(0, metrics.get(Metric.PARSE_ERRORS));
        // #[unsafe(no_mangle)] exports the fn as #[no_mangle] does: unsafe for cargo-geiger.
        assertEquals(1, metrics.get(Metric.GEIGER_FUNCTIONS_UNSAFE));
    }

    @Test
    void everySiteKeepsItsPlace() throws Exception {
        AnalysisResult result = analyzer.analyze(TestCrates.libCrate(work, """
                pub fn f(p: *const u8) -> u8 {
                    unsafe { *p }
                }
                """));
        List<UnsafeSite> sites = result.crates().getFirst().unsafeSites();
        assertEquals(List.of(new UnsafeSite(UnsafeSite.Kind.BLOCK, "src/lib.rs", 2, 5, false)), sites);
    }

    @Test
    void linesAreCountedAsTokeiCountsThem() throws Exception {
        Metrics metrics = metricsOf("""
                //! Crate docs.

                /* a block
                   comment */
                pub fn f() -> &'static str { // trailing comment: a code line
                    "a string
                // that spans lines"
                }
                """);
        assertEquals(4, metrics.get(Metric.CODE_LINES));
        assertEquals(3, metrics.get(Metric.COMMENT_LINES));
        assertEquals(1, metrics.get(Metric.BLANK_LINES));
    }

    @Test
    void forbidInManifestLintsCounts() throws Exception {
        Path root = TestCrates.repository(work.resolve("lints"), Map.of(
                "Cargo.toml", """
                        [workspace]
                        members = ["a"]
                        [workspace.lints.rust]
                        unsafe_code = "forbid"
                        [workspace.lints.clippy]
                        pedantic = { level = "warn", priority = -1 }
                        """,
                "a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[lints]\nworkspace = true\n",
                "a/src/lib.rs", "pub fn f() {}\n"));
        Metrics metrics = analyzer.analyze(root).crates().getFirst().metrics();
        assertEquals(1, metrics.get(Metric.FORBIDS_UNSAFE));
        assertEquals(1, metrics.get(Metric.PEDANTIC_ENABLED));
    }
}
