package dev.rustlens.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * The directory registry the crate copies build from: every crate of Debian's registry (linked),
 * plus the Debian packages of dev-dependencies it lacks, downloaded and unpacked here rather than
 * installed, because an installed package would add crates to the corpus that the benchmarks and
 * the corpus tests measure.
 */
final class PrivateRegistry {

    private static final String MARKER = ".accuracy-packages";

    private PrivateRegistry() {
    }

    /**
     * Makes (or reuses) the registry in {@code directory} for these packages; their .deb files go
     * to {@code debs}. Needs the Debian package lists ({@code apt-get update}).
     */
    static Path prepare(Path directory, Path debs, Path systemRegistry, SortedSet<String> packages)
            throws IOException, InterruptedException {
        String marker = systemRegistry + "\n" + String.join("\n", packages) + "\n";
        Path markerFile = directory.resolve(MARKER);
        if (Files.isRegularFile(markerFile) && Files.readString(markerFile).equals(marker)) {
            return directory;
        }
        Files.createDirectories(debs.resolve("partial"));
        if (!packages.isEmpty()) {
            // --download-only fetches the packages and the dependencies not installed, into debs/.
            List<String> download = new ArrayList<>(List.of("apt-get", "-qq", "-y", "--download-only",
                    "-o", "Dir::Cache::archives=" + debs.toAbsolutePath(), "install"));
            download.addAll(packages);
            Commands.run(download, debs);
        }
        Path staging = directory.resolveSibling(directory.getFileName() + ".staging");
        delete(staging);
        delete(directory);
        Files.createDirectories(staging);
        Files.createDirectories(directory);
        for (Path deb : list(debs)) {
            if (deb.toString().endsWith(".deb")) {
                Commands.run(List.of("dpkg-deb", "-x", deb.toAbsolutePath().toString(), staging.toAbsolutePath().toString()), debs);
            }
        }
        for (Path crate : list(systemRegistry)) {
            Files.createSymbolicLink(directory.resolve(crate.getFileName()), crate.toAbsolutePath());
        }
        Path unpacked = staging.resolve("usr/share/cargo/registry");
        if (Files.isDirectory(unpacked)) {
            for (Path crate : list(unpacked)) {
                Path target = directory.resolve(crate.getFileName());
                if (!Files.exists(target)) {
                    Files.move(crate, target);
                }
            }
        }
        delete(staging);
        Files.writeString(markerFile, marker, StandardCharsets.UTF_8);
        return directory;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    /** Deletes a tree without following its links (the registry links to Debian's crates). */
    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
