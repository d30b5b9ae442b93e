package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.config.BackgroundPriorityTest;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threads that fetch, analyse and store scans run at rustlens.analysis.nice (10 by default),
 * as the kernel reports each thread's nice value, while the server's other threads keep theirs.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ScanPriorityTest {

    @Test
    void scanThreadsRunAtTheBackgroundNiceValue(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml",
                "[package]\nname = \"niced\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", "//! Niced.\n\n/// One.\npub fn one() -> u8 {\n    1\n}\n"))) {
            long id = register(TestRepositories.url(git));
            assertEquals("succeeded", awaitScan(startScan(id)).getString("status"));
        }
        // Thread names as the kernel keeps them: their first 15 characters.
        Map<String, Integer> niceByThread = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("rustlens-analys") || name.startsWith("rustlens-scan-w")) {
                    niceByThread.put(name + " " + task.getFileName(), BackgroundPriorityTest.niceOf(task.resolve("stat")));
                }
            }
        }
        assertFalse(niceByThread.isEmpty(), "no scan or analysis thread found");
        niceByThread.forEach((thread, nice) -> assertEquals(10, nice, thread));
        assertEquals(0, BackgroundPriorityTest.niceOf(Path.of("/proc/thread-self/stat")), "the test's own thread keeps its priority");
    }
}
