package dev.rustlens.scan;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes the scans of branches that have gone {@code rustlens.scan.branch-expiry} without a scan
 * (merged or abandoned pull requests), so that they do not pile up. Checked every hour.
 */
@ApplicationScoped
public class BranchExpiry {

    private static final Logger LOG = Logger.getLogger(BranchExpiry.class);

    private final Branches branches;
    private final RustlensConfig config;

    public BranchExpiry(Branches branches, RustlensConfig config) {
        this.branches = branches;
        this.config = config;
    }

    /** Deletes the expired branches' scans. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void deleteExpired() {
        int deleted = branches.expire(config.scan().branchExpiry());
        if (deleted > 0) {
            LOG.infof("deleted %d scan(s) of branches without a scan for %s (rustlens.scan.branch-expiry)", deleted,
                    config.scan().branchExpiry());
        }
    }
}
