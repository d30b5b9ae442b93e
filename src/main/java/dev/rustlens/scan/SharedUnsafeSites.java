package dev.rustlens.scan;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * The unsafe sites that an unchanged rescan's snapshots share with the snapshots of the scan it
 * repeats ({@code crate_snapshot.unsafe_sites_of}, docs/database.md): the rescan writes none. Sites
 * never change once stored, so the sharing lasts, but for test coverage, which is kept per site:
 * a scan that imports coverage takes a copy of its own first.
 */
public final class SharedUnsafeSites {

    /** The sites that snapshots of scan {@code ?1} read: their own, or those they share. */
    private static final String READ_BY_SCAN = "select " + CrateSnapshot.unsafeSitesOf("s")
            + " from crate_snapshot s where s.scan_id = ?1";

    private SharedUnsafeSites() {
    }

    /**
     * Gives the snapshots of scan {@code scanId} that share another snapshot's unsafe sites a copy
     * of their own, in the caller's transaction; the shared rows go when no other kept scan reads them.
     */
    public static void copyForScan(EntityManager entityManager, long scanId) {
        Session session = entityManager.unwrap(Session.class);
        session.createNativeMutationQuery("""
                insert into unsafe_site (crate_snapshot_id, kind, path, line, col, in_test_code)
                select s.id, u.kind, u.path, u.line, u.col, u.in_test_code
                from crate_snapshot s join unsafe_site u on u.crate_snapshot_id = s.unsafe_sites_of
                where s.scan_id = ?1""").setParameter(1, scanId).executeUpdate();
        session.createNativeMutationQuery("delete from unsafe_site where crate_snapshot_id in (select unsafe_sites_of"
                + " from crate_snapshot where scan_id = ?1) and not " + readByAKeptScan("k.scan_id <> ?1"))
                .setParameter(1, scanId).executeUpdate();
        session.createNativeMutationQuery("update crate_snapshot set unsafe_sites_of = null where scan_id = ?1"
                + " and unsafe_sites_of is not null").setParameter(1, scanId).executeUpdate();
    }

    /**
     * Deletes the unsafe sites that the snapshots of scan {@code scanId} read, their own or shared,
     * that no scan whose details housekeeping kept reads.
     *
     * @return how many sites were deleted
     */
    static int deleteIfUnread(EntityManager entityManager, long scanId) {
        return entityManager.unwrap(Session.class).createNativeMutationQuery("delete from unsafe_site"
                + " where crate_snapshot_id in (" + READ_BY_SCAN + ") and not " + readByAKeptScan("true"))
                .setParameter(1, scanId).executeUpdate();
    }

    /**
     * Whether a snapshot {@code k} of a scan whose details housekeeping kept, and that meets
     * {@code condition}, reads the sites of row {@code unsafe_site}.
     */
    private static String readByAKeptScan(String condition) {
        // Spelled as two indexed equalities: the rows carry the id of the snapshot that holds them,
        // whose unsafe_sites_of is null, and those sharing them name it in unsafe_sites_of.
        return "exists (select 1 from crate_snapshot k join scan ks on ks.id = k.scan_id where ks.findings_removed_at"
                + " is null and " + condition + " and (k.id = unsafe_site.crate_snapshot_id"
                + " or k.unsafe_sites_of = unsafe_site.crate_snapshot_id))";
    }
}
