package dev.rustlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's counting window and its bound on password checks running at once. */
class SignInGuardTest {

    private static SignInGuard guard(Path dir, String window, int concurrentChecks) {
        return new SignInGuard(TestConfig.of(Map.of("rustlens.work-dir", dir.toString(),
                "rustlens.auth.sign-in-window", window,
                "rustlens.auth.max-concurrent-password-checks", Integer.toString(concurrentChecks))));
    }

    @Test
    void failuresAgeOutOfTheWindowAndASuccessClearsTheUsersCount(@TempDir Path dir) throws Exception {
        SignInGuard guard = guard(dir, "1s", 2);
        for (int i = 0; i < 5; i++) {
            guard.failed("Ana", "192.0.2.1");
        }
        Optional<Duration> wait = guard.retryAfter(" ana ", "198.51.100.7");
        assertTrue(wait.isPresent() && wait.get().compareTo(Duration.ofSeconds(2)) <= 0, "the user name, in any case: " + wait);
        assertEquals(Optional.empty(), guard.retryAfter("bob", "198.51.100.7"));
        guard.succeeded("ana");
        assertEquals(Optional.empty(), guard.retryAfter("ana", "198.51.100.7"));

        for (int i = 0; i < 5; i++) {
            guard.failed("carol", "192.0.2.1");
        }
        Thread.sleep(1_100); // the one-second window passes
        assertEquals(Optional.empty(), guard.retryAfter("carol", "192.0.2.1"));
    }

    @Test
    void onePasswordCheckWaitsForAnotherWhenOneSlotIsAllowed(@TempDir Path dir) throws Exception {
        SignInGuard guard = guard(dir, "15m", 1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        Thread first = Thread.ofVirtual().start(() -> guard.hashing(() -> {
            firstRunning.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        firstRunning.await();
        Thread second = Thread.ofVirtual().start(() -> guard.hashing(() -> {
            secondRan.set(true);
            return null;
        }));
        second.join(Duration.ofMillis(300));
        assertFalse(secondRan.get(), "the second check waits for the slot");
        releaseFirst.countDown();
        first.join();
        second.join();
        assertTrue(secondRan.get(), "and runs once the first is done");
    }
}
