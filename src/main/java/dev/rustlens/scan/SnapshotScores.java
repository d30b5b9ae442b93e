package dev.rustlens.scan;

import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.SafetyScore;
import dev.rustlens.scoring.ScoreFormula;
import dev.rustlens.scoring.ScoredFinding;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Scores a scan's crate snapshots from their stored metrics and findings, and the repository
 * from its crates; rescores old scans at startup when the formula changed.
 */
@ApplicationScoped
public class SnapshotScores {

    private static final Logger LOG = Logger.getLogger(SnapshotScores.class);

    private final EntityManager entityManager;

    public SnapshotScores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    /** Scores every snapshot of a scan, triage marks in force, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void score(Scan scan) {
        Map<Long, List<ScoredFinding>> findings = new HashMap<>();
        for (Object[] row : session().createNativeQuery("""
                select f.crate_snapshot_id, f.check_id, f.fingerprint, f.suppression <> 'NONE', f.in_test_code,
                       exists (select 1 from finding_triage t where t.repository_id = ?2 and t.fingerprint = f.fingerprint
                               and (t.expires_at is null or t.expires_at > now()))
                from finding f where f.scan_id = ?1""", Object[].class)
                .setParameter(1, scan.id).setParameter(2, scan.repository.id).getResultList()) {
            findings.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>()).add(new ScoredFinding(
                    (String) row[1], (String) row[2], (Boolean) row[3], (Boolean) row[4], (Boolean) row[5]));
        }
        List<ScoreFormula.WeightedScore> crates = new ArrayList<>();
        for (CrateSnapshot snapshot : CrateSnapshot.listForScan(scan)) {
            SafetyScore score = ScoreFormula.score(snapshot.metrics, findings.getOrDefault(snapshot.id, List.of()));
            snapshot.score = score.score();
            snapshot.grade = score.grade().name();
            snapshot.scoreFormula = score.formulaVersion();
            snapshot.deductions = score.deductions();
            crates.add(new ScoreFormula.WeightedScore(score.score(),
                    snapshot.metrics.getOrDefault("library_code_lines", 0L)));
        }
        int repositoryScore = ScoreFormula.aggregate(crates);
        scan.score = repositoryScore;
        scan.grade = Grade.of(repositoryScore).name();
    }

    /** Rescores, one scan per transaction, the succeeded scans scored by another formula version. */
    void rescoreStale(@Observes StartupEvent event) {
        List<Long> stale = QuarkusTransaction.requiringNew().call(() -> session().createNativeQuery("""
                select distinct s.id from scan s join crate_snapshot c on c.scan_id = s.id
                where s.status = 'succeeded' and (c.score_formula is null or c.score_formula <> ?1)
                order by s.id""", Long.class).setParameter(1, ScoreFormula.VERSION).getResultList());
        if (!stale.isEmpty()) {
            LOG.infof("rescoring %d scans with score formula version %d", stale.size(), ScoreFormula.VERSION);
            for (Long id : stale) {
                QuarkusTransaction.requiringNew().run(() -> score(Scan.findById(id)));
            }
        }
    }
}
