package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never crashes or hangs the analysis: it yields counts for what parsed and findings. */
class RobustnessTest {

    private static Analyzer analyzer;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        analyzer = TestAnalyzers.create(AnalyzerSettings.defaults().withLimits(16L << 20, Duration.ofSeconds(20)));
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    private static CrateResult analyzeBytes(byte[] lib) throws Exception {
        Path crate = TestCrates.libCrate(work, "");
        Files.write(crate.resolve("src/lib.rs"), lib);
        return analyzer.analyze(crate).crates().getFirst();
    }

    private static List<Finding> parseErrors(CrateResult crate) {
        return crate.findings().stream().filter(f -> f.checkId().equals("parse_error")).toList();
    }

    @Test
    void invalidUtf8BomCrlfAndNulStillAnalyse() throws Exception {
        byte[] source = "\uFEFFpub fn f(p: *const u8) -> u8 {\r\n    unsafe { *p }\r\n}\r\n// caf\u00e9 \u0000 end\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = new byte[source.length + 1];
        System.arraycopy(source, 0, withBadByte, 0, source.length);
        withBadByte[source.length] = (byte) 0xC3; // a truncated UTF-8 sequence at the end
        CrateResult crate = analyzeBytes(withBadByte);
        assertEquals(1, crate.metrics().get(Metric.UNSAFE_BLOCKS));
        assertEquals(2, crate.unsafeSites().getFirst().line());
        assertEquals(5, crate.unsafeSites().getFirst().column());
        assertTrue(crate.metrics().get(Metric.CODE_LINES) >= 3, "the BOM and CRLF do not hide code lines");
        assertTrue(parseErrors(crate).stream().anyMatch(f -> f.line() == 1 && f.message().contains("not valid UTF-8")),
                "the bad byte is reported");
    }

