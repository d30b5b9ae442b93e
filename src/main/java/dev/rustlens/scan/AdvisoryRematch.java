package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.supply.AdvisoriesChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When the advisory database changes, matches every repository's newest scan of its default
 * branch against it again, without rescanning the code: their advisory findings are replaced,
 * tracked against their baselines, counted and judged again, one scan per transaction.
 */
@ApplicationScoped
public class AdvisoryRematch {

    private static final Logger LOG = Logger.getLogger(AdvisoryRematch.class);

    private final ScanStore store;

    public AdvisoryRematch(ScanStore store) {
        this.store = store;
    }

    void onChange(@Observes AdvisoriesChanged change) {
        List<Long> scans = QuarkusTransaction.requiringNew().call(() -> GitRepository.listByName().stream()
                .flatMap(repository -> Scan.findNewestSucceeded(repository, repository.defaultBranch).stream())
                .map(scan -> scan.id).toList());
        int changed = 0;
        for (long scanId : scans) {
            try {
                boolean rematched = QuarkusTransaction.requiringNew().call(() -> store.rematchAdvisories(Scan.findById(scanId)));
                changed += rematched ? 1 : 0;
            } catch (RuntimeException e) {
                // One scan that cannot be matched again must not keep the others on the old database.
                LOG.warnf(e, "matching scan %d against advisory database %s failed", scanId, change.revision());
            }
        }
        LOG.infof("advisory database %s: matched %d newest scans again, %d with changed advisory findings",
                change.revision(), scans.size(), changed);
    }
}
