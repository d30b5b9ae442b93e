package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts a store keeps beside a scan's findings ({@code finding_count}) are the findings
 * counted, however they were kept: tallied as a fresh scan's findings were written, shared with the
 * findings an unchanged rescan shares, or counted again from the rows.
 */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
class FindingCountsTest {

    /** By crate rather than crate snapshot: a rescan's rows may be those of the scan it repeats. */
    private static final String COUNTS = """
            select s.crate_id || ' ' || check_id || ' ' || severity || ' ' || tracking || ' ' || in_test_code
                   || ' ' || suppression || ' ' || %s
            from %s f join crate_snapshot s on s.id = f.crate_snapshot_id where f.scan_id = ?1
            group by s.crate_id, check_id, severity, tracking, in_test_code, suppression order by 1""";

    @Inject
    EntityManager entityManager;

    @Test
    void storedCountsAreTheFindingsCountedForFreshRescannedAndChangedScans(@TempDir Path dir) throws Exception {
        try (Git git = ScanFlowTest.workspace(dir)) {
            long repositoryId = ScanFlowTest.register(TestRepositories.url(git));
            JsonPath first = ScanFlowTest.awaitScan(ScanFlowTest.startScan(repositoryId));
            assertEquals("succeeded", first.getString("status"), first.getString("error"));
            assertCountsMatchFindings(first.getLong("id"));

            JsonPath rescan = ScanFlowTest.awaitScan(ScanFlowTest.startScan(repositoryId));
            assertEquals(0, rescan.getInt("filesAnalyzed"), "an unchanged rescan copies the first scan's results");
            assertCountsMatchFindings(rescan.getLong("id"));
            assertEquals(List.of(), rows("select id from finding where scan_id = ?1", rescan.getLong("id")),
                    "an unchanged rescan writes no finding rows");
            assertEquals(List.of(first.getString("id")), rows("select findings_of from scan where id = ?1",
                    rescan.getLong("id")), "it reads the first scan's");
            assertEquals(List.of(), rows("select 1 from finding_count where scan_id = ?1", rescan.getLong("id")),
                    "and their counts");

            // A commit that adds a finding and keeps the others: new and unchanged counted apart.
            TestRepositories.commit(git, Map.of("crates/beta/src/extra.rs", """
                    pub fn peek(p: *const u8) -> u8 {
                        unsafe { *p }
                    }
                    """, "crates/beta/src/lib.rs", ScanFlowTest.BETA_LIB + "\npub mod extra;\n"), "add a raw read");
            JsonPath changed = ScanFlowTest.awaitScan(ScanFlowTest.startScan(repositoryId));
            assertEquals("succeeded", changed.getString("status"), changed.getString("error"));
            List<String> counts = assertCountsMatchFindings(changed.getLong("id"));
            assertTrue(counts.stream().anyMatch(row -> row.contains(" new ")), counts.toString());
            assertTrue(counts.stream().anyMatch(row -> row.contains(" unchanged ")), counts.toString());
            assertTrue(counts.stream().anyMatch(row -> row.contains(" true ")), "test code counted apart: " + counts);
        }
    }

    /**
     * The scan's stored counts, which are its findings counted (for a scan sharing another's rows,
     * those of the scan holding them); returned for further checks.
     */
    private List<String> assertCountsMatchFindings(long scanId) {
        long rowsScanId = rows("select coalesce(findings_of, id) from scan where id = ?1", scanId).stream()
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
        List<String> stored = rows(COUNTS.formatted("sum(f.findings)", "finding_count"), rowsScanId);
        List<String> counted = rows(COUNTS.formatted("count(*)", "finding"), rowsScanId);
        assertFalse(counted.isEmpty(), "the fixture's scan has findings");
        assertEquals(counted, stored, "scan " + scanId);
        assertEquals(counted.size(), rows("select 1 from finding_count where scan_id = ?1", rowsScanId).size(),
                "one stored row for each combination");
        return stored;
    }

    private List<String> rows(String sql, long scanId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .createNativeQuery(sql, Object.class).setParameter(1, scanId).getResultList().stream()
                .map(String::valueOf).toList());
    }
}
