package dev.rustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/rustlens scan} run as a real process on the packaged application (target/quarkus-app),
 * as CI runs it: the exit status of a passing gate, a failing gate and a bad argument, and the
 * class-data archive the first run leaves in the cache directory for the next.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "rustlens").toAbsolutePath();

    /** What one process printed and returned. */
    private record Exit(int status, String out, String err) {
    }

    private static Exit launch(Path cache, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("RUSTLENS_HOME");
        Process process = builder.start();
        process.getOutputStream().close();
        // Both streams are small (a summary line per crate); read after the exit.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 120 s");
        }
        return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherScansAndExitsByTheGate(@TempDir Path dir) throws IOException, InterruptedException {
        Path crate = Files.createDirectories(dir.resolve("crate/src"));
        Files.writeString(dir.resolve("crate/Cargo.toml"), "[package]\nname = \"launched\"\nversion = \"0.1.0\"\n");
        Files.writeString(crate.resolve("lib.rs"), "/// Reads a byte.\npub fn read(p: *const u8) -> u8 {\n"
                + "    unsafe { *p }\n}\n");
        Path passing = Files.writeString(dir.resolve("passing.json"),
                "{\"conditions\": [{\"type\": \"min_grade\", \"grade\": \"E\"}]}");
        Path failing = Files.writeString(dir.resolve("failing.json"),
                "{\"conditions\": [{\"type\": \"no_new_findings\", \"check\": \"undocumented_unsafe_block\"}]}");
        Path cache = dir.resolve("cache");
        Path sarif = dir.resolve("out.sarif");

        Exit passed = launch(cache, "scan", dir.resolve("crate").toString(), "--gate", passing.toString(), "--sarif",
                sarif.toString());
        assertEquals(0, passed.status(), passed.out() + passed.err());
        assertEquals("", passed.err(), "nothing on standard error, not even the JVM's class-data messages");
        assertTrue(passed.out().contains("launched "), passed.out());
        assertTrue(passed.out().contains("gate passed"), passed.out());
        assertTrue(Files.readString(sarif).contains("\"ruleId\":\"undocumented_unsafe_block\""));
        try (Stream<Path> archives = Files.list(cache.resolve("rustlens"))) {
            assertEquals(1, archives.filter(file -> file.toString().endsWith(".jsa")).count(),
                    "the first run leaves a class-data archive");
        }

        Exit failed = launch(cache, "scan", dir.resolve("crate").toString(), "--gate", failing.toString());
        assertEquals(1, failed.status(), failed.out() + failed.err());
        assertTrue(failed.out().contains("FAIL  no new undocumented_unsafe_block findings: 1"), failed.out());

        Exit misused = launch(cache, "scan", dir.resolve("crate").toString(), "--no-such-option");
        assertEquals(2, misused.status(), misused.out() + misused.err());
        assertEquals("rustlens: unknown option --no-such-option\n", misused.err());
    }
}
