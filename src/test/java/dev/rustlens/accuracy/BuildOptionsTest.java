package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BuildOptionsTest {

    @Test
    void eachUnitThatReadTheFileGivesItsOptions() {
        ClippyRun run = new ClippyRun("cargo clippy", Map.of(
                "src/lib.rs", Set.of(new ClippyRun.Unit("lib", true)),
                "build.rs", Set.of(new ClippyRun.Unit("custom-build", false))),
                List.of(), List.of(), List.of("std"), List.of("memchr_runtime_avx"));
        Set<String> target = Set.of("unix");
        assertEquals(List.of(Set.of("unix", "clippy", "feature=\"std\"", "memchr_runtime_avx", "test")),
                BuildOptions.of(run, "src/lib.rs", target));
        // The build script runs before its cfgs exist.
        assertEquals(List.of(Set.of("unix", "clippy", "feature=\"std\"")), BuildOptions.of(run, "build.rs", target));
        assertEquals(List.of(), BuildOptions.of(run, "src/other.rs", target));
    }
}
