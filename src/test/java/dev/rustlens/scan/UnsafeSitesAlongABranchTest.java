package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new commit's crate whose unsafe sites are unchanged shares the rows of the same crate in the
 * scan it is compared with on its branch instead of writing them again; a crate whose sites
 * changed writes its own. The scan lists the sites that a fresh scan of the commit lists, and
 * deleting the repository deletes the shared rows with it.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
class UnsafeSitesAlongABranchTest {

    /** beta with one more unsafe block (and so one more site) in each commit that applies it. */
    private static String betaWithBlocks(int blocks) {
        StringBuilder lib = new StringBuilder(ScanFlowTest.BETA_LIB);
        for (int i = 0; i < blocks; i++) {
            lib.append("\n/// Zeroes a byte.\npub fn zero").append(i).append("(p: *mut u8) {\n")
                    .append("    // SAFETY: callers pass a valid pointer.\n    unsafe { *p = 0 }\n}\n");
        }
        return lib.toString();
    }

    @Inject
    EntityManager entityManager;

    @Test
    void aCrateWithUnchangedSitesSharesTheBaselinesRows(@TempDir Path dir) throws Exception {
        try (Git git = ScanFlowTest.workspace(dir)) {
            long id = register(TestRepositories.url(git));
            long first = awaitSuccess(startScan(id)).getLong("id");
            TestRepositories.commit(git, Map.of("crates/beta/src/lib.rs", betaWithBlocks(1)), "beta zeroes");
            long second = awaitSuccess(startScan(id)).getLong("id");

            Map<String, Long> firstRows = rowsCarried(first);
            Map<String, Long> secondRows = rowsCarried(second);
            assertEquals(firstRows.get("alpha"), secondRows.get("alpha"), "alpha is unchanged: its sites are shared");
            assertNotEquals(firstRows.get("beta"), secondRows.get("beta"), "beta has a new site: rows of its own");
            assertEquals(ownRows(first).get("beta") + 1, ownRows(second).get("beta"));
            assertNull(ownRows(second).get("alpha"), "the second scan wrote no rows for alpha");

            // Again: alpha reads the rows the first scan wrote, not a chain through the second.
            TestRepositories.commit(git, Map.of("crates/beta/src/lib.rs", betaWithBlocks(2)), "beta zeroes twice");
            long third = awaitSuccess(startScan(id)).getLong("id");
            assertEquals(firstRows.get("alpha"), rowsCarried(third).get("alpha"));

            // What the third scan lists is what a fresh scan of the same commit, writing every site, lists.
            long fresh = awaitSuccess(startScan(register(TestRepositories.url(git)))).getLong("id");
            assertEquals(firstRows.keySet(), rowsCarried(fresh).keySet());
            List<String> listed = sorted(SharedFindingsTest.unsafeSites(third));
            assertEquals(sorted(SharedFindingsTest.unsafeSites(fresh)), listed);
            assertTrue(listed.size() > 5, "alpha and beta have unsafe code: " + listed);

            given().when().delete("/api/v1/repositories/{id}", id).then().statusCode(204);
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery(
                    "select count(*) from unsafe_site where crate_snapshot_id = ?1", Long.class)
                    .setParameter(1, firstRows.get("alpha")).getSingleResult()), "the shared rows went with the repository");
        }
    }

    /** The id that each crate's unsafe_site rows carry in scan {@code scanId}, by crate name. */
    private Map<String, Long> rowsCarried(long scanId) {
        return byCrate("select c.name, " + CrateSnapshot.unsafeSitesOf("s") + " as n from crate_snapshot s"
                + " join crate c on c.id = s.crate_id where s.scan_id = ?1", scanId);
    }

    /** How many unsafe_site rows carry the id of each of scan {@code scanId}'s snapshots, by crate name. */
    private Map<String, Long> ownRows(long scanId) {
        return byCrate("select c.name, count(*) as n from unsafe_site u join crate_snapshot s on s.id = u.crate_snapshot_id"
                + " join crate c on c.id = s.crate_id where s.scan_id = ?1 group by c.name", scanId);
    }

    private Map<String, Long> byCrate(String sql, long scanId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> values = new TreeMap<>();
            for (Tuple row : session().createNativeQuery(sql, Tuple.class).setParameter(1, scanId).getResultList()) {
                values.put(row.get(0, String.class), ((Number) row.get(1)).longValue());
            }
            return values;
        });
    }

    private static List<String> sorted(List<Object> sites) {
        return sites.stream().map(String::valueOf).sorted().toList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
