package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.InstanceIdentity;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.config.TestConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads cut short by a crash leave scratch directories that the next start sweeps. */
class ArchiveStoreTest {

    @Test
    void theNextStartSweepsTheUploadsACrashLeftButNotAnotherInstancesRecentOnes(@TempDir Path dir) throws Exception {
        RustlensConfig config = TestConfig.of(Map.of("rustlens.work-dir", dir.toString(),
                "rustlens.scan.instance-id", "instance-a"));
        ArchiveStore before = new ArchiveStore(config, new InstanceIdentity(config, 8080));
        byte[] archive = TestArchives.tarGz(List.of(TestArchives.Entry.file("a/src/lib.rs", "x".repeat(200_000))));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch crashed = new CountDownLatch(1);
        // An upload whose client stops sending halfway, as if the server died while it unpacked.
        InputStream stalling = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(archive,
                archive.length / 2)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        halfway.countDown();
                        try {
                            crashed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IOException("the connection died with the server");
                    }
                });
        try (var uploads = Executors.newSingleThreadExecutor()) {
            Future<?> upload = uploads.submit(() -> before.store(1, stalling));
            halfway.await();
            Path repository = dir.resolve("archives/1");
            Path ours = single(repository);
            Path foreignRecent = Files.createDirectory(repository.resolve(".upload-0000beef-recent"));
            Path foreignOld = Files.createDirectory(repository.resolve(".upload-0000beef-old"));
            Files.setLastModifiedTime(foreignOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

            new ArchiveStore(config, new InstanceIdentity(config, 8080)).sweepOrphanedUploads();

            assertTrue(Files.notExists(ours), "this instance's unfinished upload is gone");
            assertTrue(Files.notExists(foreignOld), "a day-old upload of any instance is gone");
            assertTrue(Files.isDirectory(foreignRecent), "another instance may still be unpacking this one");
            crashed.countDown();
            assertThrows(Exception.class, upload::get);
        }
    }

    private static Path single(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> all = entries.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }
}
