package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** After a store that adds more than a tenth to the findings, their statistics count the new scan at once. */
@QuarkusTest
class TableStatisticsTest {

    @Inject
    EntityManager entityManager;

    @Inject
    TableStatistics statistics;

    @Test
    void aLargeStoreIsAnalysedAtOnce() {
        long rows = QuarkusTransaction.requiringNew().call(() -> session()
                .createNativeQuery("select count(*) from finding", Long.class).getSingleResult());
        int added = (int) Math.max(1_000, 3 * rows); // four times the table: the statistics cannot miss it
        double before = reltuples();
        assertTrue(before < 0.5 * (rows + added), "statistics from before the scan: " + before);
        long[] seeded = QuarkusTransaction.requiringNew().call(() -> {
            SeededScans scans = new SeededScans(session(), "statistics");
            return new long[] {scans.repository(), scans.scan(0, 1, added)};
        });
        try {
            QuarkusTransaction.requiringNew().run(() -> statistics.refreshAfter(seeded[1]));
            double after = reltuples();
            assertTrue(after >= 0.5 * (rows + added), "statistics count " + after + " findings of " + (rows + added));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> SeededScans.delete(session(), seeded[0]));
        }
    }

    private double reltuples() {
        return QuarkusTransaction.requiringNew().call(() -> session()
                .createNativeQuery("select reltuples::float8 from pg_class where oid = cast('finding' as regclass)",
                        Double.class).getSingleResult());
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
