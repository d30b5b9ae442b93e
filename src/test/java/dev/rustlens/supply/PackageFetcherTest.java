package dev.rustlens.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.config.TestConfig;
import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.supply.PackageFetcher.Fetched;
import dev.rustlens.supply.PackageFetcher.Found;
import dev.rustlens.supply.PackageFetcher.Missing;
import dev.rustlens.supply.PackageUnsafe.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching locked packages from each kind of source, checking them against their checksum, and
 * analysing them as a dependent builds them, on Debian's packaged crates and a loopback registry.
 */
@Tag("fast")
class PackageFetcherTest {

    static final Path CORPUS = Path.of("/usr/share/cargo/registry");
    static final PackageSource CRATES_IO = PackageSource.parse(
            Optional.of("registry+https://github.com/rust-lang/crates.io-index"));
    private static final String VERSION = "package-fetcher-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Analyzer analyzer;

    @BeforeAll
    static void startAnalyzer() {
        analyzer = new Analyzer(CheckCatalogue.load(), AnalyzerSettings.defaults());
    }

    @AfterAll
    static void stopAnalyzer() {
        analyzer.close();
    }

    /** A crates.io package of the corpus, locked with the checksum its .cargo-checksum.json gives. */
    static LockedPackage corpusPackage(String name, String version) throws IOException {
        return locked(name, version, checksumOf(CORPUS.resolve(name + "-" + version)));
    }

    static LockedPackage locked(String name, String version, String checksum) {
        return new LockedPackage(name, version, CRATES_IO, Optional.of(checksum), 7);
    }

    static String checksumOf(Path directory) throws IOException {
        return JSON.readTree(directory.resolve(".cargo-checksum.json").toFile()).path("package").asText();
    }

