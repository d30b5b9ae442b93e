package dev.rustlens.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes small crates to disk for analysis tests. */
final class TestCrates {

    private TestCrates() {
    }

    /** A one-file crate named {@code fixture} whose src/lib.rs is {@code source}. */
    static Path libCrate(Path parent, String source) throws IOException {
        return repository(Files.createTempDirectory(parent, "crate"), Map.of(
                "Cargo.toml", "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", source));
    }

    /** Writes {@code files} (path to text) under {@code root}. */
    static Path repository(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }
}
