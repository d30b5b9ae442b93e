package dev.rustlens.analysis.dependencies;

import static dev.rustlens.analysis.dependencies.DependencyFixtures.headerLine;
import static dev.rustlens.analysis.dependencies.DependencyFixtures.lock;
import static dev.rustlens.analysis.dependencies.DependencyFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class CargoLockTest {

    private static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";

    @ParameterizedTest
    @CsvSource({"v1-root, 1, 2", "v1-ripgrep, 1, 65", "v2-ripgrep, 2, 68", "standalone-v3, 3, 6",
        "large-v3, 3, 1048", "workspace-v4, 4, 22"})
    void everyFormatParsesWithEachEntryOnItsHeaderLine(String fixture, int version, int entries) throws Exception {
        CargoLock lock = lock(fixture);
        String text = text(fixture, "Cargo.lock");

        assertTrue(lock.parsed());
        assertEquals(version, lock.version());
        assertEquals(entries, lock.packages().size());
        for (LockedPackage locked : lock.packages()) {
            assertEquals(headerLine(text, locked.name(), locked.version()), locked.line(), locked.key());
            // Every registry entry has its checksum, inline or from version 1's [metadata], unless it is a problem.
            boolean problem = lock.problems().stream().anyMatch(p -> p.line() == locked.line());
            assertEquals(locked.source().kind() == PackageSource.Kind.REGISTRY && !problem, locked.checksum().isPresent(),
                    locked.key());
        }
        if (!fixture.equals("workspace-v4")) {
            assertEquals(List.of(), lock.problems());
        }
    }

    @Test
    void versionOneKeepsChecksumsInMetadataAndNamesSourcesInReferences() throws Exception {
        CargoLock lock = lock("v1-ripgrep");

        LockedPackage memchr = find(lock, "memchr", "2.3.3");
        assertEquals(CRATES_IO, memchr.source().text());
        assertTrue(memchr.source().cratesIo());
        assertEquals(Optional.of("3728d817d99e5ac407411fa471ff9800a778d88a24685968b36824eaf4bee400"), memchr.checksum());
        assertEquals(List.of("memchr 2.3.3"), keys(lock.dependencies(find(lock, "aho-corasick", "0.7.10"))));
        // A member is a path entry, referenced without a source.
        LockedPackage ripgrep = find(lock, "ripgrep", "12.1.1");
        assertEquals(PackageSource.PATH, ripgrep.source());
        assertTrue(keys(lock.dependencies(ripgrep)).contains("grep 0.2.7"));
    }

    @Test
    void theOldestFilesRootTableIsAnEntry() throws Exception {
        CargoLock lock = lock("v1-root");

        LockedPackage root = find(lock, "advent-2017", "0.1.0");
        assertEquals(1, root.line());
        assertEquals(PackageSource.PATH, root.source());
        assertEquals(List.of("nom 2.2.1"), keys(lock.dependencies(root)));
        assertEquals(Optional.of("cf51a729ecf40266a2368ad335a5fdde43471f545a967109cd62146ecf8b66ff"),
                find(lock, "nom", "2.2.1").checksum());
    }

    @Test
    void versionTwoReferencesCarryAVersionOnlyWhereTwoVersionsAreLocked() throws Exception {
        CargoLock lock = lock("v2-ripgrep");
        String text = text("v2-ripgrep", "Cargo.lock");

        assertTrue(text.contains(" \"cfg-if 0.1.10\",") && text.contains(" \"cfg-if 1.0.0\","));
        assertTrue(keys(lock.dependencies(find(lock, "log", "0.4.13"))).contains("cfg-if 0.1.10"));
        assertTrue(keys(lock.dependencies(find(lock, "encoding_rs", "0.8.26"))).contains("cfg-if 1.0.0"));
        assertEquals(List.of("memchr 2.3.4"), keys(lock.dependencies(find(lock, "aho-corasick", "0.7.15"))));
    }

    @Test
    void versionFourKeepsAnUrlEncodedGitSourceAsWritten() throws Exception {
        CargoLock lock = lock("workspace-v4");

        LockedPackage gitdep = find(lock, "gitdep", "0.5.0");
        assertEquals(PackageSource.Kind.GIT, gitdep.source().kind());
        assertEquals("git+file:///tmp/lockgraph/gitdep?branch=feature%2Flocks#f61a3a712652deb55b1999b26e661095dd7d4065",
                gitdep.source().text());
        assertEquals(Optional.empty(), gitdep.checksum());
        // The lock names its git dependency without the commit, and a path package by name and version.
        assertTrue(keys(lock.dependencies(find(lock, "app", "0.1.0"))).containsAll(List.of("gitdep 0.5.0", "either 1.6.1")));
        assertEquals(List.of("cfg-if 1.0.0", "either 0.1.0"), keys(lock.dependencies(find(lock, "helper", "0.3.0"))));
    }

    @Test
    void aChecksumThatIsNoDigestIsAProblemOnItsEntry() throws Exception {
        // Debian's crate directory has no archive checksum for some crates, and cargo wrote its message instead.
        CargoLock lock = lock("workspace-v4");
        String text = text("workspace-v4", "Cargo.lock");

        List<String> expected = List.of("cfg-if 1.0.0", "getrandom 0.2.8", "log 0.4.17", "quickcheck 1.0.3", "rand 0.8.5");
        assertEquals(expected.size(), lock.problems().size());
        for (int i = 0; i < expected.size(); i++) {
            String[] key = expected.get(i).split(" ");
            LockProblem problem = lock.problems().get(i);
            assertEquals(headerLine(text, key[0], key[1]), problem.line());
            assertEquals(expected.get(i) + ": checksum \"Could not get crate checksum\" is not a SHA-256 digest; "
                    + "Cargo cannot verify the download against it", problem.message());
            assertEquals(Optional.empty(), find(lock, key[0], key[1]).checksum());
        }
    }

    @Test
    void brokenTomlIsAProblemOnItsLine() throws Exception {
        String text = text("standalone-v3", "Cargo.lock").replace("name = \"smallvec\"", "name = \"smallvec");

        CargoLock lock = CargoLock.parse("Cargo.lock", text);

        assertFalse(lock.parsed());
        assertEquals(0, lock.version());
        assertEquals(List.of(), lock.packages());
        assertEquals(1, lock.problems().size());
        LockProblem problem = lock.problems().get(0);
        assertEquals(headerLine(text("standalone-v3", "Cargo.lock"), "smallvec", "1.9.0") + 1, problem.line());
        assertTrue(problem.message().startsWith("does not parse as TOML: "), problem.message());
    }

    @Test
    void aReferenceToNoEntryIsAProblemOnItsLineAndTheRestStillResolves() throws Exception {
        String original = text("standalone-v3", "Cargo.lock");
        String text = original.replace(" \"smallvec\",", " \"smallvec 2.0.0\",");

        CargoLock lock = CargoLock.parse("Cargo.lock", text);

        assertTrue(lock.parsed());
        int line = text.lines().toList().indexOf(" \"smallvec 2.0.0\",") + 1;
        assertEquals(List.of(new LockProblem("Cargo.lock", line,
                "solo 1.0.0: dependency \"smallvec 2.0.0\" matches no entry of the lock file")), lock.problems());
        assertEquals(List.of("bytes 1.2.1", "winapi 0.3.9"), keys(lock.dependencies(find(lock, "solo", "1.0.0"))));
    }

    @Test
    void anUnknownSourceLeavesItsEntryOutWithOneProblem() throws Exception {
        String original = text("standalone-v3", "Cargo.lock");
        int bytesLine = headerLine(original, "bytes", "1.2.1");
        String text = original.replaceFirst("source = \"registry\\+https://github.com/rust-lang/crates.io-index\"",
                "source = \"svn+https://example.org/bytes\"");

        CargoLock lock = CargoLock.parse("Cargo.lock", text);

        assertEquals(List.of(new LockProblem("Cargo.lock", bytesLine,
                "bytes 1.2.1: unknown package source 'svn+https://example.org/bytes'; left out")), lock.problems());
        assertEquals(5, lock.packages().size());
        assertEquals(List.of("smallvec 1.9.0", "winapi 0.3.9"), keys(lock.dependencies(find(lock, "solo", "1.0.0"))));
    }

    @Test
    void aVersionCargoDoesNotKnowOrAFileThatIsNoLockIsNotParsed() throws Exception {
        String text = text("workspace-v4", "Cargo.lock").replace("version = 4", "version = 9");

        CargoLock future = CargoLock.parse("Cargo.lock", text);
        CargoLock manifest = CargoLock.parse("Cargo.lock", "[profile.release]\nlto = true\n");

        assertFalse(future.parsed());
        assertEquals(List.of(new LockProblem("Cargo.lock", 3,
                "lock file version 9 is not one Cargo reads (3 or 4, or none for the older formats)")), future.problems());
        assertFalse(manifest.parsed());
        assertEquals(List.of(new LockProblem("Cargo.lock", 1,
                "has neither a `version` nor [[package]] entries: it is not a Cargo lock file")), manifest.problems());
    }

    @Test
    void everyTruncationOfARealLockReadsOrIsAProblemNeverAnException() throws Exception {
        for (String fixture : List.of("v1-ripgrep", "workspace-v4")) {
            String text = text(fixture, "Cargo.lock");
            for (int end = 0; end < text.length(); end += 41) {
                CargoLock lock = CargoLock.parse("Cargo.lock", text.substring(0, end));
                assertTrue(lock.parsed() || !lock.problems().isEmpty(), fixture + " cut at " + end);
                assertTrue(lock.problems().stream().allMatch(p -> p.line() >= 1 && p.line() <= text.lines().count()),
                        fixture + " cut at " + end);
            }
        }
    }

    static LockedPackage find(CargoLock lock, String name, String version) {
        return lock.packages().stream().filter(p -> p.name().equals(name) && p.version().equals(version)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " " + version + " is not locked"));
    }

    static List<String> keys(List<LockedPackage> packages) {
        return packages.stream().map(LockedPackage::key).toList();
    }
}
