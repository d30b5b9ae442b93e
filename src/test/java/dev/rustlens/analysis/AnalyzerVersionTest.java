package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer version changes with every source that decides the analysis's output, and only the build writes it. */
@Tag("fast")
class AnalyzerVersionTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern PROJECT_IMPORT = Pattern.compile("^import (?:static )?dev\\.rustlens\\.(\\w+)", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void theBuildWroteTheDigestOfTheSourcesAsTheyAre() throws Exception {
        assertEquals(digest(PROJECT), AnalyzerVersion.current());
    }

    @Test
    void aChangeToACheckItsQueryOrTheGrammarPinsChangesTheVersion() throws Exception {
        for (String path : AnalyzerVersion.SOURCES) {
            copy(PROJECT.resolve(path), work.resolve(path));
        }
        String before = digest(work);
        for (String changed : List.of("src/main/java/dev/rustlens/analysis/checks/UnwrapUsedCheck.java",
                "src/main/resources/checks/unwrap_used/query.scm", "src/main/native/package-lock.json",
                "src/main/java/dev/rustlens/parser/SyntaxRecovery.java")) {
            Path file = work.resolve(changed);
            byte[] original = Files.readAllBytes(file);
            Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
            assertNotEquals(before, digest(work), "a change to " + changed + " must change the analyzer version");
            Files.write(file, original);
        }
        assertEquals(before, digest(work));
    }

    @Test
    void theAnalysisImportsNothingOutsideTheDigest() throws IOException {
        // Code the analysis calls outside the digested folders could change its output unseen.
        List<String> outside = new ArrayList<>();
        for (String folder : List.of("src/main/java/dev/rustlens/analysis", "src/main/java/dev/rustlens/parser")) {
            try (Stream<Path> files = Files.walk(PROJECT.resolve(folder))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher imported = PROJECT_IMPORT.matcher(Files.readString(file));
                    while (imported.find()) {
                        if (!imported.group(1).equals("analysis") && !imported.group(1).equals("parser")) {
                            outside.add(PROJECT.relativize(file) + " imports dev.rustlens." + imported.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(outside.isEmpty(), String.join("\n", outside));
    }

    /** What src/main/build/analyzer-version.sh computes: sha256sum's lines over the sources in byte order, digested. */
    static String digest(Path root) throws IOException, NoSuchAlgorithmException {
        List<String> paths = new ArrayList<>();
        for (String source : AnalyzerVersion.SOURCES) {
            try (Stream<Path> files = Files.walk(root.resolve(source))) {
                files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString())
                        .filter(path -> !path.startsWith("src/main/native/node_modules/")).forEach(paths::add);
            }
        }
        paths.sort((a, b) -> compareBytes(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        StringBuilder listing = new StringBuilder();
        for (String path : paths) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(path)));
            listing.append(HexFormat.of().formatHex(hash)).append("  ").append(path).append('\n');
        }
        byte[] all = MessageDigest.getInstance("SHA-256").digest(listing.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(all).substring(0, 16);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
