package dev.rustlens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.finding.Rfc4180;
import dev.rustlens.finding.SarifSchema;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/export-example.sh against the packaged rustlens on a real crate (Debian's memchr in a git
 * repository): the SARIF it writes passes the SARIF 2.1.0 schema, and its CSVs read as strict RFC 4180.
 */
@QuarkusIntegrationTest
class ExportScriptIT {

    private static final Path MEMCHR = Path.of("/usr/share/cargo/registry/memchr-2.5.0");

    @Test
    void theDocumentedScriptExportsARealScan(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("memchr");
        copyTree(MEMCHR, source);
        try (Git git = Git.init().setDirectory(source.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("memchr 2.5.0").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder("bash", "docs/export-example.sh", "memchr-" + UUID.randomUUID(),
                source.toUri().toString(), "main", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile());
        builder.environment().put("RUSTLENS_URL", "http://localhost:" + RestAssured.port);
        builder.environment().put("RUSTLENS_TOKEN", TestTokens.ADMIN);
        Process script = builder.start();
        assertTrue(script.waitFor(5, TimeUnit.MINUTES), "the script ends within 5 minutes");
        String log = Files.readString(dir.resolve("script.log"));
        assertEquals(0, script.exitValue(), log);

        Path sarif = only(out, ".sarif");
        String sarifText = Files.readString(sarif);
        assertEquals(List.of(), SarifSchema.errors(sarifText), "SARIF schema violations");
        JsonPath document = JsonPath.from(sarifText);
        int results = document.getList("runs[0].results").size();
        assertTrue(results > 0, "memchr has findings (it has unsafe code): " + log);
        assertTrue(document.getList("runs[0].results.locations[0].physicalLocation.artifactLocation.uri", String.class)
                .stream().allMatch(uri -> !uri.startsWith("/") && !uri.contains(":")), "repository-relative locations");

        List<List<String>> findings = Rfc4180.parse(Files.readString(only(out, "-findings.csv"), StandardCharsets.UTF_8));
        assertEquals(results + 1, findings.size(), "one record per finding and a header");
        assertTrue(findings.stream().allMatch(record -> record.size() == findings.getFirst().size()), "rectangular");
        List<List<String>> crates = Rfc4180.parse(Files.readString(only(out, "-crates.csv"), StandardCharsets.UTF_8));
        assertEquals(2, crates.size(), "memchr is one crate");
        assertEquals("memchr", crates.get(1).get(crates.getFirst().indexOf("name")));
        assertTrue(log.contains("findings,"), log);
    }

    private static Path only(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matching = files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, matching.size(), "one " + suffix + " file in " + directory);
            return matching.getFirst();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
