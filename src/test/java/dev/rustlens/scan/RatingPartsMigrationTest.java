package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V35 turns the fingerprint lists that rating parts kept into counts by check: the
 * ratings of memchr's first scan and of its unchanged rescan, which shares the first scan's
 * finding rows, put back into the old form and migrated, read exactly as they were scored.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class RatingPartsMigrationTest {

    private static final Path MIGRATION = Path.of("migrations/V35__Rating_parts_count_findings_by_check.sql");

    @Inject
    DataSource dataSource;

    @Test
    void partsWithFingerprintsBecomeTheCountsTheFormulaGives(@TempDir Path dir) throws Exception {
        String url;
        try (Git git = DiagnosticImportTest.memchr(dir).git()) {
            url = TestRepositories.url(git);
        }
        long repositoryId = register(url);
        // The rescan shares the first scan's finding rows: its parts are converted from those.
        long first = awaitSuccess(startScan(repositoryId)).getLong("id");
        String scans = first + ", " + awaitSuccess(startScan(repositoryId)).getLong("id");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            Map<Long, String> scored = ratings(sql, scans);
            assertTrue(scored.values().stream().anyMatch(ratings -> ratings.contains("\"undocumented_unsafe_block\"")),
                    "memchr's Unsafe rating loses points for findings: " + scored);

            // The form before V35: each part lists the fingerprints of the crate's counted findings of its checks.
            int rewritten = sql.executeUpdate("""
                    update crate_snapshot s set ratings = (
                        select jsonb_agg(jsonb_set(rating, '{parts}', (
                            select jsonb_agg((part - 'findingsByCheck') || jsonb_build_object('findings', (
                                select coalesce(jsonb_agg(f.fingerprint order by f.id), '[]'::jsonb)
                                from finding f
                                join crate_snapshot own on own.id = f.crate_snapshot_id
                                join crate c on c.id = own.crate_id
                                where f.scan_id = coalesce(sc.findings_of, sc.id) and own.crate_id = s.crate_id
                                  and f.check_id in (select jsonb_object_keys(part -> 'findingsByCheck'))
                                  and %s)) order by part_index)
                            from jsonb_array_elements(rating -> 'parts') with ordinality as parts(part, part_index)))
                            order by rating_index)
                        from jsonb_array_elements(s.ratings) with ordinality as ratings(rating, rating_index))
                    from scan sc where sc.id = s.scan_id and s.scan_id in (%s)""".formatted(FindingFilter.COUNTS, scans));
            assertEquals(scored.size(), rewritten);
            Map<Long, String> old = ratings(sql, scans);
            assertTrue(old.values().stream().noneMatch(ratings -> ratings.contains("findingsByCheck")), old.toString());
            assertTrue(old.values().stream().anyMatch(ratings -> ratings.contains("\"findings\": [\"")),
                    "some parts list fingerprints: " + old);

            assertEquals(scored.size(), sql.executeUpdate(Files.readString(MIGRATION)));
            assertEquals(scored, ratings(sql, scans));
            assertEquals(0, sql.executeUpdate(Files.readString(MIGRATION)), "converted parts are left alone");
        }
    }

    /** The ratings JSON of the scans' snapshots, by snapshot id. */
    private static Map<Long, String> ratings(Statement sql, String scans) throws SQLException {
        Map<Long, String> ratings = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery("select id, ratings::text from crate_snapshot where scan_id in (" + scans
                + ") and ratings is not null")) {
            while (rows.next()) {
                ratings.put(rows.getLong(1), rows.getString(2));
            }
        }
        return ratings;
    }
}
