package dev.rustlens.scan;

import dev.rustlens.analysis.UnsafeSite;
import dev.rustlens.analysis.source.Digests;
import dev.rustlens.database.Columns;
import dev.rustlens.database.StorableText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The unsafe sites that a scan's crate snapshots share with other snapshots of the same crate
 * ({@code crate_snapshot.unsafe_sites_of}, docs/database.md): an unchanged rescan's with the scan it
 * repeats, and a new commit's crate whose sites are unchanged with its baseline's on the same
 * branch; neither writes them again. Sites never change once stored, so the sharing lasts, but for
 * test coverage, which is kept per site: a scan that imports coverage takes a copy of its own first.
 */
public final class SharedUnsafeSites {

    /** The sites that snapshots of scan {@code ?1} read: their own, or those they share. */
    private static final String READ_BY_SCAN = "select " + CrateSnapshot.unsafeSitesOf("s")
            + " from crate_snapshot s where s.scan_id = ?1";

    private SharedUnsafeSites() {
    }

    /** A baseline snapshot's unsafe sites, as a later snapshot of its crate may share them. */
    record Lender(String digest, long rowsOf) {
    }

    /**
     * The sites of each crate snapshot of scan {@code scanId} that recorded their digest, by crate
     * id: the digest, and the snapshot id the rows carry (its own, or the one it shares).
     */
    static Map<Long, Lender> lenders(EntityManager entityManager, long scanId) {
        Map<Long, Lender> lenders = new HashMap<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("select crate_id, unsafe_sites_digest, "
                + CrateSnapshot.unsafeSitesOf("s") + " as rows_of from crate_snapshot s where s.scan_id = ?1"
                + " and s.unsafe_sites_digest is not null", Tuple.class).setParameter(1, scanId).getResultList()) {
            lenders.put(Columns.longOf(row, "crate_id"),
                    new Lender(row.get("unsafe_sites_digest", String.class), Columns.longOf(row, "rows_of")));
        }
        return lenders;
    }

    /**
     * The SHA-256 of {@code sites} as {@code unsafe_site} stores them, in their order: two snapshots
     * with the same digest have the same rows. Each path is prefixed by its length, so no path can
     * pass for the fields of another site.
     */
    static String digest(List<UnsafeSite> sites) {
        StringBuilder text = new StringBuilder();
        for (UnsafeSite site : sites) {
            String path = StorableText.of(site.path());
            text.append(site.kind().name()).append('\t').append(path.length()).append(':').append(path).append('\t')
                    .append(site.line()).append('\t').append(site.column()).append('\t').append(site.inTestCode())
                    .append('\n');
        }
        return Digests.sha256Hex(text.toString(), 32);
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
