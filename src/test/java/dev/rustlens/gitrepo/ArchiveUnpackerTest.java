package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.TestArchives.Entry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class ArchiveUnpackerTest {

    /** Small limits: 100 bytes in all, 3 files, 60 bytes a file. */
    static final RustlensConfig.Archive LIMITS = new RustlensConfig.Archive() {
        @Override
        public long maxBytes() {
            return 100;
        }

        @Override
        public int maxFiles() {
            return 3;
        }

        @Override
        public long maxFileBytes() {
            return 60;
        }
    };

    @TempDir
    Path target;

    private ArchiveUnpacker.Unpacked unpack(List<Entry> entries) throws Exception {
        return new ArchiveUnpacker(LIMITS).unpack(new ByteArrayInputStream(TestArchives.tarGz(entries)), target);
    }

    private String rejection(List<Entry> entries) {
        return assertThrows(ArchiveUnpacker.BadArchiveException.class, () -> unpack(entries)).getMessage();
    }

    @Test
    void unpacksFilesAndDirectories() throws Exception {
        ArchiveUnpacker.Unpacked unpacked = unpack(List.of(Entry.file("./c-1.0/src/lib.rs", "pub fn f() {}\n"),
                Entry.file("c-1.0/Cargo.toml", "[package]\n")));
        assertEquals(2, unpacked.files());
        assertEquals(64, unpacked.sha256().length());
        assertEquals("pub fn f() {}\n", Files.readString(target.resolve("c-1.0/src/lib.rs")));
    }

    @Test
    void refusesPathsOutsideTheTarget() {
        assertTrue(rejection(List.of(Entry.file("../evil.rs", "x"))).contains("outside the archive"));
        assertTrue(rejection(List.of(Entry.file("a/../../evil.rs", "x"))).contains("outside the archive"));
        assertTrue(rejection(List.of(Entry.file("/etc/evil.rs", "x"))).contains("absolute or unsafe path"));
        assertTrue(rejection(List.of(Entry.file("C:/evil.rs", "x"))).contains("absolute or unsafe path"));
        assertFalse(Files.exists(target.getParent().resolve("evil.rs")));
    }

    @Test
    void neverCreatesLinks() throws Exception {
        ArchiveUnpacker.Unpacked unpacked = unpack(List.of(Entry.file("a/lib.rs", "fn f() {}\n"),
                Entry.symlink("a/passwd.rs", "/etc/passwd"), Entry.hardlink("a/hard.rs", "/etc/shadow")));
        assertEquals(2, unpacked.skippedLinks());
        assertEquals(1, unpacked.files());
        assertFalse(Files.exists(target.resolve("a/passwd.rs"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(target.resolve("a/hard.rs"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void enforcesTheLimits() {
        List<Entry> tooMany = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tooMany.add(Entry.file("f" + i + ".rs", "x"));
        }
        assertTrue(rejection(tooMany).contains("more than 3 files"));
        assertTrue(rejection(List.of(Entry.file("big.rs", "x".repeat(61)))).contains("larger than 60 bytes"));
        assertTrue(rejection(List.of(Entry.file("a.rs", "x".repeat(50)), Entry.file("b.rs", "x".repeat(51))))
                .contains("more than 100 bytes"));
    }

    @Test
    void refusesWhatIsNotATarGz() {
        String message = assertThrows(ArchiveUnpacker.BadArchiveException.class, () -> new ArchiveUnpacker(LIMITS)
                .unpack(new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8)), target)).getMessage();
        assertTrue(message.startsWith("not a readable gzip-compressed tar archive"), message);
    }
}
