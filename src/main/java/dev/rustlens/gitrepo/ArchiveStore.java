package dev.rustlens.gitrepo;

import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps uploaded source archives unpacked under the work directory, one directory per archive
 * digest and repository; an archive is unpacked into a scratch directory first and moved into
 * place only when all of it was accepted.
 */
@ApplicationScoped
public class ArchiveStore {

    private final RustlensConfig config;

    public ArchiveStore(RustlensConfig config) {
        this.config = config;
    }

    /** Unpacks an upload for a repository; throws {@link ArchiveUnpacker.BadArchiveException} for a bad one. */
    public ArchiveUnpacker.Unpacked store(long repositoryId, InputStream upload) throws IOException {
        Path repositoryDirectory = repositoryDirectory(repositoryId);
        Files.createDirectories(repositoryDirectory);
        Path scratch = repositoryDirectory.resolve(".upload-" + UUID.randomUUID());
        Files.createDirectory(scratch);
        try {
            ArchiveUnpacker.Unpacked unpacked = new ArchiveUnpacker(config.archive()).unpack(upload, scratch);
            Path target = repositoryDirectory.resolve(unpacked.sha256());
            if (Files.isDirectory(target)) {
                GitMirror.deleteRecursively(scratch); // the same archive again: keep the first copy
            } else {
                try {
                    Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    GitMirror.deleteRecursively(scratch); // uploaded twice at once
                }
            }
            return unpacked;
        } catch (IOException | RuntimeException e) {
            GitMirror.deleteRecursively(scratch);
            throw e;
        }
    }

    /**
     * The directory to analyse for an uploaded archive: its only top-level directory when it has
     * one and nothing else (as in a {@code .crate}, whose files sit under {@code name-version/}).
     */
    public Path sourceRoot(long repositoryId, String sha256) throws IOException {
        Path root = repositoryDirectory(repositoryId).resolve(sha256);
        if (!sha256.matches("[0-9a-f]{64}") || !Files.isDirectory(root)) {
            throw new IOException("the uploaded archive " + sha256 + " is no longer on this server");
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> top = entries.limit(2).toList();
            return top.size() == 1 && Files.isDirectory(top.getFirst()) && !Files.isSymbolicLink(top.getFirst())
                    ? top.getFirst() : root;
        }
    }

    private Path repositoryDirectory(long repositoryId) {
        return config.workDir().resolve("archives").resolve(Long.toString(repositoryId));
    }
}
