package dev.rustlens.analysis.source;

import dev.rustlens.analysis.source.Digests;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A directory on disk as a source tree. Symbolic links are never followed, so nothing outside
 * the directory is read; {@code .git} and {@code target} build output are skipped.
 */
public final class DirectorySourceTree implements SourceTree {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");
    /**
     * Files that {@code cargo package} (the first two) or {@code cargo vendor} and Debian (the
     * last) write at a package's root, and a repository never holds there.
     */
    private static final List<String> PACKAGE_MARKERS = List.of("Cargo.toml.orig", ".cargo_vcs_info.json",
            ".cargo-checksum.json");

    private final Path root;
    private final boolean contentIds;
    private List<SourceFile> files;

    public DirectorySourceTree(Path root) {
        this(root, false);
    }

    /**
     * @param contentIds whether {@code .rs} files get their git blob id as content id, so that
     *     their analysis results can be cached (this reads each of them once more)
     */
    public DirectorySourceTree(Path root, boolean contentIds) {
        this.root = root.toAbsolutePath().normalize();
        this.contentIds = contentIds;
    }

    @Override
    public synchronized List<SourceFile> files() throws IOException {
        if (files == null) {
            List<SourceFile> found = new ArrayList<>();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skipped = !dir.equals(root)
                            && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    // walkFileTree does not follow links by default: a link shows up here as
                    // a link, never as its target, and is left out.
                    if (attrs.isRegularFile()) {
                        String path = root.relativize(file).toString().replace('\\', '/');
                        String contentId = contentIds && path.endsWith(".rs")
                                ? Digests.gitBlobId(Files.readAllBytes(file)) : null;
                        found.add(new SourceFile(path, attrs.size(), contentId));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(Comparator.comparing(SourceFile::path));
            files = List.copyOf(found);
        }
        return files;
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        Path path = root.resolve(file.path()).normalize();
        if (!path.startsWith(root) || Files.isSymbolicLink(path)
                || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file inside the tree: " + file.path());
        }
        return Files.readAllBytes(path);
    }

    /** A tree is a package archive, not a repository, when its root holds what packaging writes. */
    @Override
    public boolean holdsRepositoryFiles() {
        return PACKAGE_MARKERS.stream().noneMatch(marker -> Files.isRegularFile(root.resolve(marker),
                LinkOption.NOFOLLOW_LINKS));
    }
}
