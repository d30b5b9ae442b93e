package dev.rustlens.trend;

import dev.rustlens.database.Columns;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.scan.Crate;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** The crate page's read model: a crate's explained score, where its unsafe code lives and its findings by check. */
@ApplicationScoped
public class CrateReports {

    private final Scores scores;
    private final EntityManager entityManager;

    public CrateReports(Scores scores, EntityManager entityManager) {
        this.scores = scores;
        this.entityManager = entityManager;
    }

    /** The unsafe code of one file, outside test code unless said otherwise. */
    public record UnsafeFile(String path, long total, long blocks, long functions, long implsAndTraits,
            long externAndMacros, long inTests) {
    }

    /**
     * A crate at the newest succeeded scan of its repository's default branch.
     *
     * @param findings its findings outside test code and not suppressed, by check and severity
     */
    public record CrateReport(Scores.CrateDetail detail, String repositoryName, List<UnsafeFile> unsafeFiles,
            List<CheckCount> findings) {
    }

    /**
     * The report on crate {@code id}, empty if there is no such crate.
     *
     * @throws NotFoundException when the crate is not in its repository's newest scan
     */
    @Transactional
    public Optional<CrateReport> report(long id) {
        return Crate.<Crate>findByIdOptional(id).map(crate -> {
            Scores.CrateDetail detail = scores.crate(id);
            return new CrateReport(detail, crate.repository.name, unsafeFiles(detail.scanId(), id),
                    findings(Scan.findingsScanIdOf(detail.scanId()), id));
        });
    }

    /** The crate's unsafe sites counted by file, the file with the most unsafe code outside tests first. */
    private List<UnsafeFile> unsafeFiles(long scanId, long crateId) {
        return session().createNativeQuery("""
                select u.path,
                       count(*) filter (where not u.in_test_code) as total,
                       count(*) filter (where not u.in_test_code and u.kind = 'BLOCK') as blocks,
                       count(*) filter (where not u.in_test_code and u.kind in ('FUNCTION', 'METHOD')) as functions,
                       count(*) filter (where not u.in_test_code and u.kind in ('IMPL', 'TRAIT')) as impls_and_traits,
                       count(*) filter (where not u.in_test_code and u.kind in ('EXTERN_BLOCK', 'IN_MACRO'))
                           as extern_and_macros,
                       count(*) filter (where u.in_test_code) as in_tests
                from unsafe_site u""" + CrateSnapshot.readingUnsafeSites("u", "s") + """
                where s.scan_id = ?1 and s.crate_id = ?2
                group by u.path order by total desc, in_tests desc, u.path""", Tuple.class)
                .setParameter(1, scanId).setParameter(2, crateId).getResultList().stream()
                .map(row -> new UnsafeFile(row.get("path", String.class), Columns.longOf(row, "total"),
                        Columns.longOf(row, "blocks"), Columns.longOf(row, "functions"),
                        Columns.longOf(row, "impls_and_traits"), Columns.longOf(row, "extern_and_macros"),
                        Columns.longOf(row, "in_tests"))).toList();
    }

    /** The crate's findings that count against the score, by check and severity, as on the repository page. */
    private List<CheckCount> findings(long rowsScanId, long crateId) {
        return session().createNativeQuery("select f.check_id, f.severity, count(*) as findings"
                + FindingRow.MATCHING
                + " where f.scan_id = ?1 and s.crate_id = ?2 and " + FindingFilter.COUNTS
                + " group by f.check_id, f.severity order by count(*) desc, f.check_id", Tuple.class)
                .setParameter(1, rowsScanId).setParameter(2, crateId).getResultList().stream().map(CheckCount::of).toList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
