package dev.rustlens.analysis.dependencies;

import static dev.rustlens.analysis.dependencies.DependencyFixtures.ROOT;
import static dev.rustlens.analysis.dependencies.DependencyFixtures.graph;
import static dev.rustlens.analysis.dependencies.DependencyFixtures.graphs;
import static dev.rustlens.analysis.dependencies.DependencyFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class RepositoryDependenciesTest {

    @TempDir
    Path repository;

    @ParameterizedTest
    @ValueSource(strings = {"workspace-v4", "standalone-v3"})
    void kindsDepthsDependentsAndParentsAreWhatCargoTreeShows(String fixture) throws Exception {
        DependencyGraph graph = graph(fixture);
        Map<String, CargoTree.Expected> tree = CargoTree.read(text(fixture, "cargo-tree.txt"), Set.copyOf(graph.members()));

        assertEquals(tree.keySet(), Set.copyOf(graph.packages().stream().map(p -> p.locked().key()).toList()));
        for (ResolvedPackage resolved : graph.packages()) {
            CargoTree.Expected expected = tree.get(resolved.locked().key());
            String key = resolved.locked().key();
            assertEquals(expected.kind, resolved.kind(), key);
            assertEquals(expected.depth, resolved.depth(), key);
            assertEquals(List.copyOf(expected.dependents), resolved.dependents(), key);
            assertEquals(List.copyOf(expected.parents), resolved.parents(), key);
            assertEquals(List.copyOf(expected.dependencies), resolved.dependencies(), key);
        }
    }

    @Test
    void aWorkspaceGraphNamesItsLockMembersAndDeclarations() throws Exception {
        DependencyGraph graph = graph("workspace-v4");

        assertEquals("", graph.root());
        assertEquals(Optional.of("Cargo.lock"), graph.lockPath());
        assertTrue(graph.locked());
        assertEquals(4, graph.lockVersion());
        assertEquals(List.of("app", "util"), graph.members());
        // Sorted by name then version; path packages outside the workspace are packages.
        assertEquals(List.of("autocfg 1.1.0", "cc 1.0.73", "cfg-if 1.0.0", "either 0.1.0", "either 1.6.1", "getrandom 0.2.8",
                "gitdep 0.5.0", "helper 0.3.0", "itoa 1.0.1", "libc 0.2.139", "log 0.4.17", "memchr 2.5.0", "quickcheck 1.0.3",
                "rand 0.8.5", "rand_core 0.6.3", "ryu 1.0.2", "serde 1.0.152", "serde_json 1.0.87", "static_assertions 1.1.0",
                "version_check 0.9.4"), graph.packages().stream().map(p -> p.locked().key()).toList());
        assertEquals(PackageSource.Kind.PATH, find(graph, "helper 0.3.0").locked().source().kind());
        assertEquals(new DeclaredDependency("app", "serde_json", "1.0", DependencyKind.NORMAL, false, Optional.empty(),
                "app/Cargo.toml", 9), graph.declared().get(2));
        assertEquals(new DeclaredDependency("app", "libc", "0.2", DependencyKind.NORMAL, false, Optional.of("cfg(unix)"),
                "app/Cargo.toml", 14), graph.declared().get(10));
        assertEquals(new DeclaredDependency("util", "static_assertions", "1", DependencyKind.DEV, false, Optional.empty(),
                "util/Cargo.toml", 10), graph.declared().get(13));
        assertEquals(14, graph.declared().size());
        // Only the checksums Debian's directory could not give.
        assertEquals(5, graph.problems().size());
        assertTrue(graph.problems().stream().allMatch(p -> p.message().contains("is not a SHA-256 digest")));
    }

    @Test
    void realWorkspacesInEveryLockFormatReachEveryEntry() throws Exception {
        for (String fixture : List.of("v1-ripgrep", "v2-ripgrep", "large-v3")) {
            DependencyGraph graph = graph(fixture);
            CargoLock lock = DependencyFixtures.lock(fixture);

            assertEquals(List.of(), graph.problems(), fixture);
            assertEquals(lock.packages().size(), graph.members().size() + graph.packages().size(), fixture);
            assertTrue(graph.packages().stream().allMatch(p -> p.depth() > 0 && !p.dependents().isEmpty()), fixture);
            assertEquals(lock.version(), graph.lockVersion());
        }
        DependencyGraph ripgrep = graph("v1-ripgrep");
        assertEquals(List.of("globset", "grep", "grep-cli", "grep-matcher", "grep-pcre2", "grep-printer", "grep-regex",
                "grep-searcher", "ignore", "ripgrep"), ripgrep.members());
        ResolvedPackage pcre2 = find(ripgrep, "pcre2 0.2.3");
        assertEquals(DependencyKind.NORMAL, pcre2.kind());
        assertEquals(List.of("grep-pcre2 0.1.4"), pcre2.parents());
        assertEquals(List.of("grep", "grep-pcre2", "ripgrep"), pcre2.dependents());
    }

    @Test
    void aRepositoryWithoutALockStillListsWhatItDeclares() throws Exception {
        copy("standalone-v3", "Cargo.toml", "Cargo.toml");
        copy("standalone-v3", "src/lib.rs", "src/lib.rs");

        DependencyGraph graph = graphs(repository).get(0);

        assertFalse(graph.locked());
        assertEquals(0, graph.lockVersion());
        assertEquals(List.of("solo"), graph.members());
        assertEquals(List.of(), graph.packages());
        assertEquals(List.of("bytes", "smallvec", "winapi"), graph.declared().stream().map(DeclaredDependency::name).toList());
        assertEquals(List.of(), graph.problems());
    }

    @Test
    void aLockThatDoesNotParseIsAProblemAndNoLock() throws Exception {
        copy("standalone-v3", "Cargo.toml", "Cargo.toml");
        Files.writeString(repository.resolve("Cargo.lock"), "version = 3\n\n[[package]]\nname = \"solo\n");

        DependencyGraph graph = graphs(repository).get(0);

        assertFalse(graph.locked());
        assertEquals(1, graph.problems().size());
        assertEquals("Cargo.lock", graph.problems().get(0).path());
        assertEquals(4, graph.problems().get(0).line());
        assertEquals(3, graph.declared().size());
    }

    @Test
    void aLockLargerThanTheLimitIsNotRead() throws Exception {
        copy("standalone-v3", "Cargo.toml", "Cargo.toml");
        String lock = text("standalone-v3", "Cargo.lock");
        StringBuilder huge = new StringBuilder(lock);
        while (huge.length() <= RepositoryDependencies.MAX_LOCK_BYTES) {
            huge.append("# padding to make the lock file larger than rustlens reads\n");
        }
        Files.writeString(repository.resolve("Cargo.lock"), huge);

        DependencyGraph graph = graphs(repository).get(0);

        assertFalse(graph.locked());
        assertEquals(List.of(new LockProblem("Cargo.lock", 1, "the lock file is " + huge.length()
                + " bytes, more than the 16 MiB rustlens reads; its packages are not listed")), graph.problems());
    }

    @Test
    void eachWorkspaceAndStandaloneCrateIsItsOwnGraphSortedByRoot() throws Exception {
        for (String fixture : List.of("workspace-v4", "standalone-v3")) {
            try (var files = Files.walk(ROOT.resolve(fixture))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = repository.resolve(fixture.equals("standalone-v3") ? "tools/solo" : "ws")
                            .resolve(ROOT.resolve(fixture).relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }

        List<DependencyGraph> graphs = graphs(repository);

        assertEquals(List.of("tools/solo", "ws"), graphs.stream().map(DependencyGraph::root).toList());
        assertEquals(Optional.of("tools/solo/Cargo.lock"), graphs.get(0).lockPath());
        assertEquals(Optional.of("ws/Cargo.lock"), graphs.get(1).lockPath());
        assertEquals(List.of("bytes 1.2.1", "smallvec 1.9.0", "winapi 0.3.9", "winapi-i686-pc-windows-gnu 0.4.0",
                "winapi-x86_64-pc-windows-gnu 0.4.0"), graphs.get(0).packages().stream().map(p -> p.locked().key()).toList());
        assertEquals(List.of("app", "util"), graphs.get(1).members());
        assertTrue(graphs.get(1).problems().stream().allMatch(p -> p.path().equals("ws/Cargo.lock")));
    }

    @Test
    void anEntryNoMemberReachesIsListedAtDepthZero() throws Exception {
        copy("standalone-v3", "Cargo.toml", "Cargo.toml");
        String lock = text("standalone-v3", "Cargo.lock").replace(" \"smallvec\",\n", "");
        Files.writeString(repository.resolve("Cargo.lock"), lock);

        ResolvedPackage smallvec = find(graphs(repository).get(0), "smallvec 1.9.0");

        assertEquals(0, smallvec.depth());
        assertEquals(DependencyKind.NORMAL, smallvec.kind());
        assertEquals(List.of(), smallvec.dependents());
        assertEquals(List.of(), smallvec.parents());
    }

    @Test
    void versionsSortTheSemVerWay() {
        List<String> versions = new ArrayList<>(List.of("0.10.0", "0.9.1", "1.0.0", "1.0.0-alpha.5", "0.9.10", "1.0.0+build"));
        versions.sort(LockGraph::compareVersions);
        assertEquals(List.of("0.9.1", "0.9.10", "0.10.0", "1.0.0-alpha.5", "1.0.0", "1.0.0+build"), versions);
    }

    private void copy(String fixture, String file, String to) throws IOException {
        Path target = repository.resolve(to);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text(fixture, file), StandardCharsets.UTF_8);
    }

    private static ResolvedPackage find(DependencyGraph graph, String key) {
        return graph.packages().stream().filter(p -> p.locked().key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not in the graph"));
    }
}
