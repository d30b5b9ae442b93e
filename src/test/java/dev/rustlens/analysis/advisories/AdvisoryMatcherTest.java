package dev.rustlens.analysis.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Matching locked packages of Debian's corpus crates against the fixture database. */
@Tag("fast")
class AdvisoryMatcherTest {

    private static final PackageSource CRATES_IO = PackageSource.parse(
            Optional.of("registry+https://github.com/rust-lang/crates.io-index"));
    private static final AdvisoryMatcher MATCHER = new AdvisoryMatcher(
            AdvisoryParser.parseAll(AdvisoryDirectory.files(AdvisoryDirectory.fixture())).advisories());

    private static List<String> matches(String name, String version, PackageSource source) {
        return MATCHER.matches(new LockedPackage(name, version, source, Optional.empty(), 1)).stream()
                .map(Advisory::id).toList();
    }

    private static List<String> matches(String name, String version) {
        return matches(name, version, CRATES_IO);
    }

    @Test
    void aVersionNeitherPatchedNorUnaffectedIsAffected() {
        assertEquals(List.of("RUSTSEC-2026-0009"), matches("time", "0.3.9")); // RUSTSEC-2020-0071 is patched
        assertEquals(List.of("RUSTSEC-2026-0007"), matches("bytes", "1.2.1")); // unaffected < 1.2.1 just misses
        assertEquals(List.of("RUSTSEC-2026-0186"), matches("memmap2", "0.5.7"));
        assertEquals(List.of("RUSTSEC-2025-0025"), matches("rustc-serialize", "0.3.24"));
    }

    @Test
    void patchedAndUnaffectedVersionsAreNot() {
        assertEquals(List.of(), matches("time", "0.3.47"));
        assertEquals(List.of(), matches("time", "0.3.5"));
        assertEquals(List.of(), matches("bytes", "1.2.0"));
        assertEquals(List.of(), matches("tokio", "1.24.2"));
        assertEquals(List.of("RUSTSEC-2023-0001"), matches("tokio", "1.22.0"));
        assertEquals(List.of(), matches("smallvec", "1.9.0"));
        assertEquals(List.of("RUSTSEC-2021-0003"), matches("smallvec", "1.6.0"));
        assertEquals(List.of(), matches("tracing", "0.1.37"));
        assertEquals(List.of("RUSTSEC-2023-0078"), matches("tracing", "0.1.38"));
    }

    @Test
    void preReleasesFollowCargosRule() {
        // unaffected = ["< 0.8.0-rc.1"], patched = [">= 0.8.17"]
        assertEquals(List.of(), matches("rkyv", "0.7.39"));
        assertEquals(List.of(), matches("rkyv", "0.8.0-alpha.1"));
        assertEquals(List.of("RUSTSEC-2026-0233"), matches("rkyv", "0.8.0-rc.1"));
        assertEquals(List.of("RUSTSEC-2026-0233"), matches("rkyv", "0.8.0"));
        // ">= 0.8.17" does not admit a pre-release of another version: 0.8.18-beta is affected.
        assertEquals(List.of("RUSTSEC-2026-0233"), matches("rkyv", "0.8.18-beta"));
        assertEquals(List.of(), matches("rkyv", "0.8.17+build.1"));
    }

    @Test
    void withdrawnAdvisoriesGitAndPathPackagesAndUnreadableVersionsMatchNothing() {
        assertEquals(List.of(), matches("spin", "0.9.5"));
        assertEquals(List.of(), matches("time", "0.3.9", PackageSource.PATH));
        assertEquals(List.of(), matches("time", "0.3.9",
                PackageSource.parse(Optional.of("git+https://github.com/time-rs/time?rev=v0.3.9#1234"))));
        assertEquals(List.of(), matches("time", "0.3.9",
                PackageSource.parse(Optional.of("registry+https://example.org/other-index"))));
        assertEquals(List.of(), matches("time", "v0.3.9"));
        assertEquals(List.of(), matches("time", "0.3"));
        assertEquals(List.of("RUSTSEC-2026-0009"), matches("time", "0.3.9",
                PackageSource.parse(Optional.of("sparse+https://index.crates.io/"))));
        assertEquals(10, MATCHER.count());
    }
}
