package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.check.VerificationEvidence.Kind;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each piece of verification evidence is found in the file that shows it, and only there; and what
 * a package archive cannot hold is not asked of it.
 */
@Tag("fast")
class VerificationEvidenceTest {

    private static final String LIB = "//! A crate.\npub fn f() {}\n";

    private static Analyzer analyzer;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        analyzer = TestAnalyzers.create(AnalyzerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    /** The evidence of the crate named {@code name}, kind to the path that shows it. */
    private Map<Kind, String> evidence(Map<String, String> files, String name) throws Exception {
        AnalysisResult result = analyzer.analyze(TestCrates.repository(Files.createTempDirectory(work, "repo"), files));
        Map<Kind, String> found = new TreeMap<>();
        for (CrateResult crate : result.crates()) {
            if (crate.crate().name().equals(name)) {
                for (VerificationEvidence evidence : crate.evidence()) {
                    found.put(evidence.kind(), evidence.path());
                }
            }
        }
        return found;
    }

    private static String manifest(String name, String devDependencies) {
        return "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dev-dependencies]\n"
                + devDependencies;
    }

    @Test
    void aCrateWithoutAnyHasNone() throws Exception {
        assertEquals(Map.of(), evidence(Map.of(
                "Cargo.toml", manifest("plain", "serde = \"1\"\n"),
                "src/lib.rs", LIB,
                ".github/workflows/ci.yml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n"),
                "plain"));
    }

    @Test
    void devDependenciesShowPropertyTestsLoomAndCompileFailTests() throws Exception {
        assertEquals(Map.of(Kind.PROPERTY_TESTS, "Cargo.toml", Kind.LOOM, "Cargo.toml", Kind.COMPILE_FAIL_TESTS, "Cargo.toml"),
                evidence(Map.of(
                        "Cargo.toml", manifest("checked", "proptest = \"1\"\nloom = \"0.7\"\ntrybuild = \"1\"\n"),
                        "src/lib.rs", LIB), "checked"));
    }

    @Test
    void cfgLoomCodeIsALoomModel() throws Exception {
        assertEquals(Map.of(Kind.LOOM, "Cargo.toml"), evidence(Map.of(
                "Cargo.toml", manifest("models", ""),
                "src/lib.rs", LIB + "#[cfg(loom)]\nmod model {}\n"), "models"));
    }

    @Test
    void fuzzTargetsOfTheCrateOrOfAFuzzCrateThatDependsOnIt() throws Exception {
        assertEquals(Map.of(Kind.FUZZING, "fuzz/fuzz_targets/parse.rs"), evidence(Map.of(
                "Cargo.toml", manifest("parser", ""),
                "src/lib.rs", LIB,
                "fuzz/Cargo.toml", "[package]\nname = \"parser-fuzz\"\nversion = \"0.0.0\"\n[package.metadata]\ncargo-fuzz = true\n",
                "fuzz/fuzz_targets/parse.rs", "#![no_main]\n"), "parser"));
        Map<String, String> workspace = Map.of(
                "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"fuzz\"]\n",
                "crates/core/Cargo.toml", manifest("core", ""),
                "crates/core/src/lib.rs", LIB,
                "crates/other/Cargo.toml", manifest("other", ""),
                "crates/other/src/lib.rs", LIB,
                "fuzz/Cargo.toml", "[package]\nname = \"fuzz\"\nversion = \"0.0.0\"\n[dependencies]\ncore = { path = \"../crates/core\" }\n",
                "fuzz/fuzz_targets/decode.rs", "#![no_main]\n");
        assertEquals(Map.of(Kind.FUZZING, "fuzz/fuzz_targets/decode.rs"), evidence(workspace, "core"));
        assertEquals(Map.of(), evidence(workspace, "other"));
    }

    @Test
    void ciShowsMiriSanitizersPlatformsAndCoverageThroughTheScriptsItCalls() throws Exception {
        assertEquals(Map.of(Kind.MIRI, "ci/miri.sh", Kind.SANITIZERS, "ci/asan.sh", Kind.PLATFORMS, ".github/workflows/ci.yml",
                Kind.COVERAGE, "Makefile"), evidence(Map.of(
                        "Cargo.toml", manifest("verified", ""),
                        "src/lib.rs", LIB,
                        ".github/workflows/ci.yml", """
                                jobs:
                                  test:
                                    strategy:
                                      matrix:
                                        os: [ubuntu-latest, windows-latest, macos-latest]
                                    runs-on: ${{ matrix.os }}
                                    steps:
                                      - run: ./ci/miri.sh && bash ci/asan.sh
                                      - run: make coverage
                                """,
                        "ci/miri.sh", "#!/bin/sh\ncargo +nightly miri test\n",
                        "ci/asan.sh", "#!/bin/sh\nRUSTFLAGS=-Zsanitizer=address cargo +nightly test\n",
                        "Makefile", "coverage:\n\tcargo llvm-cov --lcov --output-path lcov.info\n"), "verified"));
    }

    @Test
    void anXtaskThatRunsMiri() throws Exception {
        assertEquals(List.of(Kind.MIRI), List.copyOf(evidence(Map.of(
                "Cargo.toml", "[workspace]\nmembers = [\"app\", \"xtask\"]\n",
                "app/Cargo.toml", manifest("app", ""),
                "app/src/lib.rs", LIB,
                "xtask/Cargo.toml", manifest("xtask", ""),
                "xtask/src/main.rs", "fn main() { std::process::Command::new(\"cargo\").args([\"miri\", \"test\"]); }\n",
                ".github/workflows/ci.yml", "jobs:\n  ci:\n    steps:\n      - run: cargo xtask ci\n"), "app").keySet()));
    }

    // A package archive is not asked for what it cannot hold: Cargo.lock and CI configuration are
    // looked for in repositories only, and in an archive that ships its CI.

    private static final Map<String, String> RAW_CRATE = Map.of(
            "Cargo.toml", "[package]\nname = \"raw\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            "src/lib.rs", "//! Raw reads.\n/// Reads.\npub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");

    /** The raw crate with {@code extra} files, as analysed. */
    private CrateResult analyze(Map<String, String> extra) throws Exception {
        Map<String, String> files = new HashMap<>(RAW_CRATE);
        files.putAll(extra);
        return analyzer.analyze(TestCrates.repository(Files.createTempDirectory(work, "tree"), files)).crates()
                .getFirst();
    }

    /** The findings of the checks that read repository files. */
    private static List<String> repositoryChecks(CrateResult crate) {
        return crate.findings().stream().map(finding -> finding.checkId())
                .filter(check -> check.equals("cargo_lock_missing") || check.equals("miri_missing_in_ci")).sorted()
                .toList();
    }

    @Test
    void aRepositoryIsAskedForItsLockFileAndItsMiriRun() throws Exception {
        CrateResult crate = analyze(Map.of());
        assertEquals(List.of("cargo_lock_missing", "miri_missing_in_ci"), repositoryChecks(crate));
        assertEquals(1, crate.metrics().get(Metric.REPOSITORY_FILES));
    }

    @Test
    void aPackageArchiveIsNot() throws Exception {
        for (String marker : List.of(".cargo_vcs_info.json", "Cargo.toml.orig", ".cargo-checksum.json")) {
            CrateResult crate = analyze(Map.of(marker, "{}"));
            assertEquals(List.of(), repositoryChecks(crate), marker);
            assertEquals(0, crate.metrics().get(Metric.REPOSITORY_FILES), marker);
        }
    }

    @Test
    void anArchiveThatShipsItsCiIsAskedForMiriButNotForItsLockFile() throws Exception {
        CrateResult crate = analyze(Map.of(".cargo_vcs_info.json", "{}", ".github/workflows/ci.yml",
                "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n"));
        assertEquals(List.of("miri_missing_in_ci"), repositoryChecks(crate));
        assertEquals(1, crate.metrics().get(Metric.CI_CONFIGURATIONS));
    }
}
