package dev.rustlens.bench.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** The committed benchmark fixtures (see bench-fixtures/make-fixtures.sh) and archives made of them. */
public final class BenchFixtures {

    public static final Path ROOT = Path.of("src/test/resources/bench-fixtures");

    private BenchFixtures() {
    }

    public static String text(String name) {
        try {
            return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the criterion fixture, by its path under target/criterion. */
    public static Map<String, byte[]> criterionFiles() {
        Path criterion = ROOT.resolve("criterion");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(criterion)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(criterion.relativize(path).toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A .tar.gz of {@code files} under {@code prefix}, plus a symbolic link when {@code linkTarget} is set. */
    public static byte[] tarGz(String prefix, Map<String, byte[]> files, String linkTarget) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(prefix + file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            if (linkTarget != null) {
                TarArchiveEntry link = new TarArchiveEntry(prefix + "evil/new/estimates.json", TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(linkTarget);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
