package dev.rustlens.notify;

import java.time.Instant;

/**
 * One delivery of an event to a webhook and how its latest attempt went: {@code status} is
 * {@code pending} (due at {@code nextAttemptAt}, or being sent), {@code succeeded} (a 2xx answer)
 * or {@code failed} (no attempt left); the receiver's status code and the start of its answer, or
 * the error that kept it from answering. {@code redeliveryOf} names the delivery it sends again.
 */
public record DeliveryView(long id, long webhookId, String event, String status, int attempts, Instant nextAttemptAt,
        Integer responseStatus, String responseBody, String error, Integer durationMs, Long redeliveryOf,
        Instant createdAt, Instant lastAttemptAt, String payload) {
}
