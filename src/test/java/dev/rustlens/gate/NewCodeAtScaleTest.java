package dev.rustlens.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.database.JoinPlans;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: comparing a scan with a large baseline in the transaction that stores it, when the
 * table's statistics predate both scans (PostgreSQL then expects a row or two per scan). The
 * nested-loop plan it used to pick compared each new finding with every baseline finding
 * (150,000 x 152,000 here: hours); tracking and the gate's new-code count must finish at once.
 */
@QuarkusTest
class NewCodeAtScaleTest {

    private static final int BASELINE_FINDINGS = 150_000;
    private static final int NEW_FINDINGS = 2_000;
    private static final int FIXED_FINDINGS = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    ScanStore store;

    @Inject
    GateService gates;

    @Inject
    UserTransaction transaction;

    @Test
    void aLargeBaselineIsComparedWithoutANestedLoopOverBothScans() throws Exception {
        transaction.begin();
        try {
            Session session = entityManager.unwrap(Session.class);
            // Statistics from before the two scans exist; the seeding stays uncommitted, so no
            // autovacuum can refresh them. All of it is rolled back at the end.
            session.createNativeMutationQuery("analyze finding").executeUpdate();
            long[] scans = seed(session);
            session.createNativeMutationQuery("set local statement_timeout = '60s'").executeUpdate();

            String newCode = """
                    explain select count(*) from finding f where f.scan_id = %d
                    and not exists (select 1 from finding b where b.scan_id = %d and b.fingerprint = f.fingerprint)"""
                    .formatted(scans[1], scans[0]);
            List<String> plan = JoinPlans.withoutNestedLoops(session,
                    () -> session.createNativeQuery(newCode, String.class).getResultList());
            assertFalse(String.join("\n", plan).contains("Nested Loop"), String.join("\n", plan));

            Scan later = Scan.findById(scans[1]);
            store.trackAgain(later); // tracks against the baseline, then the gate judges it
            assertEquals(NEW_FINDINGS, later.findingsNew);
            assertEquals(FIXED_FINDINGS, later.findingsFixed);
            GateVerdict verdict = gates.verdict(later.id).orElseThrow();
            assertEquals(Long.valueOf(scans[0]), verdict.newCode().baselineScanId());
            assertEquals(NEW_FINDINGS, verdict.newCode().newFindings());
        } finally {
            transaction.rollback();
        }
    }

    /** A repository with a baseline scan and a later scan of it, which fixes some findings and adds others. */
    private static long[] seed(Session session) {
        String name = "new-code-at-scale-" + UUID.randomUUID();
        long repository = id(session, """
                insert into repository (name, url, default_branch) values ('%s', 'https://git.example.com/%s.git', 'main')
                returning id""".formatted(name, name));
        long crate = id(session, "insert into crate (repository_id, name) values (%d, 'big') returning id"
                .formatted(repository));
        long[] scans = new long[2];
        for (int i = 0; i < 2; i++) {
            scans[i] = id(session, """
                    insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, started_at,
                                      finished_at, heartbeat_at, worker, analyzer_version, committed_at)
                    values (%d, 'main', md5('%s%d'), 'schedule', 'succeeded', now(), now(), now(), now(), 'seed', '1',
                            now() - interval '1 day' * %d)
                    returning id""".formatted(repository, name, i, 2 - i));
            long snapshot = id(session, """
                    insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines,
                        unsafe_blocks, unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks,
                        unsafe_in_macros, findings, metrics, score, grade, score_formula)
                    values (%d, %d, 'big', '0.1.0', '2021', 1000, 100000, 0, 0, 0, 0, 0, 0, 0, 0,
                        '{}'::jsonb, 80, 'B', 1)
                    returning id""".formatted(scans[i], crate));
            // The later scan drops the baseline's first FIXED_FINDINGS and adds NEW_FINDINGS after its last.
            int first = i == 0 ? 1 : 1 + FIXED_FINDINGS;
            int last = i == 0 ? BASELINE_FINDINGS : BASELINE_FINDINGS + NEW_FINDINGS;
            session.createNativeMutationQuery("""
                    insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line,
                                         end_col, message, in_test_code, suppression, fingerprint, tracking)
                    select %d, %d, 'unwrap_used', 'MINOR', 'src/lib.rs', n, 5, n, 20, 'unwrap() may panic', false,
                           'NONE', md5('finding' || n), 'unchanged'
                    from generate_series(%d, %d) n""".formatted(scans[i], snapshot, first, last)).executeUpdate();
        }
        session.createNativeMutationQuery("update scan set previous_scan_id = %d where id = %d"
                .formatted(scans[0], scans[1])).executeUpdate();
        return scans;
    }

    private static long id(Session session, String insert) {
        return session.createNativeQuery(insert, Long.class).getSingleResult();
    }
}
