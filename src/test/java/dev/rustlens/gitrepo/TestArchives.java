package dev.rustlens.gitrepo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds real gzip-compressed tar archives for tests, hostile ones included. */
public final class TestArchives {

    private TestArchives() {
    }

    /** One entry: a regular file with content, or a link to {@code linkTarget}. */
    public record Entry(String name, byte[] content, byte linkFlag, String linkTarget) {
        public static Entry file(String name, String content) {
            return new Entry(name, content.getBytes(StandardCharsets.UTF_8), TarConstants.LF_NORMAL, null);
        }

        public static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], TarConstants.LF_SYMLINK, target);
        }

        public static Entry hardlink(String name, String target) {
            return new Entry(name, new byte[0], TarConstants.LF_LINK, target);
        }
    }

    public static byte[] tarGz(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry header = new TarArchiveEntry(entry.name(), entry.linkFlag(), true);
                if (entry.linkTarget() != null) {
                    header.setLinkName(entry.linkTarget());
                } else {
                    header.setSize(entry.content().length);
                }
                tar.putArchiveEntry(header);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A {@code .crate} as crates.io serves it: every file of {@code directory} under {@code name-version/}. */
    public static byte[] crate(Path directory, Map<String, String> replaced) throws IOException {
        String top = directory.getFileName().toString();
        try (Stream<Path> files = Files.walk(directory)) {
            List<Entry> entries = files.filter(Files::isRegularFile).sorted().map(file -> {
                String relative = directory.relativize(file).toString();
                try {
                    byte[] content = replaced.containsKey(relative)
                            ? replaced.get(relative).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
                    return new Entry(top + "/" + relative, content, TarConstants.LF_NORMAL, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            return tarGz(entries);
        }
    }
}
