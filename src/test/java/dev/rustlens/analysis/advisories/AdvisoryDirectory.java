package dev.rustlens.analysis.advisories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads an advisory database checked out in a directory, as the store reads one from a git tree. */
public final class AdvisoryDirectory {

    private AdvisoryDirectory() {
    }

    /** The advisory files under {@code root}, by their path in the database. */
    public static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (AdvisoryParser.isAdvisoryPath(path)) {
                    files.put(path, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The test fixture, src/test/resources/advisory-db (its README says what each advisory shows). */
    public static Path fixture() {
        return Path.of("src/test/resources/advisory-db");
    }
}