    @Test
    void utf16AndUtf32FilesAreReadAndReported() throws Exception {
        String code = "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        for (var encoding : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16,
                java.nio.charset.Charset.forName("UTF-32LE"))) {
            byte[] bytes = code.getBytes(encoding);
            if (encoding.name().equals("UTF-32LE")) {
                // UTF-32 is told by its byte order mark only.
                byte[] withBom = new byte[bytes.length + 4];
                withBom[0] = (byte) 0xFF;
                withBom[1] = (byte) 0xFE;
                System.arraycopy(bytes, 0, withBom, 4, bytes.length);
                bytes = withBom;
            }
            CrateResult crate = analyzeBytes(bytes);
            assertEquals(1, crate.metrics().get(Metric.UNSAFE_BLOCKS), encoding + " is read as code");
            assertTrue(parseErrors(crate).stream().anyMatch(f -> f.message().contains("not UTF-8")),
                    encoding + " is reported: rustc reads UTF-8 only");
        }
    }

    @Test
    void randomBytesGiveAFindingAndControlCharactersAreEscaped() throws Exception {
        byte[] random = new byte[300_000];
        new java.util.Random(42).nextBytes(random);
        CrateResult crate = analyzeBytes(random);
        assertEquals(1, crate.metrics().get(Metric.PARSE_ERRORS));
        assertTrue(parseErrors(crate).size() <= 20, "a file of random bytes reports a few syntax errors, not thousands");
        for (Finding finding : crate.findings()) {
            assertTrue(finding.context().chars().noneMatch(c -> c < 0x20 && c != '\t'),
                    "no control character is stored: " + finding.context());
            // 400 chars, the last one maybe an escape, and an ellipsis.
            assertTrue(finding.context().length() <= 410, "contexts are cut");
        }
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() throws Exception {
        int depth = 5000;
        String source = "pub fn f() -> i32 { " + "(".repeat(depth) + "1" + ")".repeat(depth) + " }\n"
                + "pub fn g() { " + "{ ".repeat(depth) + "unsafe { }" + " }".repeat(depth) + " }\n";
        CrateResult crate = analyzeBytes(source.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, crate.metrics().get(Metric.FILES) + 1);
        assertTrue(crate.metrics().get(Metric.UNSAFE_BLOCKS) <= 1);
    }

    @Test
    void largeFilesDeeplyNestedAreAnalysed() throws Exception {
        int depth = 5000;
        String nested = "pub fn g() { " + "{ ".repeat(depth) + "unsafe { }" + " }".repeat(depth) + " }\n";
        // Over 256K chars: native memory is handed back after each such file (NativeMemory).
        String padding = "// padding to make the file large\n".repeat(10_000);
        Path crate = TestCrates.libCrate(work, "mod a;\nmod b;\n");
        Files.writeString(crate.resolve("src/a.rs"), padding + "pub fn f() { unsafe { } }\n" + nested);
        Files.writeString(crate.resolve("src/b.rs"), padding + "pub fn h() { unsafe { } }\n");
        CrateResult result = analyzer.analyze(crate).crates().getFirst();
        assertEquals(3, result.metrics().get(Metric.FILES));
        // The nested block is deeper than tree-sitter's parse stack lets it report; the others count.
        assertTrue(result.metrics().get(Metric.UNSAFE_BLOCKS) >= 2, result.metrics().asMap().toString());
    }

    @Test
    void aTenMegabyteLineIsAnalysedOrSkippedButNeverHangs() throws Exception {
        StringBuilder line = new StringBuilder("pub static DATA: [u8; 3333334] = [");
        while (line.length() < 10_000_000) {
            line.append("1, 2, 3, ");
        }
        line.append("];");
        CrateResult crate = analyzeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        // A token every three bytes takes tree-sitter seconds; within the budget the line is
        // counted, past it the file is skipped with a finding.
        assertTrue(crate.metrics().get(Metric.CODE_LINES) == 1 || parseErrors(crate).size() == 1);
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedWithAFinding() throws Exception {
        try (Analyzer small = TestAnalyzers.create(AnalyzerSettings.defaults().withLimits(1000, Duration.ofSeconds(5)))) {
            Path crate = TestCrates.libCrate(work, "pub fn f() { unsafe {} }\n" + "// padding\n".repeat(200));
            CrateResult result = small.analyze(crate).crates().getFirst();
            assertEquals(1, parseErrors(result).size());
            assertTrue(parseErrors(result).getFirst().message().contains("over the limit of 1000"));
            assertEquals(0, result.metrics().get(Metric.UNSAFE_BLOCKS));
            assertEquals(1, result.metrics().get(Metric.PARSE_ERRORS));
        }
    }

    @Test
    void aFileOverTheTimeBudgetIsSkippedWithAFinding() throws Exception {
        try (Analyzer hurried = TestAnalyzers.create(AnalyzerSettings.defaults().withLimits(1L << 24, Duration.ZERO))) {
            Path crate = TestCrates.libCrate(work, "pub fn f() { let x = 1; }\n".repeat(50_000));
            CrateResult result = hurried.analyze(crate).crates().getFirst();
            assertEquals(1, parseErrors(result).size());
            assertTrue(parseErrors(result).getFirst().message().contains("took longer than"));
        }
    }

    @Test
    void symbolicLinksAreNotFollowedOutOfTheTree() throws Exception {
        Path outside = Files.createTempDirectory(work, "outside");
        Files.writeString(outside.resolve("secret.rs"), "pub fn secret() { unsafe {} }\n");
        Path crate = TestCrates.libCrate(work, "pub fn f() {}\n");
        Files.createSymbolicLink(crate.resolve("src/secret.rs"), outside.resolve("secret.rs"));
        Files.createSymbolicLink(crate.resolve("src/linked"), outside);
        CrateResult result = analyzer.analyze(crate).crates().getFirst();
        assertEquals(1, result.metrics().get(Metric.FILES));
        assertEquals(0, result.metrics().get(Metric.UNSAFE_BLOCKS));
    }

    @Test
    void progressCountsUpToEveryFileAndAListenerThatThrowsStopsTheAnalysis() throws Exception {
        Path crate = TestCrates.libCrate(work, "mod a;\nmod b;\nmod c;\n");
        for (String module : List.of("a", "b", "c")) {
            Files.writeString(crate.resolve("src/" + module + ".rs"), "pub fn f() {}\n");
        }
        List<Integer> reported = new ArrayList<>();
        analyzer.analyze(new DirectorySourceTree(crate), Analyzer.ResultCache.NONE, (done, total) -> {
            assertEquals(4, total);
            reported.add(done);
        });
        assertEquals(4, reported.getLast());
        assertEquals(reported.stream().sorted().distinct().toList(), reported, "counts only grow");

        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> analyzer.analyze(new DirectorySourceTree(crate), Analyzer.ResultCache.NONE, (done, total) -> {
                    throw new IllegalStateException("stop");
                }));
        assertEquals("stop", stopped.getMessage());
    }

    @Test
    void theSameInputGivesTheSameOutput() throws Exception {
        Path crate = TestCrates.libCrate(work, """
                pub fn f(p: *const u8) -> u8 { unsafe { *p } }
                pub fn g(x: Option<u8>) -> u8 { x.unwrap() }
                """);
        AnalysisResult first = analyzer.analyze(crate);
        AnalysisResult second = analyzer.analyze(crate);
        assertEquals(first.crates().getFirst().findings(), second.crates().getFirst().findings());
        assertEquals(first.crates().getFirst().metrics().asMap(), second.crates().getFirst().metrics().asMap());
    }
}
