package dev.rustlens.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.Map;
import org.hibernate.Session;

/**
 * Each scan's findings counted by crate, check, severity, tracking, test code and suppression
 * ({@code finding_count}), counted again whenever its findings change (stored, tracked again,
 * imported lints applied). Trends read the counts, which stay when housekeeping removes an old
 * scan's findings. The counts go with the finding rows: an unchanged rescan that shares another
 * scan's rows reads that scan's counts ({@code Scan.findingsScanId()}) and stores none.
 */
@ApplicationScoped
public class FindingCounts {

    private final EntityManager entityManager;

    public FindingCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Counts the scan's findings again, in the caller's transaction. A scan that shares another's
     * finding rows has no counts of its own: it reads those of the scan holding the rows.
     */
    void recount(long scanId) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.createNativeMutationQuery("delete from finding_count where scan_id = ?1").setParameter(1, scanId)
                .executeUpdate();
        if (Scan.findingsScanIdOf(scanId) != scanId) {
            return;
        }
        session.createNativeMutationQuery("""
                insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code,
                                           suppression, findings)
                select ?1, f.crate_snapshot_id, f.check_id, f.severity, f.tracking, f.in_test_code, f.suppression, count(*)
                from finding f where f.scan_id = ?1
                group by f.crate_snapshot_id, f.check_id, f.severity, f.tracking, f.in_test_code, f.suppression""")
                .setParameter(1, scanId).executeUpdate();
    }

    /** How many findings the scan's stored counts hold (those of the scan whose rows it shares, if it does). */
    int total(long scanId) {
        return entityManager.unwrap(Session.class).createNativeQuery("select coalesce(sum(findings), 0) from"
                + " finding_count where scan_id = ?1", Long.class).setParameter(1, Scan.findingsScanIdOf(scanId))
                .getSingleResult().intValue();
    }

    /**
     * Stores the counts of a fresh scan's findings, tallied as they were written (no finding of it
     * changed since), in the caller's transaction.
     */
    void store(long scanId, FindingTally tally) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code,
                                               suppression, findings)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int index = 0;
                for (Map.Entry<FindingTally.Key, Integer> count : tally.counts().entrySet()) {
                    FindingTally.Key key = count.getKey();
                    insert.setLong(1, scanId);
                    insert.setLong(2, key.crateSnapshotId());
                    insert.setString(3, key.checkId());
                    insert.setString(4, key.severity());
                    insert.setString(5, key.tracking());
                    insert.setBoolean(6, key.inTestCode());
                    insert.setString(7, key.suppression());
                    insert.setInt(8, count.getValue());
                    FindingInserts.addBatch(insert, index++);
                }
                insert.executeBatch();
            }
        });
    }
}
