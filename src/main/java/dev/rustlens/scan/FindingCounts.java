package dev.rustlens.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * Each scan's findings counted by crate, check, severity, tracking, test code and suppression
 * ({@code finding_count}), counted again whenever its findings change (stored, tracked again,
 * imported lints applied). Trends read the counts, which stay when housekeeping removes an old
 * scan's findings.
 */
@ApplicationScoped
public class FindingCounts {

    private final EntityManager entityManager;

    public FindingCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts the scan's findings again, in the caller's transaction. */
    void recount(long scanId) {
        Session session = entityManager.unwrap(Session.class);
        session.flush();
        session.createNativeMutationQuery("delete from finding_count where scan_id = ?1").setParameter(1, scanId)
                .executeUpdate();
        session.createNativeMutationQuery("""
                insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code,
                                           suppression, findings)
                select scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression, count(*)
                from finding where scan_id = ?1
                group by scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression""")
                .setParameter(1, scanId).executeUpdate();
    }
}
