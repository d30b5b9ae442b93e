package dev.rustlens.scan;

import java.util.UUID;
import org.hibernate.Session;

/**
 * Succeeded scans written straight into the tables, in the caller's transaction, for tests that
 * need many findings quickly: one repository, one crate, findings numbered so that two scans can
 * share some of them (finding n has the same fingerprint in every scan), and their counts.
 */
public final class SeededScans {

    private final Session session;
    private final String name;
    private final long repository;
    private final long crate;
    private int scans;

    public SeededScans(Session session, String prefix) {
        this.session = session;
        this.name = prefix + "-" + UUID.randomUUID();
        this.repository = id("""
                insert into repository (name, url, default_branch) values ('%s', 'https://git.example.com/%s.git', 'main')
                returning id""".formatted(name, name));
        this.crate = id("insert into crate (repository_id, name) values (%d, 'big') returning id".formatted(repository));
    }

    /** The repository's id. */
    public long repository() {
        return repository;
    }

    /** The id of the repository's one crate. */
    public long crate() {
        return crate;
    }

    /** A scan of a new commit, committed {@code daysAgo} days ago, with findings {@code first} to {@code last}. */
    public long scan(int daysAgo, int first, int last) {
        return scan(daysAgo, last - first + 1, """
                select 'unwrap_used', 'MINOR', 'src/lib.rs', n, 5, n, 20, 'unwrap() may panic', false, 'NONE',
                       md5('finding' || n), 'unchanged'
                from generate_series(%d, %d) n""".formatted(first, last));
    }

    /**
     * A scan of a new commit, committed {@code daysAgo} days ago, with the {@code count} findings
     * that {@code findings} selects: check, severity, path, line, column, end line, end column,
     * message, whether in test code, suppression, fingerprint and tracking, in that order.
     */
    public long scan(int daysAgo, int count, String findings) {
        long scan = id("""
                insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, started_at,
                                  finished_at, heartbeat_at, worker, analyzer_version, committed_at)
                values (%d, 'main', md5('%s%d'), 'schedule', 'succeeded', now(), now(), now(), now(), 'seed', '1',
                        now() - interval '1 day' * %d)
                returning id""".formatted(repository, name, scans++, daysAgo));
        long snapshot = id("""
                insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines,
                    unsafe_blocks, unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks,
                    unsafe_in_macros, findings, metrics, score, grade, score_formula)
                values (%d, %d, 'big', '0.1.0', '2021', 1000, 100000, 0, 0, 0, 0, 0, 0, 0, %d, '{}'::jsonb, 80, 'B', 1)
                returning id""".formatted(scan, crate, count));
        session.createNativeMutationQuery("""
                insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line,
                                     end_col, message, in_test_code, suppression, fingerprint, tracking)
                select %d, %d, seeded.* from (%s) seeded""".formatted(scan, snapshot, findings)).executeUpdate();
        new FindingCounts(session).recount(scan);
        return scan;
    }

    /**
     * Deletes a seeded repository with everything seeded for it, so that tests which list every
     * repository's findings do not page through another test's leftovers.
     */
    public static void delete(Session session, long repository) {
        session.createNativeMutationQuery("delete from repository where id = ?1").setParameter(1, repository)
                .executeUpdate();
    }

    private long id(String insert) {
        return session.createNativeQuery(insert, Long.class).getSingleResult();
    }
}
