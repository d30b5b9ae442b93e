package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Findings sent by COPY come back as they went, whatever characters their text holds. */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
class FindingInsertsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void textWithCopysSeparatorsAndEscapesIsStoredAsItIs(@TempDir Path dir) throws Exception {
        long scanId;
        try (Git git = ScanFlowTest.workspace(dir)) {
            scanId = awaitScan(startScan(register(TestRepositories.url(git)))).getLong("id");
        }
        String path = "src/tab\there\\back slash\\N\nnewline\rreturn é.rs";
        String message = "\\N is not null, \\t not a tab: a\tb\\c\nd\re 🦀";
        List<Finding> findings = List.of(
                new Finding("odd_text", Severity.MAJOR, path, 3, 4, 5, 6, message, true, Suppression.NONE, "ctx"),
                new Finding("odd_text", Severity.INFO, "src/plain.rs", 1, 1, 1, 2, "", false, Suppression.NONE, ""));
        QuarkusTransaction.requiringNew().run(() -> {
            long snapshotId = ((Number) entityManager.createNativeQuery(
                    "select min(id) from crate_snapshot where scan_id = ?1").setParameter(1, scanId).getSingleResult())
                    .longValue();
            entityManager.unwrap(Session.class).doWork(connection -> FindingInserts.insert(connection, scanId,
                    snapshotId, findings, List.of("fp-odd", "fp-plain"), Set.of("fp-plain")));
        });
        List<Tuple> stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                    .createNativeQuery("""
                    select path, message, line, col, end_line, end_col, in_test_code, severity, tracking from finding
                    where scan_id = ?1 and check_id = 'odd_text' order by fingerprint""", Tuple.class)
                    .setParameter(1, scanId).getResultList());
        } finally {
            // Rows outside the scan's stored counts would put other tests' totals out by two.
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "delete from finding where scan_id = ?1 and check_id = 'odd_text'").setParameter(1, scanId)
                    .executeUpdate());
        }
        assertEquals(2, stored.size());
        Tuple odd = stored.get(0);
        assertEquals(path, odd.get("path"));
        assertEquals(message, odd.get("message"));
        assertEquals(List.of(3, 4, 5, 6),
                List.of(odd.get("line"), odd.get("col"), odd.get("end_line"), odd.get("end_col")));
        assertEquals(true, odd.get("in_test_code"));
        assertEquals("MAJOR", odd.get("severity"));
        assertEquals("new", odd.get("tracking"));
        Tuple plain = stored.get(1);
        assertEquals("", plain.get("message"));
        assertEquals(false, plain.get("in_test_code"));
        assertEquals("unchanged", plain.get("tracking"));
    }
}
