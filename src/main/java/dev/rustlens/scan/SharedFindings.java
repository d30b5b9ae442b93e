package dev.rustlens.scan;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * The finding rows that an unchanged rescan shares with the scan it repeats ({@link Scan#findingsOf},
 * docs/database.md): the rescan writes none, and the rows are copied only when one of the scans
 * sharing them is about to change them (diagnostics imported, advisories matched again, tracked
 * against another baseline), which is rare. The rows' counts ({@link FindingCounts}) are shared
 * with them; scores stay each scan's own.
 */
final class SharedFindings {

    private SharedFindings() {
    }

    /** Makes {@code rescan} read the finding rows of {@code source}, whose findings it repeats. */
    static void share(Scan rescan, Scan source) {
        rescan.findingsOf = source.findingsScanId();
    }

    /**
     * Before the finding rows of {@code scan} change: a scan sharing another's rows gets a copy of
     * its own, counted; a scan whose rows others share hands the rows' copy, counted, to the oldest
     * of them, which the others then share. Rows that housekeeping kept only for the scans now holding a copy go.
     */
    static void beforeChanging(EntityManager entityManager, Scan scan) {
        Session session = entityManager.unwrap(Session.class);
        // Counts go with the rows: a scan given a copy gets counts of its own.
        FindingCounts counts = new FindingCounts(entityManager);
        if (scan.findingsOf != null) {
            long shared = scan.findingsOf;
            copy(entityManager, shared, scan.id);
            scan.findingsOf = null;
            entityManager.flush();
            counts.recount(scan.id);
            deleteIfUnread(entityManager, shared);
            return;
        }
        List<Long> sharers = session.createNativeQuery("select id from scan where findings_of = ?1 order by id",
                Long.class).setParameter(1, scan.id).getResultList();
        if (sharers.isEmpty()) {
            return;
        }
        long heir = sharers.getFirst();
        copy(entityManager, scan.id, heir);
        session.createNativeMutationQuery("update scan set findings_of = case when id = ?2 then null else ?2 end"
                + " where findings_of = ?1").setParameter(1, scan.id).setParameter(2, heir).executeUpdate();
        // The entities say so too (set rather than refreshed: a refresh would drop their other changes).
        for (long sharer : sharers) {
            session.find(Scan.class, sharer).findingsOf = sharer == heir ? null : heir;
        }
        counts.recount(heir);
        // A scan that housekeeping removed kept its rows for the others alone.
        deleteIfUnread(entityManager, scan.id);
    }

    /**
     * Deletes the finding rows carrying {@code rowsScanId} when no scan whose findings housekeeping
     * kept reads them (neither the scan that carries them nor one sharing them).
     *
     * @return how many rows were deleted
     */
    static int deleteIfUnread(EntityManager entityManager, long rowsScanId) {
        Session session = entityManager.unwrap(Session.class);
        boolean read = session.createNativeQuery("select count(*) from scan where (id = ?1 or findings_of = ?1)"
                + " and findings_removed_at is null", Long.class).setParameter(1, rowsScanId).getSingleResult() > 0;
        return read ? 0 : session.createNativeMutationQuery("delete from finding where scan_id = ?1")
                .setParameter(1, rowsScanId).executeUpdate();
    }

    /**
     * Copies the finding rows of scan {@code from} to scan {@code to}, each onto {@code to}'s snapshot
     * of the same crate (both scans are of one commit, so they have the same crates).
     */
    private static void copy(EntityManager entityManager, long from, long to) {
        entityManager.createNativeQuery("""
                insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col,
                    message, in_test_code, suppression, fingerprint, tracking, also_reported_by)
                select ?1, n.id, f.check_id, f.severity, f.path, f.line, f.col, f.end_line, f.end_col, f.message,
                    f.in_test_code, f.suppression, f.fingerprint, f.tracking, f.also_reported_by
                from finding f""" + CrateSnapshot.sameCrateInScan1("f") + """
                where f.scan_id = ?2""")
                .setParameter(1, to).setParameter(2, from).executeUpdate();
    }
}
