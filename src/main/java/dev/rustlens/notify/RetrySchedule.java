package dev.rustlens.notify;

import dev.rustlens.config.RustlensConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code firstRetry} after the first attempt, twice as long
 * after each further one up to {@code maxInterval}, until {@code maxAttempts} were made.
 */
public record RetrySchedule(int maxAttempts, Duration firstRetry, Duration maxInterval) {

    static RetrySchedule of(RustlensConfig.Webhooks config) {
        return new RetrySchedule(config.maxAttempts(), config.firstRetry(), config.maxRetryInterval());
    }

    /** The wait before the next attempt after {@code attemptsMade} failed ones; empty when none is left. */
    public Optional<Duration> waitAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        // Thirty doublings of any sensible first wait are past any cap, and far from overflowing a Duration.
        int doublings = Math.clamp(attemptsMade - 1L, 0, 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(maxInterval) > 0 ? maxInterval : wait);
    }
}