    private static PackageFetcher fetcher(Path workDir, String sources, String... limits) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of("rustlens.work-dir", workDir.toString(),
                "rustlens.outbound.allow", "127.0.0.0/8",
                "rustlens.outbound.trusted-certificates", LoopbackGitServer.CERTIFICATE.toString(),
                "rustlens.outbound.read-timeout", "5s"));
        for (int i = 0; i < limits.length; i += 2) {
            properties.put(limits[i], limits[i + 1]);
        }
        var config = TestConfig.of(properties);
        return new PackageFetcher(DependencySource.parse(List.of(sources.split(","))), new OutboundPolicy(config),
                config.archive(), () -> false);
    }

    private static long in(int seconds) {
        return System.nanoTime() + seconds * 1_000_000_000L;
    }

    private static PackageUnsafe analysed(LockedPackage locked, Fetched fetched) throws IOException, ManifestException {
        Found found = assertInstanceOf(Found.class, fetched, () -> fetched.toString());
        return PackageAnalysis.analyse(locked, found.tree(), analyzer, VERSION);
    }

    @Test
    void aCorpusCratesFiguresAreTheEnginesForItsLibrary(@TempDir Path work) throws Exception {
        LockedPackage memchr = corpusPackage("memchr", "2.5.0");
        PackageUnsafe figures = analysed(memchr, fetcher(work, "directory:" + CORPUS).fetch(memchr, work, in(30)));

        CrateResult engine = analyzer.analyze(CORPUS.resolve("memchr-2.5.0")).crates().getFirst();
        assertEquals(Status.ANALYSED, figures.status());
        assertEquals("", figures.reason());
        assertEquals(engine.metrics().get(Metric.UNSAFE_BLOCKS), figures.unsafeBlocks());
        assertEquals(engine.metrics().get(Metric.UNSAFE_FUNCTIONS), figures.unsafeFunctions());
        assertEquals(engine.metrics().get(Metric.UNSAFE_METHODS), figures.unsafeMethods());
        assertEquals(engine.metrics().get(Metric.UNSAFE_IMPLS), figures.unsafeImpls());
        assertEquals(engine.metrics().get(Metric.UNSAFE_TRAITS), figures.unsafeTraits());
        assertEquals(engine.metrics().get(Metric.EXTERN_BLOCKS), figures.externBlocks());
        assertEquals(engine.metrics().get(Metric.LIBRARY_CODE_LINES), figures.codeLines());
        assertTrue(figures.unsafeBlocks() > 10 && figures.unsafeFunctions() > 10 && figures.usesUnsafe(),
                figures.toString());
        assertFalse(figures.forbidsUnsafe());
        assertTrue(List.of("A", "B", "C", "D", "E").contains(figures.unsafeRating()), figures.unsafeRating());
        assertEquals(memchr.checksum().orElseThrow(), figures.checksum());
        assertEquals(VERSION, figures.analyzerVersion());
    }

    @Test
    void scopeguardCountsAsCargoGeigersRulesCountIt(@TempDir Path work) throws Exception {
        // src/lib.rs by hand: unsafe blocks at lines 351 and 455, `unsafe impl Sync` at 422, an
        // `unsafe {` in a doc comment (135) that is no code; examples/readme.rs is not built.
        LockedPackage scopeguard = corpusPackage("scopeguard", "1.1.0");
        PackageUnsafe figures = analysed(scopeguard, fetcher(work, "directory:" + CORPUS).fetch(scopeguard, work, in(30)));
        assertEquals(List.of(2, 0, 0, 1, 0, 0), List.of(figures.unsafeBlocks(), figures.unsafeFunctions(),
                figures.unsafeMethods(), figures.unsafeImpls(), figures.unsafeTraits(), figures.externBlocks()));
        assertEquals(1, figures.files());
        assertFalse(figures.forbidsUnsafe());
    }

    @Test
    void aCrateThatForbidsUnsafeCodeSaysSo(@TempDir Path work) throws Exception {
        LockedPackage base64 = corpusPackage("base64", "0.13.0");
        PackageUnsafe figures = analysed(base64, fetcher(work, "directory:" + CORPUS).fetch(base64, work, in(30)));
        assertTrue(figures.forbidsUnsafe());
        assertFalse(figures.usesUnsafe());
        assertEquals("A", figures.unsafeRating(), figures.toString());
    }

    @Test
    void onlyWhatADependentBuildsCounts(@TempDir Path registry) throws Exception {
        // The library and its build script count; a binary, a test, a bench and an example do not.
        Path crate = registry.resolve("mixed-0.1.0");
        Map<String, String> files = Map.of(
                "Cargo.toml", "[package]\nname = \"mixed\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n",
                "build.rs", "fn main() {\n    unsafe { std::env::set_var(\"X\", \"1\") }\n}\n",
                "src/main.rs", "fn main() {\n    unsafe { libc_call() }\n}\nunsafe fn libc_call() {}\n",
                "src/bin/tool.rs", "unsafe impl Send for T {}\nstruct T;\nfn main() {}\n",
                "tests/it.rs", "#[test]\nfn t() {\n    unsafe {}\n}\n",
                "benches/b.rs", "fn main() {\n    unsafe {}\n}\n",
                "examples/e.rs", "extern \"C\" {\n    fn abs(x: i32) -> i32;\n}\nfn main() {}\n",
                ".cargo-checksum.json", "{\"package\":\"" + "d".repeat(64) + "\",\"files\":{}}");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(crate.resolve(file.getKey()).getParent());
            Files.writeString(crate.resolve(file.getKey()), file.getValue());
        }
        LockedPackage mixed = locked("mixed", "0.1.0", "d".repeat(64));
        PackageUnsafe figures = analysed(mixed, fetcher(registry, "directory:" + registry).fetch(mixed, registry, in(30)));
        assertEquals(List.of(2, 0, 0, 0, 0, 0), List.of(figures.unsafeBlocks(), figures.unsafeFunctions(),
                figures.unsafeMethods(), figures.unsafeImpls(), figures.unsafeTraits(), figures.externBlocks()));
        assertEquals(2, figures.files());
    }

    @Test
    void aChecksumThatIsNotTheLocksIsRefusedBeforeAnythingIsRead(@TempDir Path work) throws Exception {
        LockedPackage wrong = locked("memchr", "2.5.0", "0".repeat(64));
        Missing missing = assertInstanceOf(Missing.class, fetcher(work, "directory:" + CORPUS).fetch(wrong, work, in(30)));
        assertEquals(Status.CHECKSUM_MISMATCH, missing.status());
        assertTrue(missing.reason().contains("0".repeat(64)) && missing.reason().contains(checksumOf(
                CORPUS.resolve("memchr-2.5.0"))), missing.reason());
    }

    @Test
    void aPackageNoSourceHoldsIsUnavailable(@TempDir Path work) throws Exception {
        Missing missing = assertInstanceOf(Missing.class, fetcher(work, "vendor,directory:" + CORPUS)
                .fetch(locked("memchr", "9.9.9", "a".repeat(64)), work, in(30)));
        assertEquals(Status.UNAVAILABLE, missing.status());
        assertTrue(missing.reason().contains("no configured source holds it"), missing.reason());
    }

    @Test
    void onlyRegistryPackagesWithACheckableChecksumAreFetched() {
        assertTrue(PackageFetcher.notFetchable(new LockedPackage("x", "1.0.0", PackageSource.parse(Optional.of(
                "git+https://github.com/x/x?rev=1#abc")), Optional.empty(), 3)).orElseThrow().contains("git dependency"));
        assertTrue(PackageFetcher.notFetchable(new LockedPackage("x", "1.0.0", PackageSource.PATH, Optional.empty(), 3))
                .orElseThrow().contains("path dependency"));
        assertTrue(PackageFetcher.notFetchable(new LockedPackage("x", "1.0.0", CRATES_IO, Optional.empty(), 3))
                .orElseThrow().contains("no checksum"));
        assertTrue(PackageFetcher.notFetchable(locked("x", "1.0.0", "not-hex")).orElseThrow().contains("line 7"));
        assertTrue(PackageFetcher.notFetchable(locked("../../etc", "1.0.0", "a".repeat(64))).isPresent());
        assertEquals(Optional.empty(), PackageFetcher.notFetchable(locked("memchr", "2.5.0", "a".repeat(64))));
    }

    @Test
    void aVendoredCopyIsCheckedFileByFileAgainstItsChecksumFile(@TempDir Path repository) throws Exception {
        LockedPackage scopeguard = corpusPackage("scopeguard", "1.1.0");
        Path copy = vendor(repository, "vendor/scopeguard", CORPUS.resolve("scopeguard-1.1.0"));
        DirectorySourceTree tree = new DirectorySourceTree(repository);
        var vendored = PackageFetcher.vendoredPackages(tree);
        assertEquals(java.util.Set.of("vendor/scopeguard"), vendored);
        String directory = PackageFetcher.vendoredDirectory(scopeguard, tree, vendored).orElseThrow();
        PackageUnsafe figures = analysed(scopeguard, PackageFetcher.vendored(scopeguard, tree, directory));
        assertEquals(2, figures.unsafeBlocks());
        assertEquals(1, figures.unsafeImpls());

        // Another version in vendor/<name>/ is not this package.
        assertEquals(Optional.empty(), PackageFetcher.vendoredDirectory(locked("scopeguard", "1.2.0", "a".repeat(64)),
                tree, vendored));

        Files.writeString(copy.resolve("src/lib.rs"), "\nfn patched() { unsafe {} }\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Missing tampered = assertInstanceOf(Missing.class, PackageFetcher.vendored(scopeguard,
                new DirectorySourceTree(repository), directory));
        assertEquals(Status.CHECKSUM_MISMATCH, tampered.status());
        assertTrue(tampered.reason().startsWith("vendor/scopeguard/src/lib.rs has SHA-256"), tampered.reason());
    }

    /** Copies a corpus crate to {@code target} in the repository as {@code cargo vendor} does, with its file map. */
    static Path vendor(Path repository, String target, Path crate) throws IOException {
        Path copy = repository.resolve(target);
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(crate)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = crate.relativize(file).toString();
                if (relative.equals(".cargo-checksum.json")) {
                    continue;
                }
                Files.createDirectories(copy.resolve(relative).getParent());
                Files.copy(file, copy.resolve(relative));
                files.put(relative, CargoChecksum.sha256(Files.readAllBytes(file)));
            }
        }
        Files.writeString(copy.resolve(".cargo-checksum.json"), JSON.writeValueAsString(
                Map.of("package", checksumOf(crate), "files", files)));
        return copy;
    }

    @Test
    void aCrateFromTheRegistryIsCheckedUnpackedAndAnalysed(@TempDir Path work) throws Exception {
        byte[] archive = LoopbackRegistry.crateOf(CORPUS.resolve("scopeguard-1.1.0"), "scopeguard", "1.1.0");
        try (LoopbackRegistry registry = new LoopbackRegistry()) {
            registry.serve("scopeguard", "1.1.0", archive);
            LockedPackage scopeguard = locked("scopeguard", "1.1.0", CargoChecksum.sha256(archive));
            Fetched fetched = fetcher(work, registry.source()).fetch(scopeguard, work, in(30));
            assertTrue(((Found) fetched).source().endsWith("/crates/scopeguard/scopeguard-1.1.0.crate"));
            PackageUnsafe figures = analysed(scopeguard, fetched);
            assertEquals(2, figures.unsafeBlocks());
            assertEquals(1, figures.unsafeImpls());

            Missing mismatch = assertInstanceOf(Missing.class, fetcher(work.resolve("other"), registry.source())
                    .fetch(locked("scopeguard", "1.1.0", "b".repeat(64)), Files.createDirectories(work.resolve("m")),
                            in(30)));
            assertEquals(Status.CHECKSUM_MISMATCH, mismatch.status());
            assertTrue(mismatch.reason().contains(CargoChecksum.sha256(archive)), mismatch.reason());

            Missing absent = assertInstanceOf(Missing.class, fetcher(work, registry.source())
                    .fetch(locked("scopeguard", "0.1.0", "b".repeat(64)), Files.createDirectories(work.resolve("a")),
                            in(30)));
            assertEquals(Status.UNAVAILABLE, absent.status());
            assertTrue(absent.reason().contains("HTTP 404"), absent.reason());

            LockedPackage elsewhere = new LockedPackage("scopeguard", "1.1.0", PackageSource.parse(
                    Optional.of("sparse+https://registry.example/")), Optional.of(CargoChecksum.sha256(archive)), 9);
            Missing notCratesIo = assertInstanceOf(Missing.class, fetcher(work, registry.source())
                    .fetch(elsewhere, Files.createDirectories(work.resolve("e")), in(30)));
            assertTrue(notCratesIo.reason().contains("only crates.io's packages are downloaded"), notCratesIo.reason());
        }
    }

    @Test
    void aHostileOrOversizedArchiveIsRefused(@TempDir Path work) throws Exception {
        byte[] escaping = LoopbackRegistry.archiveOf(List.of(
                Map.entry("evil-1.0.0/Cargo.toml", "[package]\nname = \"evil\"\nversion = \"1.0.0\"\n".getBytes()),
                Map.entry("evil-1.0.0/../../escaped.rs", "fn main() {}".getBytes())));
        byte[] oversized = LoopbackRegistry.archiveOf(List.of(
                Map.entry("big-1.0.0/Cargo.toml", "[package]\nname = \"big\"\nversion = \"1.0.0\"\n".getBytes()),
                Map.entry("big-1.0.0/src/lib.rs", "// padding\n".repeat(20_000).getBytes())));
        try (LoopbackRegistry registry = new LoopbackRegistry()) {
            registry.serve("evil", "1.0.0", escaping);
            registry.serve("big", "1.0.0", oversized);
            PackageFetcher fetcher = fetcher(work.resolve("w"), registry.source(),
                    "rustlens.archive.max-file-bytes", "100000");

            Missing evil = assertInstanceOf(Missing.class, fetcher.fetch(locked("evil", "1.0.0",
                    CargoChecksum.sha256(escaping)), Files.createDirectories(work.resolve("evil")), in(30)));
            assertEquals(Status.REFUSED, evil.status());
            assertTrue(evil.reason().contains("points outside the archive"), evil.reason());
            assertFalse(Files.exists(work.resolve("escaped.rs")));

            Missing big = assertInstanceOf(Missing.class, fetcher.fetch(locked("big", "1.0.0",
                    CargoChecksum.sha256(oversized)), Files.createDirectories(work.resolve("big")), in(30)));
            assertEquals(Status.REFUSED, big.status());
            assertTrue(big.reason().contains("rustlens.archive.max-file-bytes"), big.reason());
        }
    }

    @Test
    void aRegistryThatNeverAnswersTimesOutWithinTheBudget(@TempDir Path work) throws Exception {
        try (LoopbackRegistry registry = new LoopbackRegistry()) {
            registry.stall("slow", "1.0.0");
            long started = System.nanoTime();
            Missing slow = assertInstanceOf(Missing.class, fetcher(work, registry.source())
                    .fetch(locked("slow", "1.0.0", "c".repeat(64)), work, in(1)));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Status.TIMED_OUT, slow.status(), slow.reason());
            assertTrue(millis < 3_000, millis + " ms");
        }
    }

    @Test
    void aRegistryThatLeftADownloadUnansweredIsNotAskedAgainForAWhile(@TempDir Path work) throws Exception {
        byte[] archive = LoopbackRegistry.crateOf(CORPUS.resolve("scopeguard-1.1.0"), "scopeguard", "1.1.0");
        try (LoopbackRegistry registry = new LoopbackRegistry()) {
            registry.stall("slow", "1.0.0");
            registry.serve("scopeguard", "1.1.0", archive);
            PackageFetcher fetcher = fetcher(work, registry.source());
            Path scratch = Files.createDirectories(work.resolve("slow"));
            assertEquals(Status.TIMED_OUT, ((Missing) fetcher.fetch(locked("slow", "1.0.0", "c".repeat(64)), scratch,
                    in(1))).status());

            long started = System.nanoTime();
            Missing next = assertInstanceOf(Missing.class, fetcher.fetch(locked("scopeguard", "1.1.0",
                    CargoChecksum.sha256(archive)), Files.createDirectories(work.resolve("next")), in(30)));
            assertEquals(Status.TIMED_OUT, next.status());
            assertTrue(next.reason().contains("not asked again"), next.reason());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 500);
            assertEquals(0, registry.requests("scopeguard", "1.1.0"));
        }
    }
}
