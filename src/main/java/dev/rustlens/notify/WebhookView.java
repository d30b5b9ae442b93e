package dev.rustlens.notify;

import java.time.Instant;
import java.util.List;

/** A registered webhook as it is listed: never its secret. */
public record WebhookView(long id, long repositoryId, String url, List<String> events, boolean active, String createdBy,
        Instant createdAt) {
}
