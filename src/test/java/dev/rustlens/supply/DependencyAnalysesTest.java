package dev.rustlens.supply;

import static dev.rustlens.supply.PackageFetcherTest.corpusPackage;
import static dev.rustlens.supply.PackageFetcherTest.locked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.config.TestConfig;
import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.supply.PackageUnsafe.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependency analyses as a scan calls them, on the real database: each package version is
 * analysed once for the whole server, whatever goes wrong with one package is that package's
 * answer, and a registry that never answers holds up nothing but its own package.
 */
@QuarkusTest
class DependencyAnalysesTest {

    private static Analyzer analyzer;

    @Inject
    DependencyAnalyses analyses;
    @Inject
    PackageAnalysisStore store;
    @Inject
    OutboundPolicy outbound;
    @Inject
    RustlensConfig config;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startAnalyzer() {
        analyzer = new Analyzer(CheckCatalogue.load(), AnalyzerSettings.defaults());
    }

    @AfterAll
    static void stopAnalyzer() {
        analyzer.close();
    }

    /** An analyzer version of this test alone, so that rows of earlier runs are not found. */
    private static String freshVersion() {
        return "dependency-test-" + UUID.randomUUID();
    }

    private static SourceTree emptyRepository(Path directory) {
        return new DirectorySourceTree(directory);
    }

    @Test
    void aSecondRepositoryAnalysesOnlyThePackagesNotSeenBefore(@TempDir Path repository) throws Exception {
        String version = freshVersion();
        LockedPackage memchr = corpusPackage("memchr", "2.5.0");
        LockedPackage scopeguard = corpusPackage("scopeguard", "1.1.0");
        LockedPackage base64 = corpusPackage("base64", "0.13.0");
        LockedPackage itoa = corpusPackage("itoa", "1.0.1");

        long before = analyses.packagesAnalysed();
        Map<String, PackageUnsafe> first = analyses.analyse(List.of(memchr, scopeguard, base64),
                emptyRepository(repository), analyzer, version, () -> false);
        assertEquals(3, analyses.packagesAnalysed() - before);
        assertEquals(List.of("memchr 2.5.0", "scopeguard 1.1.0", "base64 0.13.0"), List.copyOf(first.keySet()));
        first.values().forEach(outcome -> assertEquals(Status.ANALYSED, outcome.status(), outcome.toString()));
        Map<String, Instant> analysedAt = analysedAt(version);

        Map<String, PackageUnsafe> second = analyses.analyse(List.of(scopeguard, base64, itoa),
                emptyRepository(repository), analyzer, version, () -> false);
        assertEquals(4, analyses.packagesAnalysed() - before);
        assertEquals(first.get("scopeguard 1.1.0"), second.get("scopeguard 1.1.0"));
        assertEquals(first.get("base64 0.13.0"), second.get("base64 0.13.0"));
        assertEquals(Status.ANALYSED, second.get("itoa 1.0.1").status());
        Map<String, Instant> after = analysedAt(version);
        assertEquals(4, after.size());
        assertEquals(analysedAt.get("scopeguard"), after.get("scopeguard"));
        assertTrue(scratchIsEmpty(), "scratch directories are deleted");
    }

    @Test
    void twoScansAskingAtOnceShareOneAnalysisOfEachPackage(@TempDir Path repository) throws Exception {
        String version = freshVersion();
        List<LockedPackage> packages = List.of(corpusPackage("smallvec", "1.9.0"), corpusPackage("libc", "0.2.139"));
        long before = analyses.packagesAnalysed();
        CompletableFuture<Map<String, PackageUnsafe>> one = analyses.analyseAsync(packages, emptyRepository(repository),
                analyzer, version, () -> false);
        CompletableFuture<Map<String, PackageUnsafe>> other = analyses.analyseAsync(packages,
                emptyRepository(repository), analyzer, version, () -> false);
        assertEquals(one.join(), other.join());
        assertEquals(2, analyses.packagesAnalysed() - before);
        assertTrue(one.join().get("libc 0.2.139").externBlocks() > 0, one.join().toString());
    }

    @Test
    void packagesThatCannotBeAnalysedSayWhyAndAreNotKept(@TempDir Path repository) throws Exception {
        String version = freshVersion();
        LockedPackage git = new LockedPackage("gitdep", "0.1.0", PackageSource.parse(Optional.of(
                "git+https://github.com/example/gitdep?branch=main#0123456789abcdef")), Optional.empty(), 12);
        LockedPackage path = new LockedPackage("member", "0.1.0", PackageSource.PATH, Optional.empty(), 20);
        LockedPackage mismatch = locked("memchr", "2.5.0", "0".repeat(64));
        LockedPackage absent = locked("no-such-crate", "1.0.0", "1".repeat(64));
        LockedPackage vendored = corpusPackage("scopeguard", "1.1.0");
        PackageFetcherTest.vendor(repository, "vendor/scopeguard-1.1.0",
                PackageFetcherTest.CORPUS.resolve("scopeguard-1.1.0"));

        Map<String, PackageUnsafe> outcomes = analyses.analyse(List.of(git, path, mismatch, absent, vendored),
                new DirectorySourceTree(repository), analyzer, version, () -> false);
        assertEquals(Status.UNAVAILABLE, outcomes.get("gitdep 0.1.0").status());
        assertTrue(outcomes.get("gitdep 0.1.0").reason().contains("git dependency"));
        assertEquals(Status.UNAVAILABLE, outcomes.get("member 0.1.0").status());
        assertEquals(Status.CHECKSUM_MISMATCH, outcomes.get("memchr 2.5.0").status());
        assertEquals("", outcomes.get("memchr 2.5.0").unsafeRating());
        assertEquals(Status.UNAVAILABLE, outcomes.get("no-such-crate 1.0.0").status());
        assertEquals(Status.ANALYSED, outcomes.get("scopeguard 1.1.0").status());
        assertEquals(2, outcomes.get("scopeguard 1.1.0").unsafeBlocks());
        // A vendored copy is the repository's own (it may be patched): never kept for others.
        assertEquals(Map.of(), analysedAt(version));
    }

