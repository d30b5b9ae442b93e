package dev.rustlens.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rule of docs/coverage.md "Paths", on a workspace's files. */
@Tag("fast")
class PathMappingTest {

    private static final Set<String> FILES = Set.of("Cargo.toml", "src/lib.rs", "src/raw.rs", "crates/core/src/lib.rs",
            "crates/core/src/raw.rs", "crates/cli/src/main.rs");

    private static PathMapping.Result map(List<String> paths, List<String> sources, String root) {
        return PathMapping.map(paths, sources, Optional.ofNullable(root), FILES::contains);
    }

    @Test
    void theCheckoutDirectoryIsTheOneThatMatchesMostPaths() {
        PathMapping.Result result = map(List.of("/home/runner/work/app/app/crates/core/src/lib.rs",
                "/home/runner/work/app/app/crates/core/src/raw.rs", "/home/runner/work/app/app/crates/cli/src/main.rs",
                "/home/runner/.cargo/registry/src/index/serde-1.0.0/src/lib.rs"), List.of(), null);
        assertEquals(Optional.of("/home/runner/work/app/app/"), result.root());
        assertEquals(Map.of("/home/runner/work/app/app/crates/core/src/lib.rs", "crates/core/src/lib.rs",
                "/home/runner/work/app/app/crates/core/src/raw.rs", "crates/core/src/raw.rs",
                "/home/runner/work/app/app/crates/cli/src/main.rs", "crates/cli/src/main.rs"), result.files());
        assertEquals(List.of(new PathMapping.Unmatched("/home/runner/.cargo/registry/src/index/serde-1.0.0/src/lib.rs",
                "outside the checkout directory /home/runner/work/app/app/")), result.unmatched());
    }

    @Test
    void aPathThatCouldBeTwoFilesIsReportedNotGuessed() {
        // The checkout is /ci/ (crates/core/src/lib.rs) or /ci/crates/core/ (src/lib.rs): nothing tells.
        PathMapping.Result result = map(List.of("/ci/crates/core/src/lib.rs"), List.of(), null);
        assertEquals(Map.of(), result.files());
        assertEquals(List.of(new PathMapping.Unmatched("/ci/crates/core/src/lib.rs",
                "the checkout directory could be any of /ci/, /ci/crates/core/; give it as root=")), result.unmatched());
        assertEquals(Map.of("/ci/crates/core/src/lib.rs", "crates/core/src/lib.rs"),
                map(List.of("/ci/crates/core/src/lib.rs"), List.of(), "/ci").files());
    }

    @Test
    void coberturaFilenamesAreRelativeToTheirSource() {
        PathMapping.Result result = map(List.of("crates/core/src/lib.rs", "src/gone.rs", "/builds/app/src/raw.rs"),
                List.of("/builds/app"), null);
        assertEquals(Map.of("crates/core/src/lib.rs", "crates/core/src/lib.rs", "/builds/app/src/raw.rs", "src/raw.rs"),
                result.files());
        assertEquals(List.of(new PathMapping.Unmatched("src/gone.rs", "no such file in the commit")), result.unmatched());
    }

    @Test
    void relativeWindowsAndDottedPathsAreNormalised() {
        assertEquals(Map.of("./src/../src/lib.rs", "src/lib.rs", "C:\\a\\app\\src\\raw.rs", "src/raw.rs"),
                map(List.of("./src/../src/lib.rs", "C:\\a\\app\\src\\raw.rs"), List.of(), "c:/a/app").files());
        assertEquals(List.of(new PathMapping.Unmatched("../outside/src/lib.rs", "no such file in the commit")),
                map(List.of("../outside/src/lib.rs"), List.of(), null).unmatched());
    }
}
