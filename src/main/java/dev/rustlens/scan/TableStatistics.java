package dev.rustlens.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Planner statistics brought up to date as soon as a scan has added a tenth to its tables. Autovacuum
 * does so on the same rule, but up to a minute later, and meanwhile PostgreSQL plans every query of
 * the new scan (its pages, its exports) for the few rows it expects of an unknown scan: on a young
 * installation that meant sequential scans of the findings for one repository's page.
 */
@ApplicationScoped
public class TableStatistics {

    private static final Logger LOG = Logger.getLogger(TableStatistics.class);

    /**
     * A table that grows with scans: how a scan's rows in it are counted (through the scan's own
     * index), and the column whose statistics a new scan changes, the key that selects a scan's
     * rows (a plan for an unknown scan expected few). The table's size is counted again by any
     * ANALYZE; the text columns, whose statistics took half of the time (sorting 30,000 sampled
     * messages and paths), are left to autovacuum's own ANALYZE.
     */
    private record GrowingTable(String rowsOfScan, String scanKey) {
    }

    private static final Map<String, GrowingTable> GROWING_TABLES = Map.of(
            "finding", new GrowingTable("select count(*) from finding where scan_id = ?1", "scan_id"),
            "unsafe_site", new GrowingTable("select count(*) from unsafe_site u join crate_snapshot c"
                    + " on c.id = u.crate_snapshot_id where c.scan_id = ?1", "crate_snapshot_id"),
            "crate_snapshot", new GrowingTable("select count(*) from crate_snapshot where scan_id = ?1", "scan_id"));

    private final EntityManager entityManager;

    public TableStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onScanStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScanStored stored) {
        long scanId = stored.scan().id;
        try {
            QuarkusTransaction.requiringNew().run(() -> refreshAfter(scanId));
        } catch (RuntimeException e) {
            // The scan is stored; autovacuum will analyse the tables in its own time.
            LOG.warnf("scan %d: analysing its tables after the store failed: %s", scanId, e.getMessage());
        }
    }

    /** Analyses each table the scan grew by more than autovacuum's threshold (50 rows and 10%). */
    void refreshAfter(long scanId) {
        Session session = entityManager.unwrap(Session.class);
        // Analysing a large table can outlast a page's statement timeout; another analysis of the
        // same table (autovacuum's) is not waited for long.
        session.createNativeMutationQuery("set local statement_timeout = 0").executeUpdate();
        session.createNativeMutationQuery("set local lock_timeout = '2s'").executeUpdate();
        GROWING_TABLES.forEach((table, growing) -> {
            long added = session.createNativeQuery(growing.rowsOfScan(), Long.class).setParameter(1, scanId).getSingleResult();
            double known = session.createNativeQuery("select greatest(reltuples, 0)::float8 from pg_class"
                    + " where oid = cast(?1 as regclass)", Double.class).setParameter(1, table).getSingleResult();
            if (added > 50 + 0.1 * known) {
                long start = System.nanoTime();
                session.createNativeMutationQuery("analyze " + table + " (" + growing.scanKey() + ")").executeUpdate();
                LOG.infof("scan %d added %d rows to %s (%.0f known before): analysed it in %d ms", scanId, added,
                        table, known, (System.nanoTime() - start) / 1_000_000);
            }
        });
    }
}
