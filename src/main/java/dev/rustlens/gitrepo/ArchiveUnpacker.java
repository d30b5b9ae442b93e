package dev.rustlens.gitrepo;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * Unpacks an uploaded source archive (a {@code .tar.gz}, or a {@code .crate} as crates.io serves
 * it) into a directory, treating it as hostile: no entry may land outside the directory, links
 * and device files are never created, and total size, file count and file size are bounded. A
 * failure to write is the server's (a full disk is {@link DiskFull}), never blamed on the archive.
 */
public final class ArchiveUnpacker {

    private static final Logger LOG = Logger.getLogger(ArchiveUnpacker.class);
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:");

    private final RustlensConfig.Archive limits;

    public ArchiveUnpacker(RustlensConfig.Archive limits) {
        this.limits = limits;
    }

    /** What was unpacked: the SHA-256 of the archive's bytes, and what was left out. */
    public record Unpacked(String sha256, int files, long bytes, int skippedLinks) {
    }

    /** An archive that may not be unpacked; the message says why and is fit to show a user. */
    public static final class BadArchiveException extends BadRequest {
        private static final long serialVersionUID = 1L;

        BadArchiveException(String message) {
            super(message);
        }
    }

    /**
     * Unpacks {@code archive} into {@code target}, which must be an empty directory. On any
     * failure the caller deletes {@code target}: a half-unpacked archive is never used.
     */
    public Unpacked unpack(InputStream archive, Path target) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path root = target.toAbsolutePath().normalize();
        int files = 0;
        int skippedLinks = 0;
        long bytes = 0;
        DigestInputStream digesting = new DigestInputStream(archive, sha256);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(digesting))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path destination = destination(root, entry.getName());
                if (entry.isSymbolicLink() || entry.isLink()) {
                    skippedLinks++;
                } else if (entry.isDirectory()) {
                    writing(() -> Files.createDirectories(destination));
                } else if (entry.isFile()) {
                    if (++files > limits.maxFiles()) {
                        throw new BadArchiveException("the archive holds more than " + limits.maxFiles()
                                + " files (rustlens.archive.max-files)");
                    }
                    writing(() -> Files.createDirectories(destination.getParent()));
                    long written = copy(tar, destination, entry.getName(), limits.maxBytes() - bytes);
                    bytes += written;
                }
                // Character and block devices and FIFOs are left out: they are never source.
            }
            digesting.transferTo(OutputStream.nullOutputStream()); // the rest counts for the digest
        } catch (BadArchiveException | DiskFull e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // What the reader says quotes header values of any length: the log has it, the answer not.
            LOG.infof("an upload is not a readable archive: %s", e);
            throw new BadArchiveException("not a readable gzip-compressed tar archive");
        }
        if (files == 0) {
            throw new BadArchiveException("the archive holds no files");
        }
        return new Unpacked(HexFormat.of().formatHex(sha256.digest()), files, bytes, skippedLinks);
    }

    /** Where an entry goes; names that are absolute or climb out of the target are refused. */
    private static Path destination(Path root, String name) {
        String relative = name.startsWith("./") ? name.substring(2) : name;
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0
                || WINDOWS_DRIVE.matcher(relative).lookingAt()) {
            throw new BadArchiveException("entry " + Echo.quoted(name) + " has an absolute or unsafe path");
        }
        Path destination = root.resolve(relative).normalize();
        if (List.of(relative.split("/")).contains("..") || !destination.startsWith(root)) {
            throw new BadArchiveException("entry " + Echo.quoted(name) + " points outside the archive");
        }
        return destination;
    }

    private long copy(InputStream entry, Path destination, String name, long budget) throws IOException {
        long limit = Math.min(limits.maxFileBytes(), budget);
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        OutputStream out = writing(() -> Files.newOutputStream(destination));
        try (out) {
            for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
                written += read;
                if (written > limit) {
                    throw new BadArchiveException(written > limits.maxFileBytes()
                            ? "file " + Echo.quoted(name) + " is larger than " + limits.maxFileBytes()
                                    + " bytes (rustlens.archive.max-file-bytes)"
                            : "the archive unpacks to more than " + limits.maxBytes()
                                    + " bytes (rustlens.archive.max-bytes)");
                }
                int length = read;
                writing(() -> {
                    out.write(buffer, 0, length);
                    return null;
                });
            }
        }
        return written;
    }

    /** A write to this server's disk; failing, it is the server's fault, never the archive's. */
    private interface Write<T> {
        T run() throws IOException;
    }

    private static <T> T writing(Write<T> write) throws DiskFull {
        try {
            return write.run();
        } catch (IOException e) {
            if (DiskFull.causes(e)) {
                throw new DiskFull(e);
            }
            throw new UncheckedIOException("cannot write an unpacked upload", e);
        }
    }
}
