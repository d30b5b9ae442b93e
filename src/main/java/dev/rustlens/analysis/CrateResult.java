package dev.rustlens.analysis;

import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.check.Finding;
import java.util.List;

/**
 * One crate's analysis: its metrics, its findings (suppressed ones included) and where its
 * unsafe code is.
 */
public record CrateResult(CrateInfo crate, Metrics metrics, List<Finding> findings, List<UnsafeSite> unsafeSites) {
}
