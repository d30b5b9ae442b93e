package dev.rustlens.scan;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where one scan's time went, phase by phase, and how much it handled: what its log line and its
 * metrics report when it ends. A stopwatch whose running phase is switched as the scan moves on, so
 * a scan that fails or stops has its time up to then in the phase it was in.
 */
public final class ScanPhases {

    /** The phases of a scan, in order; all but the queue wait run from the claim to the commit. */
    public enum Phase {
        /** From queued to claimed. */
        QUEUE,
        /** Reading the job, fetching the branch (and a target branch), finding the commit. */
        FETCH,
        /** Reading the result cache and analysing the files. */
        ANALYSIS,
        /** Writing crates, findings and unsafe sites, and the cache's new results. */
        STORE,
        /** Scoring the crates. */
        SCORE,
        /** Judging the quality gate (the observers of {@link ScanStored}). */
        GATE,
        /** Stamping the end and committing the transaction. */
        PUBLISH;

        /** The phase's name in the log line and in metric tags. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a scan ended. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        CANCELLED,
        /** Stopped by a shutdown and queued again. */
        REQUEUED,
        /** Its results were not wanted: cancelled or given to another worker while it stored them. */
        ABANDONED;

        /** The outcome's name in the log line and in metric tags. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final long NOT_REACHED = -1;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final long scanId;
    private final LongSupplier clock;
    private final long[] nanos = new long[Phase.values().length];
    private Phase running;
    private long runningSince;
    private int filesAnalyzed;
    private int filesReused;
    private int crates;
    private long findings;
    private long rustBytes;

    /** A scan's phases, timed by {@code clock} (nanoseconds, as {@link System#nanoTime()}). */
    public ScanPhases(long scanId, LongSupplier clock) {
        this.scanId = scanId;
        this.clock = clock;
        Arrays.fill(nanos, NOT_REACHED);
    }

    public long scanId() {
        return scanId;
    }

    /** Ends the running phase, if any, and starts {@code phase}. */
    public void begin(Phase phase) {
        long now = clock.getAsLong();
        stopAt(now);
        running = phase;
        runningSince = now;
    }

    /** Ends the running phase: the scan is over. */
    public void stop() {
        stopAt(clock.getAsLong());
    }

    /** Adds time measured elsewhere (the queue wait, from the database's clock) to a phase. */
    public void add(Phase phase, long elapsedNanos) {
        nanos[phase.ordinal()] = Math.max(0, nanos[phase.ordinal()]) + Math.max(0, elapsedNanos);
    }

    /** Whether the scan reached {@code phase}. */
    public boolean reached(Phase phase) {
        return nanos[phase.ordinal()] != NOT_REACHED;
    }

    /** The time spent in {@code phase}, 0 when it was not reached. */
    public long nanos(Phase phase) {
        return Math.max(0, nanos[phase.ordinal()]);
    }

    /** The time from the claim to the commit (or to the end): every phase but the queue wait. */
    public long claimedNanos() {
        long total = 0;
        for (Phase phase : Phase.values()) {
            total += phase == Phase.QUEUE ? 0 : nanos(phase);
        }
        return total;
    }

    /** Records what the analysis handled. */
    public void handled(int filesAnalyzed, int filesReused, int crates, long findings) {
        this.filesAnalyzed = filesAnalyzed;
        this.filesReused = filesReused;
        this.crates = crates;
        this.findings = findings;
    }

    /** Records the size of the tree's Rust sources. */
    public void rustBytes(long bytes) {
        this.rustBytes = bytes;
    }

    public int filesAnalyzed() {
        return filesAnalyzed;
    }

    public int filesReused() {
        return filesReused;
    }

    public long findings() {
        return findings;
    }

    /**
     * The scan's one log line: its outcome, the time from claim to commit, each phase it reached in
     * milliseconds and its sizes, as {@code key=value} pairs a log search can read.
     */
    public String describe(Outcome outcome) {
        StringBuilder line = new StringBuilder("scan ").append(scanId).append(' ').append(outcome.label())
                .append(": total=").append(claimedNanos() / NANOS_PER_MILLI).append("ms");
        for (Phase phase : Phase.values()) {
            if (reached(phase)) {
                line.append(' ').append(phase.label()).append('=').append(nanos(phase) / NANOS_PER_MILLI).append("ms");
            }
        }
        return line.append(" files_analyzed=").append(filesAnalyzed).append(" files_reused=").append(filesReused)
                .append(" crates=").append(crates).append(" findings=").append(findings)
                .append(" rust_bytes=").append(rustBytes).toString();
    }

    private void stopAt(long now) {
        if (running != null) {
            add(running, now - runningSince);
            running = null;
        }
    }
}
