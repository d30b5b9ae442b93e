package dev.rustlens.scan;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The number of queued scans, as the gauge {@code rustlens_scan_queue_depth}: read from PostgreSQL
 * when metrics are scraped, at most once every few seconds, so that several scrapers cost one query.
 */
@Startup
@ApplicationScoped
public class ScanQueueDepth {

    private static final Logger LOG = Logger.getLogger(ScanQueueDepth.class);
    private static final long FRESH_NANOS = Duration.ofSeconds(5).toNanos();

    private final ScanQueue queue;
    private final MeterRegistry registry;
    private double depth = Double.NaN;
    private long readAt;
    private boolean read;

    public ScanQueueDepth(ScanQueue queue, MeterRegistry registry) {
        this.queue = queue;
        this.registry = registry;
    }

    @PostConstruct
    void register() {
        Gauge.builder("rustlens.scan.queue.depth", this, ScanQueueDepth::current)
                .description("Scans queued and not yet claimed, on every instance").register(registry);
    }

    /** The queue's depth as last read; NaN (no sample) when PostgreSQL could not be asked. */
    synchronized double current() {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            read = true;
            readAt = now;
            try {
                depth = queue.queuedScans();
            } catch (RuntimeException e) {
                // A scrape must not fail for it: the gauge has no value until the database answers.
                LOG.debugf(e, "counting the queued scans failed");
                depth = Double.NaN;
            }
        }
        return depth;
    }
}
