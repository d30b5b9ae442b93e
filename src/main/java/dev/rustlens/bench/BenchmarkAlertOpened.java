package dev.rustlens.bench;

/**
 * Fired, synchronously and inside the upload's transaction, when a result opens a new alert (not
 * when it joins an alert its regression already has): what tells others (webhooks) observes it.
 */
public record BenchmarkAlertOpened(AlertView alert) {
}
