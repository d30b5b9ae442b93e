package dev.rustlens.gitrepo;

import dev.rustlens.analysis.source.Digests;
import dev.rustlens.config.InstanceIdentity;
import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps uploaded source archives unpacked under the work directory, one directory per archive
 * digest and repository; an archive is unpacked into a scratch directory first and moved into
 * place only when all of it was accepted. Scratch directories left by a crash are swept at start.
 */
@ApplicationScoped
public class ArchiveStore {

    private static final Logger LOG = Logger.getLogger(ArchiveStore.class);
    private static final String SCRATCH = ".upload-";
    /** Another instance sharing the work directory may be unpacking into a recent scratch directory. */
    private static final Duration FOREIGN_SCRATCH_AGE = Duration.ofDays(1);

    private final RustlensConfig config;
    /** Names this instance's scratch directories, so that it can sweep its own at start. */
    private final String scratchOwner;

    public ArchiveStore(RustlensConfig config, InstanceIdentity identity) {
        this.config = config;
        this.scratchOwner = Digests.sha256Hex(identity.id(), 4);
    }

    /**
     * Deletes the scratch directories of uploads that never ended: this instance's (it crashed
     * while unpacking) and any older than a day (an instance that never came back).
     */
    public void sweepOrphanedUploads() {
        Path archives = config.workDir().resolve("archives");
        if (!Files.isDirectory(archives)) {
            return;
        }
        Instant foreignCutoff = Instant.now().minus(FOREIGN_SCRATCH_AGE);
        try (Stream<Path> repositories = Files.list(archives)) {
            for (Path repository : repositories.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(repository)) {
                    for (Path scratch : entries.filter(entry -> entry.getFileName().toString().startsWith(SCRATCH)).toList()) {
                        if (scratch.getFileName().toString().startsWith(SCRATCH + scratchOwner + "-")
                                || Files.getLastModifiedTime(scratch).toInstant().isBefore(foreignCutoff)) {
                            GitMirror.deleteRecursively(scratch);
                            LOG.infof("deleted the unfinished upload %s", scratch);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("sweeping unfinished uploads failed; they stay until the next start", e);
        }
    }

    /** Unpacks an upload for a repository; throws {@link ArchiveUnpacker.BadArchiveException} for a bad one. */
    public ArchiveUnpacker.Unpacked store(long repositoryId, InputStream upload) throws IOException {
        Path repositoryDirectory = repositoryDirectory(repositoryId);
        Path scratch = repositoryDirectory.resolve(SCRATCH + scratchOwner + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(repositoryDirectory);
            Files.createDirectory(scratch);
        } catch (IOException e) {
            throw DiskFull.causes(e) ? new DiskFull(e) : e;
        }
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
            throw new UploadMissing("the uploaded archive " + sha256 + " is no longer on this server");
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> top = entries.limit(2).toList();
            return top.size() == 1 && Files.isDirectory(top.getFirst()) && !Files.isSymbolicLink(top.getFirst())
                    ? top.getFirst() : root;
        }
    }

    /** An upload that was removed, or was received by another instance that does not share the work directory. */
    public static final class UploadMissing extends IOException {
        private static final long serialVersionUID = 1L;

        UploadMissing(String message) {
            super(message);
        }
    }

    /** Deletes the uploaded archives of a deleted repository; a failure is logged, not thrown. */
    public void forget(long repositoryId) {
        try {
            GitMirror.deleteRecursively(repositoryDirectory(repositoryId));
        } catch (IOException e) {
            LOG.warnf(e, "cannot delete the archives of deleted repository %d", repositoryId);
        }
    }

    private Path repositoryDirectory(long repositoryId) {
        return config.workDir().resolve("archives").resolve(Long.toString(repositoryId));
    }
}
