package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps password guessing slow and cheap for the server: failed sign-ins are counted per user name
 * and per client address over a sliding window, and past a limit further attempts are refused
 * (429 with Retry-After) before any password is checked; and at most a few password hashes are
 * computed at once, so a burst of sign-ins cannot take every core from the API. Counts are kept
 * in memory, per instance.
 */
@ApplicationScoped
public class SignInGuard {

    /** Most user names and addresses remembered; a flood of fresh ones only forgets stale entries first. */
    private static final int MAX_TRACKED = 10_000;
    /** How long a sign-in waits for a free password check before it is turned away. */
    private static final Duration HASHING_WAIT = Duration.ofSeconds(10);

    private final RustlensConfig.Auth config;
    private final Map<String, Deque<Long>> failuresByUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> failuresByAddress = new ConcurrentHashMap<>();
    private final Semaphore hashing;

    public SignInGuard(RustlensConfig config) {
        this.config = config.auth();
        this.hashing = new Semaphore(Math.max(1, this.config.maxConcurrentPasswordChecks()), true);
    }

    /** How long {@code username} from {@code address} must wait before trying again; empty when it may try now. */
    public Optional<Duration> retryAfter(String username, String address) {
        long now = System.nanoTime();
        Optional<Duration> user = wait(failuresByUser.get(userKey(username)), config.signInFailuresPerUser(), now);
        Optional<Duration> client = wait(failuresByAddress.get(address), config.signInFailuresPerAddress(), now);
        return user.isPresent() && client.isPresent() ? Optional.of(max(user.get(), client.get()))
                : user.isPresent() ? user : client;
    }

    /** Counts a failed sign-in against the user name and the address. */
    public void failed(String username, String address) {
        long now = System.nanoTime();
        record(failuresByUser, userKey(username), now);
        record(failuresByAddress, address, now);
    }

    /** A successful sign-in clears the user name's failures (not the address's: one address may try many names). */
    public void succeeded(String username) {
        failuresByUser.remove(userKey(username));
    }

    /**
     * Runs a password hash or check when a slot is free.
     *
     * @throws PasswordChecksBusy when none frees up within a few seconds
     */
    public <T> T hashing(Supplier<T> check) {
        try {
            if (!hashing.tryAcquire(HASHING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PasswordChecksBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusy();
        }
        try {
            return check.get();
        } finally {
            hashing.release();
        }
    }

    private Optional<Duration> wait(Deque<Long> failures, int limit, long now) {
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            expire(failures, now);
            if (failures.size() < limit) {
                return Optional.empty();
            }
            // Allowed again when enough of the failures in the window have aged out of it.
            long freedAt = failures.stream().skip(failures.size() - limit).findFirst().orElseThrow()
                    + config.signInWindow().toNanos();
            return Optional.of(Duration.ofNanos(Math.max(0, freedAt - now)).plusSeconds(1));
        }
    }

    private void record(Map<String, Deque<Long>> failures, String key, long now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(deque -> {
                synchronized (deque) {
                    expire(deque, now);
                    return deque.isEmpty();
                }
            });
        }
        Deque<Long> deque = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (deque) {
            expire(deque, now);
            deque.addLast(now);
        }
    }

    private void expire(Deque<Long> failures, long now) {
        long oldest = now - config.signInWindow().toNanos();
        while (!failures.isEmpty() && failures.peekFirst() - oldest < 0) {
            failures.removeFirst();
        }
    }

    private static String userKey(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Every password check slot stayed taken: the server is busy, the caller should try again shortly. */
    public static final class PasswordChecksBusy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PasswordChecksBusy() {
            super("the server is busy checking passwords; try again in a moment", null, false, false);
        }
    }
}
