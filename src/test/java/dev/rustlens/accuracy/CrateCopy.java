package dev.rustlens.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A corpus crate copied out of Debian's registry (never built in place), set up to build offline
 * against the private registry, with the manifest edits its line asks for.
 *
 * @param directory the copy
 * @param edits what was changed in the copy, in words
 */
record CrateCopy(Path directory, List<String> edits) {

    /** A table of the manifest, from its header to the next header. */
    private static final Pattern TABLE = Pattern.compile("(?m)^\\[([^\\]\\n]+)\\]\\n(?:(?!\\[).*\\n?)*");

    /** Copies the crate into {@code copies} when {@code fresh} or when there is no copy yet, and says what was edited. */
    static CrateCopy prepare(CorpusCrate crate, Path systemRegistry, Path registry, Path copies, boolean fresh)
            throws IOException {
        Path source = systemRegistry.resolve(crate.directory());
        Path copy = copies.resolve(crate.directory());
        String original = Files.readString(source.resolve("Cargo.toml"), StandardCharsets.UTF_8);
        List<String> edits = new ArrayList<>();
        String manifest = original;
        for (String name : crate.droppedDevDependencies()) {
            manifest = dropDevDependency(manifest, name, edits);
        }
        if (fresh || !Files.isDirectory(copy)) {
            PrivateRegistry.delete(copy);
            copyTree(source, copy);
            Files.writeString(copy.resolve("Cargo.toml"), manifest, StandardCharsets.UTF_8);
            Files.createDirectories(copy.resolve(".cargo"));
            Files.writeString(copy.resolve(".cargo/config.toml"), cargoConfig(registry), StandardCharsets.UTF_8);
        }
        return new CrateCopy(copy, List.copyOf(edits));
    }

    /** Cargo offline, with crates.io replaced by the private registry (as ORACLES.md describes). */
    static String cargoConfig(Path registry) {
        return """
                [source.crates-io]
                replace-with = "debian"
                [source.debian]
                directory = "%s"
                [net]
                offline = true
                """.formatted(registry.toAbsolutePath());
    }

    /**
     * The manifest without the dev-dependency's table ({@code [dev-dependencies.loom]} or
     * {@code [target."cfg(loom)".dev-dependencies.loom]}, cargo's normalised form).
     */
    static String dropDevDependency(String manifest, String name, List<String> edits) {
        Matcher table = TABLE.matcher(manifest);
        while (table.find()) {
            String header = table.group(1);
            if (header.equals("dev-dependencies." + name) || header.endsWith(".dev-dependencies." + name)) {
                edits.add("Cargo.toml: deleted the dev-dependency [" + header + "]");
                return manifest.substring(0, table.start()) + manifest.substring(table.end());
            }
        }
        throw new IllegalArgumentException("the manifest has no dev-dependency table for " + name);
    }

    /** {@code cp -rL}: Debian's registry may hold links, which the copy resolves. */
    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
