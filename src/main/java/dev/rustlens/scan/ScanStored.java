package dev.rustlens.scan;

/**
 * Fired, synchronously and inside the storing transaction, when a scan's results and scores are
 * stored: what judges a scan (the quality gate) observes it, so the store need not know the judge.
 *
 * @param scan the succeeded scan, its snapshots scored
 */
public record ScanStored(Scan scan) {
}
