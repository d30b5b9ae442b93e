package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class FileScheduleTest {

    private static CrateFile file(String path, long size) {
        return new CrateFile(new SourceFile(path, size, null), null, FileRole.LIBRARY);
    }

    private static String take(FileSchedule schedule) throws InterruptedException {
        return schedule.next().map(file -> file.file().path()).orElse("none");
    }

    @Test
    void filesComeLargestFirstAndThenNoneIsLeft() throws InterruptedException {
        FileSchedule schedule = new FileSchedule(List.of(file("b.rs", 10), file("a.rs", 30), file("c.rs", 20)), 1000);
        List<String> order = new ArrayList<>();
        for (Optional<CrateFile> next = schedule.next(); next.isPresent(); next = schedule.next()) {
            order.add(next.get().file().path());
            schedule.done(next.get());
        }
        assertEquals(List.of("a.rs", "c.rs", "b.rs"), order);
    }

    @Test
    void twoFilesOverTheBudgetTogetherAreNeverInFlightAtOnce() throws Exception {
        FileSchedule schedule = new FileSchedule(
                List.of(file("huge.rs", 900), file("big.rs", 800), file("small.rs", 50)), 1000);
        CrateFile huge = schedule.next().orElseThrow();
        assertEquals("huge.rs", huge.file().path());
        // big.rs does not fit beside huge.rs: the next thread gets the small file instead.
        assertEquals("small.rs", take(schedule));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return take(schedule);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "big.rs must wait while huge.rs is in flight");
        schedule.done(huge);
        assertEquals("big.rs", waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aFileOverTheWholeBudgetStillRunsAlone() throws InterruptedException {
        FileSchedule schedule = new FileSchedule(List.of(file("enormous.rs", 5000)), 1000);
        assertEquals("enormous.rs", take(schedule));
    }
}
