package dev.rustlens.trend;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.Crate;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.scoring.Deduction;
import dev.rustlens.scoring.ScoreFormula;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Safety scores with their explanation: a repository's latest score with its crates', and a
 * crate's score with each deduction and the findings behind it.
 */
@ApplicationScoped
public class Scores {

    private final EntityManager entityManager;

    public Scores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A crate's score in a repository's score. */
    public record CrateScore(long crateId, String name, Integer score, String grade, long libraryCodeLines) {
    }

    /** A repository's score at its newest succeeded scan of the default branch. */
    public record RepositoryScore(long repositoryId, long scanId, String commit, OffsetDateTime committedAt,
            Integer score, String grade, int formulaVersion, List<CrateScore> crates) {
    }

    /** A finding behind a deduction. */
    public record FindingRef(String fingerprint, String checkId, String path, int line, int column, String message) {
    }

    /** A deduction with its findings spelled out. */
    public record ExplainedDeduction(String rule, String title, double points, double cap, String cause,
            List<FindingRef> findings) {
    }

    /** A crate at its newest succeeded scan of the default branch, with its score explained. */
    public record CrateDetail(long crateId, String name, long repositoryId, long scanId, String commit,
            OffsetDateTime committedAt, String path, String version, Integer score, String grade,
            List<ExplainedDeduction> deductions, Map<String, Long> metrics) {
    }

    @Transactional
    public RepositoryScore repository(long id) {
        GitRepository repository = GitRepository.<GitRepository>findByIdOptional(id).orElseThrow(NotFoundException::new);
        Scan scan = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElseThrow(() -> new NotFoundException(
                "repository " + id + " has no succeeded scan of branch " + repository.defaultBranch + " yet"));
        List<CrateScore> crates = CrateSnapshot.listForScan(scan).stream().map(s -> new CrateScore(s.crate.id,
                s.crate.name, s.score, s.grade, s.metrics.getOrDefault("library_code_lines", 0L))).toList();
        return new RepositoryScore(repository.id, scan.id, scan.commitSha, scan.committedAt, scan.score, scan.grade,
                ScoreFormula.VERSION, crates);
    }

    @Transactional
    public CrateDetail crate(long id) {
        Crate crate = Crate.<Crate>findByIdOptional(id).orElseThrow(NotFoundException::new);
        CrateSnapshot snapshot = Scan.findNewestSucceeded(crate.repository, crate.repository.defaultBranch)
                .flatMap(scan -> CrateSnapshot.listForScan(scan).stream().filter(s -> s.crate.id.equals(crate.id)).findFirst())
                .orElseThrow(() -> new NotFoundException("crate " + crate.name + " is not in the newest scan of "
                        + crate.repository.name));
        Map<String, FindingRef> findings = new HashMap<>();
        for (Object[] row : entityManager.unwrap(Session.class).createNativeQuery("""
                select fingerprint, check_id, path, line, col, message from finding
                where scan_id = ?1 and crate_snapshot_id = ?2""", Object[].class)
                .setParameter(1, snapshot.scan.id).setParameter(2, snapshot.id).getResultList()) {
            findings.put((String) row[0], new FindingRef((String) row[0], (String) row[1], (String) row[2],
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), (String) row[5]));
        }
        List<ExplainedDeduction> deductions = new ArrayList<>();
        for (Deduction deduction : snapshot.deductions == null ? List.<Deduction>of() : snapshot.deductions) {
            deductions.add(new ExplainedDeduction(deduction.rule(), deduction.title(), deduction.points(),
                    deduction.cap(), deduction.cause(),
                    deduction.findings().stream().map(findings::get).filter(f -> f != null).toList()));
        }
        Scan scan = snapshot.scan;
        return new CrateDetail(crate.id, crate.name, crate.repository.id, scan.id, scan.commitSha, scan.committedAt,
                snapshot.path, snapshot.version, snapshot.score, snapshot.grade, deductions, snapshot.metrics);
    }
}
