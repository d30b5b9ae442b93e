package dev.rustlens.supply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The workspace of real crates in src/test/resources/supply-chain (its README says what it holds):
 * the files of its {@code before} commit and those its {@code after} commit changes.
 */
public final class SupplyChainFixture {

    /** The fixture's folder. */
    public static final Path ROOT = Path.of("src/test/resources/supply-chain");

    private SupplyChainFixture() {
    }

    /** The files of a fixture folder by their path in the repository. */
    public static Map<String, String> files(String folder) {
        Path root = ROOT.resolve(folder);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The second commit's tree: the first's files with the second's over them. */
    public static Map<String, String> afterTree() {
        Map<String, String> files = files("before");
        files.putAll(files("after"));
        return files;
    }
}
