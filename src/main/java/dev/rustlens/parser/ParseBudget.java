package dev.rustlens.parser;

import java.time.Duration;

/** A deadline for one file's parse and queries. */
public final class ParseBudget {

    private final long deadlineNanos;

    private ParseBudget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A budget that ends {@code duration} from now. */
    public static ParseBudget of(Duration duration) {
        return new ParseBudget(System.nanoTime() + duration.toNanos());
    }

    /** Microseconds left before the deadline; zero or less once it has passed. */
    public long remainingMicros() {
        return (deadlineNanos - System.nanoTime()) / 1000;
    }

    /** True once the deadline has passed. */
    public boolean exhausted() {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
