package dev.rustlens.scan;

import dev.rustlens.scan.ScanPhases.Outcome;
import dev.rustlens.scan.ScanPhases.Phase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reports each ended scan: one log line with its phases and sizes, and the metrics at
 * {@code /q/metrics} (the phase timer {@code rustlens_scan_phase_seconds} by phase and outcome, and
 * the files and findings of each succeeded scan).
 */
@ApplicationScoped
public class ScanMetrics {

    private static final Logger LOG = Logger.getLogger(ScanMetrics.class);
    private static final String PHASE_TIMER = "rustlens.scan.phase";

    private final MeterRegistry registry;
    private final DistributionSummary filesAnalyzed;
    private final DistributionSummary filesReused;
    private final DistributionSummary findings;

    public ScanMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.filesAnalyzed = files(registry, "analyzed");
        this.filesReused = files(registry, "reused");
        this.findings = DistributionSummary.builder("rustlens.scan.findings")
                .description("Findings of each succeeded scan").register(registry);
    }

    /** Logs and counts a scan that ended. */
    public void ended(ScanPhases phases, Outcome outcome) {
        LOG.info(phases.describe(outcome));
        for (Phase phase : Phase.values()) {
            if (phases.reached(phase)) {
                Timer.builder(PHASE_TIMER).description("Time a scan spent in each phase, by how the scan ended")
                        .tag("phase", phase.label()).tag("outcome", outcome.label()).register(registry)
                        .record(phases.nanos(phase), TimeUnit.NANOSECONDS);
            }
        }
        if (outcome == Outcome.SUCCEEDED) {
            filesAnalyzed.record(phases.filesAnalyzed());
            filesReused.record(phases.filesReused());
            findings.record(phases.findings());
        }
    }

    private static DistributionSummary files(MeterRegistry registry, String source) {
        return DistributionSummary.builder("rustlens.scan.files")
                .description("Rust files of each succeeded scan, analysed or reused from the result cache")
                .tag("source", source).register(registry);
    }
}
