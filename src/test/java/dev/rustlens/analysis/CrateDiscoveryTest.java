package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateDiscovery;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class CrateDiscoveryTest {

    @TempDir
    Path root;

    private CrateDiscovery.Layout discover(Map<String, String> files) throws Exception {
        TestCrates.repository(root, files);
        DirectorySourceTree tree = new DirectorySourceTree(root);
        return CrateDiscovery.discover(tree.files(), file -> CargoManifest.parse(file.path(), tree.read(file)));
    }

    @Test
    void aVirtualWorkspaceWithGlobsExcludesAndEveryTargetKind() throws Exception {
        CrateDiscovery.Layout layout = discover(new TreeMap<>(Map.ofEntries(
                Map.entry("Cargo.toml", "[workspace]\nmembers = [\"crates/*\", \"tools/cli\"]\nexclude = [\"crates/old\"]\n"
                        + "[workspace.package]\nversion = \"1.2.3\"\nedition = \"2021\"\n"),
                Map.entry("crates/core/Cargo.toml", "[package]\nname = \"core-lib\"\nversion.workspace = true\n"
                        + "edition.workspace = true\n[[bench]]\nname = \"speed\"\nharness = false\n"),
                Map.entry("crates/core/src/lib.rs", "pub mod raw;\n"),
                Map.entry("crates/core/src/raw/mod.rs", ""),
                Map.entry("crates/core/src/bin/tool.rs", "fn main() {}\n"),
                Map.entry("crates/core/tests/it.rs", ""),
                Map.entry("crates/core/benches/speed.rs", ""),
                Map.entry("crates/core/examples/demo.rs", "fn main() {}\n"),
                Map.entry("crates/core/build.rs", "fn main() {}\n"),
                Map.entry("crates/old/Cargo.toml", "[package]\nname = \"old\"\nversion = \"0.1.0\"\n"),
                Map.entry("crates/old/src/lib.rs", ""),
                Map.entry("tools/cli/Cargo.toml", "[package]\nname = \"cli\"\nversion = \"0.1.0\"\n"
                        + "[[bin]]\nname = \"cli\"\npath = \"main.rs\"\n"),
                Map.entry("tools/cli/main.rs", "fn main() {}\n"),
                Map.entry("tools/cli/helper/Cargo.toml", "[package]\nname = \"nested\"\nversion = \"0.1.0\"\n"),
                Map.entry("tools/cli/helper/src/lib.rs", ""),
                Map.entry("stray.rs", ""))));

        assertEquals("[cli, core-lib]", layout.crates().stream().map(CrateInfo::name).sorted().toList().toString());
        CrateInfo core = layout.crates().stream().filter(c -> c.name().equals("core-lib")).findFirst().orElseThrow();
        assertEquals("1.2.3", core.version().orElseThrow());
        assertEquals("2021", core.edition().orElseThrow());

        Map<String, FileRole> roles = new TreeMap<>();
        layout.files().forEach((path, file) -> roles.put(path, file.role()));
        assertEquals(Map.of(
                "crates/core/src/lib.rs", FileRole.LIBRARY,
                "crates/core/src/raw/mod.rs", FileRole.LIBRARY,
                "crates/core/src/bin/tool.rs", FileRole.BINARY,
                "crates/core/tests/it.rs", FileRole.TEST,
                "crates/core/benches/speed.rs", FileRole.BENCH,
                "crates/core/examples/demo.rs", FileRole.EXAMPLE,
                "crates/core/build.rs", FileRole.BUILD_SCRIPT,
                "tools/cli/main.rs", FileRole.BINARY), roles);
        assertTrue(layout.problems().stream().anyMatch(p -> p.startsWith("crates/old/Cargo.toml")));
        assertTrue(layout.problems().stream().anyMatch(p -> p.startsWith("tools/cli/helper/Cargo.toml")));
    }

    @Test
    void aSinglePackageOwnsItsFiles() throws Exception {
        CrateDiscovery.Layout layout = discover(Map.of(
                "Cargo.toml", "[package]\nname = \"one\"\nversion = \"0.1.0\"\n",
                "src/main.rs", "fn main() {}\n",
                "src/util.rs", ""));
        assertEquals(1, layout.crates().size());
        assertEquals(FileRole.BINARY, layout.files().get("src/util.rs").role(), "a bin-only crate's modules are binary code");
    }

    @Test
    void aBrokenRootManifestIsAClearError() throws Exception {
        ManifestException error = assertThrows(ManifestException.class,
                () -> discover(Map.of("Cargo.toml", "[package]\nname = \"x\"\nversion = ", "src/lib.rs", "")));
        assertTrue(error.getMessage().startsWith("Cargo.toml: invalid TOML"), error.getMessage());
    }

    @Test
    void aBrokenMemberManifestIsAFindingAndTheRestOfTheWorkspaceIsScanned(@TempDir Path repository) throws Exception {
        TestCrates.repository(repository, Map.of(
                "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
                "crates/good/Cargo.toml", "[package]\nname = \"good\"\nversion = \"0.1.0\"\n",
                "crates/good/src/lib.rs", "//! Good.\npub fn f(x: Option<u8>) -> u8 { x.unwrap() }\n",
                "crates/broken/Cargo.toml", "[package]\nname = \"broken\"\nversion = ",
                "crates/broken/src/lib.rs", "//! Broken manifest, readable code.\npub fn g(x: Option<u8>) -> u8 { x.unwrap() }\n"));
        try (Analyzer analyzer = TestAnalyzers.create(AnalyzerSettings.defaults())) {
            AnalysisResult result = analyzer.analyze(repository);
            assertEquals(List.of("broken", "good"), result.crates().stream().map(c -> c.crate().name()).toList());
            CrateResult broken = result.crates().getFirst();
            assertTrue(broken.findings().stream().anyMatch(f -> f.checkId().equals("parse_error")
                    && f.path().equals("crates/broken/Cargo.toml") && f.message().contains("invalid TOML")));
            assertTrue(broken.findings().stream().anyMatch(f -> f.checkId().equals("unwrap_used")),
                    "the code of the member with the broken manifest is still analysed");
            assertTrue(result.problems().stream().anyMatch(p -> p.startsWith("crates/broken/Cargo.toml")));
        }
    }

    @Test
    void noManifestIsAClearError() {
        ManifestException error = assertThrows(ManifestException.class, () -> discover(Map.of("main.rs", "")));
        assertTrue(error.getMessage().contains("no Cargo.toml"), error.getMessage());
    }
}
