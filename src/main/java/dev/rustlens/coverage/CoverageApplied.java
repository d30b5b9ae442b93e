package dev.rustlens.coverage;

import dev.rustlens.scan.Scan;

/**
 * Fired, inside the importing transaction, when a report uploaded after its commit was scanned
 * has been applied to one of that commit's scans (figures stored, snapshots rescored): the
 * quality gate observes it and judges the scan again.
 *
 * @param scan the succeeded scan the report now applies to
 */
public record CoverageApplied(Scan scan) {
}
