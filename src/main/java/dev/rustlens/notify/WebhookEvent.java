package dev.rustlens.notify;

import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import java.util.Arrays;
import java.util.List;

/** What a webhook can be told of; the names are sent in {@code X-Rustlens-Event} and stored as they are. */
public enum WebhookEvent {
    /** The quality gate verdict of a branch's newest scan changed: a first verdict, passed to failed or back. */
    gate_status,
    /** A scan failed. */
    scan_failed,
    /** A benchmark result opened a regression alert. */
    benchmark_alert;

    /** Every event's name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(WebhookEvent::name).toList();
    }

    /** The events named, without repeats, in declaration order; every event when {@code names} is null. */
    static List<WebhookEvent> parse(List<String> names) {
        if (names == null) {
            return List.of(values());
        }
        if (names.isEmpty()) {
            throw new BadRequest("events must name at least one of " + String.join(", ", names()));
        }
        for (String name : names) {
            if (name == null || Arrays.stream(values()).noneMatch(event -> event.name().equals(name))) {
                throw new BadRequest("unknown event " + Echo.quoted(name) + ": use " + String.join(", ", names()));
            }
        }
        return Arrays.stream(values()).filter(event -> names.contains(event.name())).toList();
    }
}
