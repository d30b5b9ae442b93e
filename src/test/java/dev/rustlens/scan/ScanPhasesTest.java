package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.scan.ScanPhases.Outcome;
import dev.rustlens.scan.ScanPhases.Phase;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stopwatch of a scan's phases and its log line, on a clock the test moves. */
@Tag("fast")
class ScanPhasesTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final ScanPhases phases = new ScanPhases(7, clock::get);

    private void elapse(long millis) {
        clock.addAndGet(millis * MS);
    }

    /** Begins {@code phase} and lets the clock run for {@code millis}. */
    private void spend(Phase phase, long millis) {
        phases.begin(phase);
        elapse(millis);
    }

    @Test
    void eachPhaseGetsTheTimeUntilTheNextOneBegins() {
        phases.add(Phase.QUEUE, 40 * MS);
        spend(Phase.FETCH, 120);
        spend(Phase.ANALYSIS, 900);
        spend(Phase.STORE, 100);
        spend(Phase.SCORE, 30);
        spend(Phase.GATE, 10);
        spend(Phase.STORE, 20);
        spend(Phase.PUBLISH, 5);
        phases.stop();
        phases.handled(3, 1, 2, 35);
        phases.rustBytes(4096);

        assertEquals(120 * MS, phases.nanos(Phase.FETCH));
        assertEquals(120 * MS, phases.nanos(Phase.STORE), "a phase begun twice adds up");
        assertEquals(1_185 * MS, phases.claimedNanos(), "the queue wait is before the claim");
        assertEquals("scan 7 succeeded: total=1185ms queue=40ms fetch=120ms analysis=900ms store=120ms score=30ms"
                + " gate=10ms publish=5ms files_analyzed=3 files_reused=1 crates=2 findings=35 rust_bytes=4096",
                phases.describe(Outcome.SUCCEEDED));
    }

    @Test
    void aScanThatFailsHasItsTimeInThePhaseItWasIn() {
        spend(Phase.FETCH, 2_000);
        phases.stop();
        elapse(500); // after the end: counted nowhere

        assertTrue(phases.reached(Phase.FETCH));
        assertFalse(phases.reached(Phase.ANALYSIS));
        assertEquals("scan 7 failed: total=2000ms fetch=2000ms files_analyzed=0 files_reused=0 crates=0 findings=0"
                + " rust_bytes=0", phases.describe(Outcome.FAILED));
    }

    @Test
    void aQueueWaitFromAnotherClockNeverCountsBelowZero() {
        phases.add(Phase.QUEUE, -3 * MS);
        assertTrue(phases.reached(Phase.QUEUE));
        assertEquals(0, phases.nanos(Phase.QUEUE));
    }
}
