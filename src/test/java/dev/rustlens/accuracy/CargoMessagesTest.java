package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** cargo's JSON messages, recorded from clippy runs on memchr, bytes, itoa and arrayvec (paths rewritten). */
@Tag("fast")
class CargoMessagesTest {

    static final Path CRATE = Path.of("/tmp/accuracy/crate");

    static String recorded() throws IOException {
        try (InputStream in = CargoMessagesTest.class.getResourceAsStream("/accuracy/cargo-messages.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCratesOwnUnitsAreKeptAndADependencysLeftOut() throws IOException {
        CargoMessages messages = CargoMessages.parse(recorded(), CRATE, Set.copyOf(CheckMapping.LINTS));
        assertEquals(List.of(
                new CompiledUnit("custom-build", "build-script-build", false,
                        "/tmp/accuracy/cargo-target/debug/build/memchr-388a2633a5628d96/build-script-build"),
                new CompiledUnit("lib", "memchr", false, "/tmp/accuracy/cargo-target/debug/deps/libmemchr-fe44cc29df3236dc.rmeta"),
                new CompiledUnit("lib", "memchr", true, "/tmp/accuracy/cargo-target/debug/deps/libmemchr-b941dddaf5e21ba3.rmeta")),
                messages.units());
    }

    @Test
    void onlyTheAskedLintsAreKeptAtTheirPrimarySpan() throws IOException {
        CargoMessages messages = CargoMessages.parse(recorded(), CRATE, Set.copyOf(CheckMapping.LINTS));
        // unexpected_cfgs is not asked for; the crate-docs span covers the whole build script.
        assertEquals(List.of(
                new LintHit("clippy::undocumented_unsafe_blocks", "unsafe block missing a safety comment", "lib",
                        "src/memchr/fallback.rs", 54, 5, 54, "unsafe {"),
                new LintHit("missing_docs", "missing documentation for the crate", "custom-build", "build.rs", 1, 1, 88,
                        "use std::env;\n\nfn main() {"),
                new LintHit("clippy::undocumented_unsafe_blocks", "unsafe impl missing a safety comment", "lib",
                        "src/buf/buf_mut.rs", 1031, 1, 1031, "unsafe impl<T: BufMut + ?Sized> BufMut for &mut T {"),
                // In itoa's local macro_rules! body: the span stays where the user wrote the block.
                new LintHit("clippy::undocumented_unsafe_blocks", "unsafe block missing a safety comment", "lib",
                        "src/lib.rs", 137, 17, 137, "unsafe {")),
                messages.hits());
    }

    @Test
    void theFeaturesAndTheBuildScriptsCfgs() throws IOException {
        CargoMessages messages = CargoMessages.parse(recorded(), CRATE, Set.copyOf(CheckMapping.LINTS));
        assertEquals(List.of("default", "std"), messages.features());
        assertEquals(List.of("memchr_runtime_simd", "memchr_runtime_sse2", "memchr_runtime_sse42", "memchr_runtime_avx"),
                messages.buildScriptCfgs());
    }

    @Test
    void aHitInAnExternalCratesMacroIsOutside() throws IOException {
        CargoMessages messages = CargoMessages.parse(recorded(), CRATE, Set.copyOf(CheckMapping.LINTS));
        assertEquals(1, messages.outside().size());
        assertEquals("/tmp/accuracy/registry/bencher-0.1.5/macros.rs", messages.outside().getFirst().file());
    }

    @Test
    void anotherCratesMessagesAreIgnored() throws IOException {
        CargoMessages messages = CargoMessages.parse(recorded(), Path.of("/tmp/accuracy/other"), Set.copyOf(CheckMapping.LINTS));
        assertEquals(0, messages.units().size() + messages.hits().size() + messages.outside().size());
    }
}
