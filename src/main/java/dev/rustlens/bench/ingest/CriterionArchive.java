package dev.rustlens.bench.ingest;

import dev.rustlens.text.Echo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the criterion result files out of an uploaded {@code .tar.gz} of {@code target/criterion},
 * in memory and from the stream: nothing is written to disk, links are ignored, a path with
 * {@code ..} or a leading {@code /} rejects the archive, and entry count and kept bytes are bounded.
 */
public final class CriterionArchive {

    /** The archive's name in error messages. */
    public static final String NAME = "upload.tar.gz";

    private final int maxEntries;
    private final long maxFileBytes;
    private final long maxTotalBytes;

    public CriterionArchive(int maxEntries, long maxFileBytes, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The {@code new/estimates.json} and {@code new/benchmark.json} files, by path. */
    public Map<String, byte[]> read(InputStream gzip) {
        Map<String, byte[]> kept = new HashMap<>();
        long total = 0;
        int entries = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(gzip))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new MalformedResultsException(NAME, "more than " + maxEntries + " entries");
                }
                String path = entry.getName();
                if (path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
                    throw new MalformedResultsException(NAME, "entry " + Echo.quoted(path) + " points outside the archive");
                }
                if (entry.isSymbolicLink() || entry.isLink() || !entry.isFile() || !isResultFile(path)) {
                    continue; // directories, links, devices and criterion's reports are never needed
                }
                if (entry.getSize() > maxFileBytes) {
                    throw new MalformedResultsException(NAME, "entry " + Echo.quoted(path) + " is larger than " + maxFileBytes + " bytes");
                }
                byte[] content = readBounded(tar, path);
                total += content.length;
                if (total > maxTotalBytes) {
                    throw new MalformedResultsException(NAME, "result files exceed " + maxTotalBytes + " bytes in total");
                }
                kept.put(path.startsWith("./") ? path.substring(2) : path, content);
            }
        } catch (IOException e) {
            throw new MalformedResultsException(NAME, "not a readable .tar.gz");
        }
        if (kept.isEmpty()) {
            throw new MalformedResultsException(NAME, "no criterion new/estimates.json found");
        }
        return kept;
    }

    private static boolean isResultFile(String path) {
        return path.endsWith("/new/estimates.json") || path.endsWith("/new/benchmark.json");
    }

    private byte[] readBounded(InputStream in, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > maxFileBytes) {
                throw new MalformedResultsException(NAME, "entry " + Echo.quoted(path) + " is larger than " + maxFileBytes + " bytes");
            }
        }
        return out.toByteArray();
    }
}
