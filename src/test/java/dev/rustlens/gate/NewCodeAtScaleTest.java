package dev.rustlens.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.database.JoinPlans;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanStore;
import dev.rustlens.scan.SeededScans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
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

    /** A baseline scan and a later scan of the same branch, which fixes some findings and adds others. */
    private static long[] seed(Session session) {
        SeededScans seeded = new SeededScans(session, "new-code-at-scale");
        long baseline = seeded.scan(2, 1, BASELINE_FINDINGS);
        long later = seeded.scan(1, 1 + FIXED_FINDINGS, BASELINE_FINDINGS + NEW_FINDINGS);
        session.createNativeMutationQuery("update scan set previous_scan_id = %d where id = %d"
                .formatted(baseline, later)).executeUpdate();
        return new long[] {baseline, later};
    }
}
