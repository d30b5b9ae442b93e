package dev.rustlens.scan;

import static dev.rustlens.database.Columns.longOf;

import dev.rustlens.scoring.FixRanking;
import dev.rustlens.scoring.SafetyScore;
import dev.rustlens.scoring.ScoreFormula;
import dev.rustlens.scoring.ScoredFinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Scores a scan's crate snapshots from their stored metrics and findings, with their ratings,
 * ranked fixes and what each finding is worth, and the repository from its crates.
 */
@ApplicationScoped
public class SnapshotScores {

    /** The ranked fixes kept per snapshot: more than any page shows. */
    static final int KEPT_FIXES = 100;

    private final EntityManager entityManager;

    public SnapshotScores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Scores every snapshot of a scan from its stored findings, triage marks in force, in the
     * caller's transaction; imported lints leave the score as it is (docs/scoring.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void score(Scan scan) {
        score(scan, triagedFingerprints(scan.repository.id));
    }

    /**
     * Scores a rescan of a commit, or gives it its source scan's scores when those were computed
     * with the triage marks now in force and the current formula and its findings are the source's
     * ({@code findingsChanged} false): scoring them again would give the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scoreOrCopy(Scan scan, Scan source, boolean findingsChanged) {
        Set<String> triaged = triagedFingerprints(scan.repository.id);
        if (findingsChanged || !copyScores(scan, source, digest(triaged))) {
            score(scan, triaged);
        }
    }

    /** Scores from the stored findings, {@code triaged} the fingerprints the marks in force take out. */
    private void score(Scan scan, Set<String> triaged) {
        // Matched in memory, not looked up in finding_triage for each of the scan's findings.
        Map<Long, List<ScoredFinding>> findings = new HashMap<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                select n.id as crate_snapshot_id, f.check_id, f.fingerprint, f.path, f.suppression <> 'NONE' as suppressed,
                       f.in_test_code
                from finding f%swhere f.scan_id = ?2 and %s""".formatted(CrateSnapshot.sameCrateInScan1("f"),
                        DiagnosticImports.OWN), Tuple.class)
                .setParameter(1, scan.id).setParameter(2, scan.findingsScanId()).getResultList()) {
            String fingerprint = row.get("fingerprint", String.class);
            findings.computeIfAbsent(longOf(row, "crate_snapshot_id"), key -> new ArrayList<>()).add(new ScoredFinding(
                    row.get("check_id", String.class), fingerprint, row.get("path", String.class),
                    row.get("suppressed", Boolean.class), row.get("in_test_code", Boolean.class),
                    triaged.contains(fingerprint)));
        }
        score(scan, findings, triaged);
    }

    /**
     * Gives a rescan its source's scores when the source was scored with the triage marks of digest
     * {@code triageNow} and the current formula: the rescan's snapshots were inserted with the
     * source's snapshots' scores (ScanStore), which then stand.
     *
     * @return false when the scan must be scored
     */
    private boolean copyScores(Scan scan, Scan source, String triageNow) {
        if (source.scoredWithTriage == null || source.score == null || !source.scoredWithTriage.equals(triageNow)) {
            return false;
        }
        // In SQL: the rescan's snapshots were inserted by SQL, so none of them is in the session.
        long olderFormula = entityManager.unwrap(Session.class).createNativeQuery("select count(*) from crate_snapshot"
                + " where scan_id = ?1 and score_formula is distinct from ?2", Long.class)
                .setParameter(1, scan.id).setParameter(2, ScoreFormula.VERSION).getSingleResult();
        if (olderFormula > 0) {
            return false;
        }
        scan.score = source.score;
        scan.grade = source.grade;
        scan.scoreHeldBecause = source.scoreHeldBecause;
        scan.scoredWithTriage = source.scoredWithTriage;
        return true;
    }

    /** A digest of a set of fingerprints, whatever its order. */
    static String digest(Set<String> fingerprints) {
        MessageDigest sha = sha256();
        fingerprints.stream().sorted().forEach(fingerprint -> {
            sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The figures of the coverage report applied to each snapshot of a scan (the coverage feature
     * writes them, table crate_coverage), under the keys the formula reads; none without a report.
     */
    private Map<Long, Map<String, Long>> importedCoverage(Scan scan) {
        Map<Long, Map<String, Long>> figures = new HashMap<>();
        for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                select c.crate_snapshot_id, c.lines, c.lines_hit, c.unsafe_sites_measured, c.unsafe_sites_executed
                from crate_coverage c join crate_snapshot s on s.id = c.crate_snapshot_id where s.scan_id = ?1""",
                Tuple.class).setParameter(1, scan.id).getResultList()) {
            figures.put(longOf(row, "crate_snapshot_id"), Map.of(ScoreFormula.COVERAGE_LINES, longOf(row, "lines"),
                    ScoreFormula.COVERAGE_LINES_HIT, longOf(row, "lines_hit"),
                    ScoreFormula.COVERAGE_UNSAFE_MEASURED, longOf(row, "unsafe_sites_measured"),
                    ScoreFormula.COVERAGE_UNSAFE_EXECUTED, longOf(row, "unsafe_sites_executed")));
        }
        return figures;
    }

    /**
     * The fingerprints of a repository's findings that a triage mark in force takes out of the
     * score, for findings scored before they are read back.
     */
    Set<String> triagedFingerprints(long repositoryId) {
        return new HashSet<>(entityManager.unwrap(Session.class).createNativeQuery("""
                select fingerprint from finding_triage t where repository_id = ?1 and""" + " " + TriageInForce.of("t"),
                String.class)
                .setParameter(1, repositoryId).getResultList());
    }

    /**
     * Scores every snapshot of a scan from its findings by snapshot id, in the caller's transaction,
     * and remembers the triage marks in force it was scored with.
     */
    void score(Scan scan, Map<Long, List<ScoredFinding>> findings, Set<String> triaged) {
        List<ScoreFormula.WeightedScore> crates = new ArrayList<>();
        Map<Long, Map<String, Long>> coverage = importedCoverage(scan);
        for (CrateSnapshot snapshot : CrateSnapshot.listForScan(scan)) {
            List<ScoredFinding> found = findings.getOrDefault(snapshot.id, List.of());
            Map<String, Long> metrics = new HashMap<>(snapshot.metrics);
            metrics.putAll(coverage.getOrDefault(snapshot.id, Map.of()));
            SafetyScore score = ScoreFormula.score(metrics, found);
            snapshot.score = score.score();
            snapshot.grade = score.grade().name();
            snapshot.scoreFormula = score.formulaVersion();
            snapshot.scoreExact = score.exact();
            snapshot.ratings = score.ratings();
            List<FixRanking.Fix> fixes = FixRanking.rank(metrics, found);
            snapshot.fixes = List.copyOf(fixes.subList(0, Math.min(KEPT_FIXES, fixes.size())));
            snapshot.fixWorth = FixRanking.worthByCheck(metrics, found);
            crates.add(ScoreFormula.WeightedScore.of(snapshot.crate.name, score.score(), snapshot.metrics));
        }
        ScoreFormula.RepositoryScore repository = ScoreFormula.aggregate(crates);
        scan.score = repository.score();
        scan.grade = repository.grade().name();
        scan.scoreHeldBecause = repository.heldBecause().orElse(null);
        scan.scoredWithTriage = digest(triaged);
    }
}