    @Test
    void aRegistryThatNeverAnswersHoldsUpOnlyItsOwnPackage(@TempDir Path work) throws Exception {
        String version = freshVersion();
        byte[] scopeguardCrate = LoopbackRegistry.crateOf(PackageFetcherTest.CORPUS.resolve("scopeguard-1.1.0"),
                "scopeguard", "1.1.0");
        byte[] hostile = LoopbackRegistry.archiveOf(List.of(Map.entry("evil-1.0.0/../../escaped.rs", new byte[1])));
        try (LoopbackRegistry registry = new LoopbackRegistry()) {
            registry.serve("scopeguard", "1.1.0", scopeguardCrate);
            registry.serve("evil", "1.0.0", hostile);
            registry.stall("slow", "1.0.0");
            DependencyAnalyses service = service(work, registry);
            try {
                List<LockedPackage> packages = List.of(locked("slow", "1.0.0", "2".repeat(64)),
                        locked("scopeguard", "1.1.0", CargoChecksum.sha256(scopeguardCrate)),
                        locked("evil", "1.0.0", CargoChecksum.sha256(hostile)));
                long started = System.nanoTime();
                Map<String, PackageUnsafe> outcomes = service.analyse(packages, emptyRepository(work), analyzer, version,
                        () -> false);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(Status.TIMED_OUT, outcomes.get("slow 1.0.0").status(), outcomes.toString());
                assertEquals(Status.ANALYSED, outcomes.get("scopeguard 1.1.0").status(), outcomes.toString());
                assertEquals(Status.REFUSED, outcomes.get("evil 1.0.0").status());
                assertTrue(outcomes.get("evil 1.0.0").reason().contains("points outside the archive"));
                assertTrue(millis < 4_000, millis + " ms");
                assertEquals(java.util.Set.of("scopeguard", "evil"), analysedAt(version).keySet());

                // Asked again: the analysed and the refused package come from the table. The slow one
                // times out again, whichever way the timing falls: joined while its first fetch is still
                // being given up (the same reason), or refused at once once that fetch has marked the
                // registry as one that left a download unanswered (a reason that says so).
                Map<String, PackageUnsafe> again = service.analyse(packages, emptyRepository(work), analyzer, version,
                        () -> false);
                assertEquals(Status.TIMED_OUT, again.get("slow 1.0.0").status(), again.toString());
                assertTrue(again.get("slow 1.0.0").reason().equals(outcomes.get("slow 1.0.0").reason())
                        || again.get("slow 1.0.0").reason().contains("left a download unanswered"), again.toString());
                Map<String, PackageUnsafe> firstOthers = new HashMap<>(outcomes);
                Map<String, PackageUnsafe> againOthers = new HashMap<>(again);
                firstOthers.remove("slow 1.0.0");
                againOthers.remove("slow 1.0.0");
                assertEquals(firstOthers, againOthers);
                assertEquals(1, registry.requests("scopeguard", "1.1.0"));
                assertEquals(1, registry.requests("evil", "1.0.0"));

            } finally {
                service.close();
            }
            // A scan that stops does not wait for the registry (a service of its own: the first
            // one does not ask the silent registry again for a minute).
            DependencyAnalyses stopping = service(work, registry);
            try {
                long started = System.nanoTime();
                PackageUnsafe stopped = stopping.analyse(List.of(locked("slow", "1.0.0", "2".repeat(64))),
                        emptyRepository(work), analyzer, freshVersion(), () -> true).get("slow 1.0.0");
                assertEquals(Status.TIMED_OUT, stopped.status());
                assertTrue(stopped.reason().contains("stopped"), stopped.reason());
                assertTrue((System.nanoTime() - started) / 1_000_000 < 900);
            } finally {
                stopping.close();
            }
            try (var left = Files.list(work.resolve("dependencies"))) {
                assertEquals(0, left.count(), "scratch directories are deleted");
            }
        }
    }

    /** A service of its own on {@code registry}: a timeout of 1 s, three packages at once. */
    private DependencyAnalyses service(Path work, LoopbackRegistry registry) {
        return new DependencyAnalyses(TestConfig.of(Map.of("rustlens.work-dir", work.toString(),
                "rustlens.dependencies.sources", registry.source(), "rustlens.dependencies.timeout", "1s",
                "rustlens.dependencies.threads", "3",
                "rustlens.outbound.trusted-certificates", LoopbackGitServer.CERTIFICATE.toString())), outbound, store);
    }

    /** When each package of this analyzer version was recorded, by name. */
    private Map<String, Instant> analysedAt(String version) throws Exception {
        Map<String, Instant> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select name, analysed_at from package_analysis where analyzer_version = ?")) {
            select.setString(1, version);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString("name"), result.getTimestamp("analysed_at").toInstant());
                }
            }
        }
        return rows;
    }

    private boolean scratchIsEmpty() throws Exception {
        Path scratch = config.workDir().resolve("dependencies");
        if (!Files.isDirectory(scratch)) {
            return true;
        }
        try (var left = Files.list(scratch)) {
            return left.findAny().isEmpty();
        }
    }
}
