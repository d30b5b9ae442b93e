package dev.rustlens.analysis;

import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.metric.Metrics;
import java.util.List;

/**
 * One crate's analysis: its metrics, its findings (suppressed ones included), where its unsafe
 * code and its test code are, and the evidence that it is verified beyond its unit tests.
 */
public record CrateResult(CrateInfo crate, Metrics metrics, List<Finding> findings, List<UnsafeSite> unsafeSites,
        TestCode testCode, List<VerificationEvidence> evidence) {
}
