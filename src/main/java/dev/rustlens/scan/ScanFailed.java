package dev.rustlens.scan;

/**
 * Fired, synchronously and inside the transaction that ends a scan as failed: what tells others
 * (webhooks) observes it, so the store need not know who listens.
 *
 * @param commit the commit the scan got to, or null when it failed before it knew one
 * @param error the message the scan shows
 */
public record ScanFailed(long repositoryId, long scanId, String branch, String commit, String error) {
}
