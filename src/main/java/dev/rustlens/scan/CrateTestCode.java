package dev.rustlens.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.TestCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;

/**
 * Where a stored crate's test code is ({@code crate_snapshot.test_code}), kept out of the crate
 * snapshot entity because only imports of cargo's diagnostics read it, and pages load snapshots.
 */
@ApplicationScoped
public class CrateTestCode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;

    public CrateTestCode(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records where the test code of the stored crate {@code snapshotId} is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(long snapshotId, TestCode testCode) {
        String json;
        try {
            json = JSON.writeValueAsString(testCode);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("test code does not write as JSON", e);
        }
        entityManager.createNativeQuery("update crate_snapshot set test_code = cast(?1 as jsonb) where id = ?2")
                .setParameter(1, json).setParameter(2, snapshotId).executeUpdate();
    }

    /**
     * Where the test code of each crate of the scan is, by snapshot id; a crate stored before
     * rustlens recorded it (or uploaded without it) is left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, TestCode> ofScan(long scanId) {
        Map<Long, TestCode> byCrate = new HashMap<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery(
                "select id, cast(test_code as text) as test_code from crate_snapshot where scan_id = ?1"
                        + " and test_code is not null", Tuple.class)
                .setParameter(1, scanId).getResultList()) {
            try {
                byCrate.put(row.get("id", Number.class).longValue(),
                        JSON.readValue(row.get("test_code", String.class), TestCode.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("crate_snapshot " + row.get("id") + ".test_code does not read", e);
            }
        }
        return byCrate;
    }
}
