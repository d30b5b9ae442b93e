package dev.rustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.finding.SarifSchema;
import dev.rustlens.scan.Fingerprints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line scanner run in-process: on a small crate written here (its summary, its JSON,
 * its exit status with a passing and a failing gate, with a baseline, and on bad arguments) and on
 * a real crate, whose SARIF must be valid and whose findings must be those of the server's scan.
 */
@Tag("fast")
class RustlensCliTest {

    private static final Path MEMCHR = Path.of("/usr/share/cargo/registry/memchr-2.5.0");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path crate;

    /** What one in-process run printed and returned. */
    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void writeCrate() throws IOException {
        crate = Files.createDirectories(dir.resolve("fixture"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\n");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("src/lib.rs"), """
                //! A fixture.

                /// Reads the first byte.
                pub fn first(bytes: &[u8]) -> u8 {
                    unsafe { *bytes.as_ptr() }
                }

                /// Parses a number.
                pub fn number(text: &str) -> u32 {
                    text.parse().unwrap()
                }
                """);
    }

    /** Runs the scanner in this process, with no environment variables. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RustlensCli.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path gate(String name, String conditions) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"conditions\": " + conditions + "}");
    }

    @Test
    void printsASummaryAndWritesTheJsonReport() throws IOException {
        Path json = dir.resolve("summary.json");
        Run run = run("scan", crate.toString(), "--json", json.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        JsonNode report = JSON.readTree(json.toFile());
        assertEquals("rustlens-scan/1", report.path("format").asText());
        JsonNode fixture = report.path("crates").get(0);
        assertEquals("fixture", fixture.path("name").asText());
        assertEquals(1, fixture.path("unsafeBlocks").asInt());
        List<String> checks = new ArrayList<>();
        report.path("findings").forEach(finding -> checks.add(finding.path("checkId").asText()));
        assertTrue(checks.contains("undocumented_unsafe_block"), checks.toString());
        assertTrue(checks.contains("unwrap_used"), checks.toString());
        JsonNode unsafeBlock = findingOf(report, "undocumented_unsafe_block");
        assertEquals("src/lib.rs", unsafeBlock.path("path").asText());
        assertEquals(5, unsafeBlock.path("line").asInt());
        assertEquals("new", unsafeBlock.path("tracking").asText());
        assertEquals(32, unsafeBlock.path("fingerprint").asText().length());
        String grade = fixture.path("grade").asText();
        assertTrue(run.out().lines().anyMatch(line -> line.matches("fixture +" + grade + " +"
                + fixture.path("score").asInt() + " +1 .*")), run.out());
        assertTrue(run.out().contains("repository: grade " + report.path("grade").asText() + ", score "
                + report.path("score").asInt() + "; 1 crates, 1 files, " + checks.size() + " findings"), run.out());
    }

    @Test
    void aPassingGateExitsZeroAndAFailingOneExitsOne() throws IOException {
        Run passing = run("scan", crate.toString(), "--gate", gate("passing.json",
                "[{\"type\": \"min_grade\", \"grade\": \"E\"}, {\"type\": \"max_new_findings\", \"severity\": \"BLOCKER\","
                        + " \"max\": 0}]").toString());
        assertEquals(0, passing.status(), passing.out() + passing.err());
        assertTrue(passing.out().contains("  pass  grade E or better: "), passing.out());
        assertTrue(passing.out().contains("gate passed: 0 of 2 conditions failed, 0 not judged here"), passing.out());

        Run failing = run("scan", crate.toString(), "--gate", gate("failing.json",
                "[{\"type\": \"no_new_findings\", \"check\": \"undocumented_unsafe_block\"},"
                        + " {\"type\": \"no_open_benchmark_regressions\"}, {\"type\": \"doc_coverage_not_lower\"}]").toString());
        assertEquals(1, failing.status(), failing.out() + failing.err());
        assertTrue(failing.out().contains("  FAIL  no new undocumented_unsafe_block findings: 1 (expected 0)"),
                failing.out());
        assertTrue(failing.out().contains("  ----  no open benchmark regression alert: not judged here"), failing.out());
        assertTrue(failing.out().contains("  ----  doc coverage not lower than at the baseline: "), failing.out());
        assertTrue(failing.out().contains("new findings: every finding (no --baseline)"), failing.out());
        assertTrue(failing.out().contains("gate FAILED: 1 of 3 conditions failed, 2 not judged here"), failing.out());
    }

    @Test
    void findingsInTheBaselineAreNotNew() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, run("scan", crate.toString(), "--json", baseline.toString()).status());
        Path json = dir.resolve("again.json");
        Run again = run("scan", crate.toString(), "--json", json.toString(), "--baseline", baseline.toString(),
                "--gate", gate("strict.json", "[{\"type\": \"no_new_findings\", \"check\": \"undocumented_unsafe_block\"},"
                        + " {\"type\": \"doc_coverage_not_lower\"}]").toString());
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("new findings: not in the baseline " + baseline), again.out());
        assertTrue(again.out().contains("  pass  doc coverage not lower than at the baseline: "), again.out());
        assertEquals("unchanged", findingOf(JSON.readTree(json.toFile()), "undocumented_unsafe_block").path("tracking")
                .asText());
    }

    @Test
    void badArgumentsAndUnreadableInputExitTwoWithOneLine() throws IOException {
        String fixture = crate.toString();
        String zeros = "0".repeat(40);
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("scan", fixture, "--frobnicate"), "rustlens: unknown option --frobnicate");
        cases.put(List.of("scan"), "rustlens: no directory to scan");
        cases.put(List.of("scan", dir.resolve("missing").toString()), "rustlens: not a directory: ");
        cases.put(List.of("scan", fixture, "--gate", dir.resolve("missing.json").toString()), "rustlens: cannot read the gate ");
        cases.put(List.of("scan", fixture, "--gate", gate("unknown-check.json",
                "[{\"type\": \"no_new_findings\", \"check\": \"no_such_check\"}]").toString()),
                "no_new_findings needs \"check\": one of the check ids");
        cases.put(List.of("scan", fixture, "--gate", gate("broken.json", "[{\"type\": ").toString()), "is not a gate as JSON");
        cases.put(List.of("scan", fixture, "--baseline", gate("not-a-report.json", "[]").toString()),
                "is not a rustlens JSON report");
        cases.put(List.of("scan", fixture, "--gate-from", "ftp://example.com", "--repository", "1"),
                "--gate-from needs an http or https URL");
        cases.put(List.of("scan", fixture, "--threads", "zero"), "--threads needs a positive whole number");
        cases.put(List.of("lint", fixture), "rustlens: say what to do: rustlens scan DIR");
        cases.put(List.of("scan", fixture, "--upload", "http://127.0.0.1:1", "--repository", "1", "--branch", "main"),
                "--upload URL needs --commit SHA and --branch NAME");
        cases.put(List.of("scan", fixture, "--upload", "http://127.0.0.1:1", "--repository", "1", "--commit", "abc",
                "--branch", "main"), "--commit needs a full commit id");
        cases.put(List.of("scan", fixture, "--upload", "http://127.0.0.1:1", "--repository", "1", "--commit", zeros,
                "--branch", "main", "--gate", "gate.json"), "give one gate");
        // The scan runs, then the server cannot be reached: unreadable input, not a failed gate.
        cases.put(List.of("scan", fixture, "--upload", "http://127.0.0.1:1", "--repository", "1", "--commit", zeros,
                "--branch", "main"), "rustlens: cannot reach http://127.0.0.1:1/api/v1/repositories/1/uploads");
        cases.forEach((args, message) -> {
            Run run = run(args.toArray(String[]::new));
            assertEquals(2, run.status(), args + ": " + run.out() + run.err());
            assertTrue(run.err().contains(message), args + ": " + run.err());
            assertEquals(1, run.err().lines().count(), args + ": one line, not a stack trace: " + run.err());
        });
        Run help = run("scan", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: rustlens scan DIR [options]"), help.out());
    }

    /** memchr as the server would scan it from an uploaded archive: the same findings, fingerprints and counts. */
    @Test
    void aRealCrateGivesTheServersFindingsAndValidSarif() throws Exception {
        Path sarif = dir.resolve("memchr.sarif");
        Path json = dir.resolve("memchr.json");
        Path csv = dir.resolve("memchr.csv");
        Run run = run("scan", MEMCHR.toString(), "--sarif", sarif.toString(), "--json", json.toString(), "--csv",
                csv.toString());
        assertEquals(0, run.status(), run.err());
        String sarifText = Files.readString(sarif);
        assertEquals(List.of(), SarifSchema.errors(sarifText));
        JsonNode report = JSON.readTree(json.toFile());

        // The server's path for a tree on disk (ScanRunner, an uploaded archive): its engine's default settings.
        AnalysisResult server;
        try (CheckCatalogue catalogue = CheckCatalogue.load().awaitQueries();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            server = analyzer.analyze(new DirectorySourceTree(MEMCHR, true), List.of(), Analyzer.ResultCache.NONE,
                    Analyzer.Progress.NONE);
        }
        assertEquals(1, server.crates().size());
        CrateResult memchr = server.crates().getFirst();
        List<String> fingerprints = new ArrayList<>();
        report.path("findings").forEach(finding -> fingerprints.add(finding.path("fingerprint").asText()));
        assertTrue(memchr.findings().size() > 20, "memchr has findings: " + memchr.findings().size());
        assertEquals(Fingerprints.of("memchr", memchr.findings()), fingerprints);
        JsonNode crateReport = report.path("crates").get(0);
        assertEquals(memchr.metrics().get(Metric.UNSAFE_BLOCKS), crateReport.path("unsafeBlocks").asLong());
        assertEquals(memchr.metrics().get(Metric.UNSAFE_FUNCTIONS), crateReport.path("unsafeFunctions").asLong());
        assertEquals(memchr.metrics().asMap(), JSON.convertValue(crateReport.path("metrics"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, Long.class)));

        JsonNode results = JSON.readTree(sarifText).at("/runs/0/results");
        assertEquals(memchr.findings().size(), results.size());
        assertEquals(memchr.findings().getFirst().checkId(), results.get(0).path("ruleId").asText());
        assertEquals(fingerprints.getFirst(), results.get(0).at("/partialFingerprints/rustlens~1v1").asText());
        assertEquals(memchr.findings().size() + 1, Files.readAllLines(csv).size());
    }

    private static JsonNode findingOf(JsonNode report, String checkId) {
        for (JsonNode finding : report.path("findings")) {
            if (checkId.equals(finding.path("checkId").asText())) {
                return finding;
            }
        }
        throw new AssertionError("no " + checkId + " finding in " + report);
    }
}
