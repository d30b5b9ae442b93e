package dev.rustlens.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.http.BadRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The signature of a delivery, its secrets, the retry schedule and the event names, as pure code. */
@Tag("fast")
class WebhookRulesTest {

    @Test
    void theSignatureIsGitHubsHmacSha256OfTheBody() {
        // The example of GitHub's "Validating webhook deliveries", computed by GitHub, not by us.
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                WebhookSignature.sign("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aChangedBodyOrSecretChangesTheSignature() {
        byte[] body = "{\"event\":\"scan_failed\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("rlwh_a", body);
        assertNotEquals(signature, WebhookSignature.sign("rlwh_b", body));
        byte[] changed = "{\"event\":\"scan_failed\" }".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(signature, WebhookSignature.sign("rlwh_a", changed));
    }

    @Test
    void secretsAreLongRandomAndDistinct() {
        String one = WebhookSignature.newSecret();
        assertTrue(one.matches("rlwh_[0-9a-f]{64}"), one);
        assertNotEquals(one, WebhookSignature.newSecret());
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheCapThenStop() {
        RetrySchedule schedule = new RetrySchedule(8, Duration.ofMinutes(1), Duration.ofHours(1));
        List<Duration> waits = new ArrayList<>();
        for (int attempts = 1; attempts < 8; attempts++) {
            waits.add(schedule.waitAfter(attempts).orElseThrow());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L), waits.stream().map(Duration::toMinutes).toList());
        assertEquals(Optional.empty(), schedule.waitAfter(8), "no attempt is left after the eighth");
    }

    @Test
    void manyAttemptsStayAtTheCap() {
        RetrySchedule schedule = new RetrySchedule(1000, Duration.ofMinutes(1), Duration.ofHours(1));
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.waitAfter(999));
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ofMinutes(1), Duration.ofHours(1)).waitAfter(1));
    }

    @Test
    void eventsAreAllByDefaultAndUnknownOnesAreRefused() {
        assertEquals(List.of(WebhookEvent.values()), WebhookEvent.parse(null));
        assertEquals(List.of(WebhookEvent.gate_status, WebhookEvent.scan_failed),
                WebhookEvent.parse(List.of("scan_failed", "gate_status", "scan_failed")));
        assertTrue(assertThrows(BadRequest.class, () -> WebhookEvent.parse(List.of("push"))).getMessage()
                .contains("unknown event 'push'"));
        assertThrows(BadRequest.class, () -> WebhookEvent.parse(List.of()));
    }
}
