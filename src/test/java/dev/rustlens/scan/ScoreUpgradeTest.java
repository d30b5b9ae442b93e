package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.scoring.ScoreFormula;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The background rescoring: a few thousand snapshots scored by an older formula are rescored in
 * batches, with progress, while whoever started it goes on at once; the repository's stored trend
 * changes follow its new scores.
 */
@QuarkusTest
class ScoreUpgradeTest {

    private static final int SCANS = 400;
    private static final int CRATES_PER_SCAN = 8;

    @Inject
    DataSource dataSource;

    @Inject
    ScoreUpgrade upgrade;

    @Inject
    RecentTrends trends;

    @Test
    void staleSnapshotsAreRescoredInTheBackground() throws Exception {
        awaitEnd(); // the run that start-up began
        String name = "rescore-" + UUID.randomUUID();
        long repository;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            repository = seed(sql, name);
        }
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            // Holding the table makes the rescoring wait at its first query: start() must not.
            holder.setAutoCommit(false);
            lock.execute("lock table crate_snapshot in access exclusive mode");
            upgrade.start();
            assertTrue(upgrade.progress().running(), "start() returns while the rescoring waits");
            holder.rollback();
        }
        awaitEnd();
        ScoreUpgrade.Progress progress = upgrade.progress();
        assertTrue(!progress.running(), "the rescoring ended: " + progress);
        assertTrue(progress.scans() >= SCANS && progress.rescored() >= SCANS, progress.toString());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    select count(*), count(*) filter (where c.score_formula = %d and c.ratings is not null
                                                        and jsonb_array_length(c.ratings) = 5),
                           count(distinct s.id) filter (where s.score is not null and s.grade is not null)
                    from crate_snapshot c join scan s on s.id = c.scan_id where s.repository_id = %d"""
                    .formatted(ScoreFormula.VERSION, repository))) {
                rows.next();
                assertEquals(SCANS * CRATES_PER_SCAN, rows.getInt(1));
                assertEquals(SCANS * CRATES_PER_SCAN, rows.getInt(2), "every snapshot on formula " + ScoreFormula.VERSION);
                assertEquals(SCANS, rows.getInt(3), "every scan has its repository score again");
            }
            // Seeded without scores, its trend had no score change; rescored, it has one, stored.
            RecentTrend trend = trends.of(List.of(repository)).get(repository);
            assertEquals(RecentTrends.POINTS, trend.scores().size(), "every point of the trend has a score");
            try (ResultSet rows = sql.executeQuery("select score_change, unsafe_blocks_change"
                    + " from repository_trend where repository_id = " + repository)) {
                assertTrue(rows.next(), "the changes are stored");
                assertEquals(trend.scoreChange(), rows.getObject(1, Integer.class), "the stored score change");
                assertEquals(trend.unsafeBlocksChange(), rows.getObject(2, Integer.class), "the stored unsafe change");
            }
        }
    }

    private void awaitEnd() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (upgrade.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Seeds a repository with scans whose snapshots formula 1 scored, and returns its id. */
    private static long seed(Statement sql, String name) throws Exception {
        sql.execute("insert into repository (name, url, default_branch) values ('%s', 'https://git.example.com/%s.git', 'main')"
                .formatted(name, name));
        long repository;
        try (ResultSet id = sql.executeQuery("select id from repository where name = '" + name + "'")) {
            id.next();
            repository = id.getLong(1);
        }
        sql.execute("insert into crate (repository_id, name) select %d, 'crate-' || c from generate_series(1, %d) c"
                .formatted(repository, CRATES_PER_SCAN));
        sql.execute("""
                insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, started_at, finished_at,
                                  heartbeat_at, worker, analyzer_version, committed_at)
                select %d, 'main', md5('%s' || i), 'schedule', 'succeeded', now(), now(), now(), now(), 'seed', '1',
                       now() - i * interval '1 hour'
                from generate_series(1, %d) i""".formatted(repository, name, SCANS));
        sql.execute("""
                insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines, unsafe_blocks,
                    unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks, unsafe_in_macros, findings,
                    metrics, score, grade, score_formula)
                select s.id, c.id, c.name, '0.1.0', '2021', 10, 2000, (s.id + c.id) %% 7, 0, 0, 0, 0, 0, 0, 0,
                       jsonb_build_object('library_code_lines', 1500, 'code_lines', 2000, 'unsafe_blocks', (s.id + c.id) %% 7,
                           'public_items', 40, 'documented_public_items', 30, 'public_fns', 20,
                           'public_fns_with_example', 5, 'doctests', 5, 'test_fns', 25, 'crate_docs', 1),
                       77, 'B', 1
                from scan s cross join crate c
                where s.repository_id = %d and c.repository_id = %d""".formatted(repository, repository));
        sql.execute("""
                insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col,
                                     message, in_test_code, suppression, fingerprint, tracking)
                select c.scan_id, c.id, 'undocumented_unsafe_block', 'CRITICAL', 'src/lib.rs', n, 5, n, 20,
                       'unsafe block without a // SAFETY: comment', false, 'NONE', md5(c.id || ':' || n), 'unchanged'
                from crate_snapshot c join scan s on s.id = c.scan_id, generate_series(1, c.unsafe_blocks / 2) n
                where s.repository_id = %d""".formatted(repository));
        // The unsafe blocks a store keeps with each scan: the overview's trends read them.
        sql.execute("""
                update scan s set unsafe_blocks = (select sum(unsafe_blocks) from crate_snapshot where scan_id = s.id)
                where s.repository_id = %d""".formatted(repository));
        // The counts a store keeps beside its findings (FindingCounts): pages and totals of every
        // repository read them.
        sql.execute("""
                insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code,
                                           suppression, findings)
                select f.scan_id, f.crate_snapshot_id, f.check_id, f.severity, f.tracking, f.in_test_code, f.suppression,
                       count(*)
                from finding f join scan s on s.id = f.scan_id
                where s.repository_id = %d
                group by f.scan_id, f.crate_snapshot_id, f.check_id, f.severity, f.tracking, f.in_test_code,
                         f.suppression""".formatted(repository));
        return repository;
    }
}
