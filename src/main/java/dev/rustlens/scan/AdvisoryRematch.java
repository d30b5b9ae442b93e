package dev.rustlens.scan;

import dev.rustlens.supply.AdvisoriesChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * When the advisory database changes, matches the newest scan of every branch of every repository
 * against it again, without rescanning the code, and the scans those are compared with first: their
 * advisory findings are replaced, tracked against their baselines, counted and judged again, one
 * scan per transaction. Matching a baseline too keeps "new" meaning new in the commit: a package
 * both commits lock, advised against today, is an unchanged finding, not a new one that fails a
 * pull request's new-code conditions.
 */
@ApplicationScoped
public class AdvisoryRematch {

    private static final Logger LOG = Logger.getLogger(AdvisoryRematch.class);

    private final ScanStore store;
    private final EntityManager entityManager;

    public AdvisoryRematch(ScanStore store, EntityManager entityManager) {
        this.store = store;
        this.entityManager = entityManager;
    }

    void onChange(@Observes AdvisoriesChanged change) {
        List<Long> scans = QuarkusTransaction.requiringNew().call(this::scansToMatch);
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
        LOG.infof("advisory database %s: matched %d scans again (the newest of each branch and their baselines),"
                + " %d with changed advisory findings", change.revision(), scans.size(), changed);
    }

    /**
     * The newest succeeded scan of each branch (by commit time, as {@link Scan#findNewestSucceeded})
     * and the baselines they are compared with, each after its own baseline when that is in the list.
     */
    private List<Long> scansToMatch() {
        List<Object[]> heads = entityManager.unwrap(Session.class).createNativeQuery("""
                select distinct on (repository_id, branch) id, previous_scan_id from scan
                where status = 'succeeded'
                order by repository_id, branch, committed_at desc, id desc""", Object[].class).getResultList();
        Map<Long, Long> baselineOf = new HashMap<>();
        for (Object[] head : heads) {
            baselineOf.put(((Number) head[0]).longValue(), head[1] == null ? null : ((Number) head[1]).longValue());
        }
        Set<Long> matched = new TreeSet<>(baselineOf.keySet());
        baselineOf.values().stream().filter(Objects::nonNull).forEach(matched::add);
        // A default branch's newest scan can be a pull request's baseline and have its own: at most
        // a short chain, ordered by how many baselines in the list stand before each scan.
        Map<Long, Integer> depth = new HashMap<>();
        for (long scan : matched) {
            int steps = 0;
            for (Long baseline = baselineOf.get(scan); baseline != null && matched.contains(baseline)
                    && steps <= matched.size(); baseline = baselineOf.get(baseline)) {
                steps++;
            }
            depth.put(scan, steps);
        }
        return matched.stream().sorted(Comparator.comparing(depth::get)).toList();
    }
}
