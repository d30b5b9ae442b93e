package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** rustc's dep-info files, as recorded from a clippy run on memchr (shortened). */
@Tag("fast")
class DepInfoTest {

    private static final Path CRATE = Path.of("/tmp/accuracy/crate");

    @Test
    void theFirstRulesRustFilesResolvedAgainstTheCrate() {
        String recorded = """
                /tmp/accuracy/cargo-target/debug/deps/memchr-fe44cc29df3236dc.d: src/lib.rs src/cow.rs src/memchr/x86/avx.rs Cargo.toml

                /tmp/accuracy/cargo-target/debug/deps/libmemchr-fe44cc29df3236dc.rmeta: src/lib.rs src/cow.rs src/memchr/x86/avx.rs Cargo.toml

                src/lib.rs:
                src/cow.rs:
                src/memchr/x86/avx.rs:
                Cargo.toml:

                # env-dep:CARGO_PKG_VERSION=2.5.0
                """;
        assertEquals(List.of(CRATE.resolve("src/lib.rs"), CRATE.resolve("src/cow.rs"), CRATE.resolve("src/memchr/x86/avx.rs")),
                DepInfo.rustFiles(recorded, CRATE));
    }

    @Test
    void escapedSpacesAndAbsolutePaths() {
        String text = "/t/x-1.d: src/a\\ b.rs /usr/share/cargo/registry/y/src/lib.rs src/../src/c.rs\n";
        assertEquals(List.of(CRATE.resolve("src/a b.rs"), Path.of("/usr/share/cargo/registry/y/src/lib.rs"),
                CRATE.resolve("src/c.rs")), DepInfo.rustFiles(text, CRATE));
    }

    @Test
    void noRuleNoFiles() {
        assertEquals(List.of(), DepInfo.rustFiles("\n# env-dep:X=1\n", CRATE));
    }
}
