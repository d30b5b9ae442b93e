package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class ClippyRunTest {

    private static final CorpusCrate BYTES = new CorpusCrate("bytes-1.2.1", List.of("--all-features"),
            List.of("--lib", "--tests"), List.of(), List.of());

    @Test
    void exactlyTheComparedLintsAfterSilencingClippysGroups() {
        assertEquals(String.join(" ", "cargo clippy --message-format=json --lib --all-features -- -A clippy::all",
                "-W clippy::undocumented_unsafe_blocks -W clippy::missing_safety_doc -W missing_docs -W clippy::unwrap_used",
                "-W clippy::expect_used -W clippy::panic -W clippy::todo -W clippy::unimplemented -W clippy::unreachable",
                "-W clippy::mem_forget --cap-lints=warn"), String.join(" ", ClippyRun.command(BYTES, View.LIBRARY)));
        assertEquals(List.of("cargo", "clippy", "--message-format=json", "--lib", "--tests", "--all-features", "--"),
                ClippyRun.command(BYTES, View.ALL_TARGETS).subList(0, 7));
    }

    @Test
    void theDepInfoBesideAnArtifact(@TempDir Path target) throws IOException {
        Path deps = Files.createDirectories(target.resolve("debug/deps"));
        Path build = Files.createDirectories(target.resolve("debug/build/memchr-388a2633a5628d96"));
        for (Path file : List.of(deps.resolve("memchr-fe44cc29df3236dc.d"), deps.resolve("memchr-b941dddaf5e21ba3.d"),
                build.resolve("build_script_build-388a2633a5628d96.d"))) {
            Files.writeString(file, "");
        }
        assertEquals(deps.resolve("memchr-fe44cc29df3236dc.d"), ClippyRun.depInfoOf(
                new CompiledUnit("lib", "memchr", false, deps.resolve("libmemchr-fe44cc29df3236dc.rmeta").toString())));
        assertEquals(build.resolve("build_script_build-388a2633a5628d96.d"), ClippyRun.depInfoOf(
                new CompiledUnit("custom-build", "build-script-build", false, build.resolve("build-script-build").toString())));
    }
}
