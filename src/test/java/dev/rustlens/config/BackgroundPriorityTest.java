package dev.rustlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The nice value goes to the calling thread alone (Linux keeps one per thread), as the kernel reports it. */
@Tag("fast")
public class BackgroundPriorityTest {

    /** The calling thread's nice value: field 19 of /proc/thread-self/stat, counted after the name in parentheses. */
    public static int niceOf(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCallingThreadAloneRunsAtTheNiceValue() throws Exception {
        int before = niceOf(Path.of("/proc/thread-self/stat"));
        AtomicBoolean lowered = new AtomicBoolean();
        AtomicInteger niceThere = new AtomicInteger(-1);
        Thread background = Thread.ofPlatform().start(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread(before + 7));
            niceThere.set(niceOf(Path.of("/proc/thread-self/stat")));
        });
        background.join();
        assertTrue(lowered.get());
        assertEquals(before + 7, niceThere.get());
        assertEquals(before, niceOf(Path.of("/proc/thread-self/stat")), "this thread keeps its priority");
    }

    @Test
    void zeroLeavesTheThreadAloneAndOutOfRangeIsRefused() {
        assertFalse(BackgroundPriority.lowerCurrentThread(0));
        assertThrows(IllegalArgumentException.class, () -> BackgroundPriority.lowerCurrentThread(20));
        assertThrows(IllegalArgumentException.class, () -> BackgroundPriority.lowerCurrentThread(-1));
    }
}
