package dev.rustlens.scan;

import static dev.rustlens.database.Columns.intOf;
import static dev.rustlens.database.Columns.longOf;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Stored scans and backfills read for the API, as views built inside the reading transaction
 * (their entities' associations are lazy).
 */
@ApplicationScoped
public class ScanQueries {

    /** The lints that reported a finding's site too, space-separated (lint ids hold no space). */
    private static final String ALSO_REPORTED_BY = "coalesce(array_to_string(also_reported_by, ' '), '') as also_reported_by";

    /** What a 410 of a scan's findings or unsafe sites means, as /q/openapi says it. */
    public static final String DETAIL_GONE = "Housekeeping removed the findings and unsafe sites of this scan"
            + " (docs/database.md)";

    private final EntityManager entityManager;

    public ScanQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How far a scan is: the data of one of its progress events. */
    public record ScanProgress(long id, String status, Integer filesDone, Integer filesTotal) {
        boolean ended() {
            return !Scan.Status.valueOf(status).active();
        }
    }

    /** How far scan {@code id} is, read in a transaction of its own (a progress stream polls it); empty when there is none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ScanProgress> progress(long id) {
        return Scan.<Scan>findByIdOptional(id)
                .map(scan -> new ScanProgress(scan.id, scan.status.name(), scan.filesDone, scan.filesTotal));
    }

    /** A scan with its crates' scores, ratings, counts and metrics; empty when there is none. */
    @Transactional
    public Optional<ScanView> scan(long id) {
        Scan scan = Scan.findById(id);
        if (scan == null) {
            return Optional.empty();
        }
        List<ScanView.CrateView> crates = CrateSnapshot.listForScan(scan).stream().map(s -> new ScanView.CrateView(
                s.crate.id, s.crate.name, s.path, s.version, s.edition, s.score, s.grade, s.ratings, s.files,
                s.codeLines, s.unsafeBlocks, s.unsafeFunctions, s.unsafeMethods, s.unsafeImpls, s.unsafeTraits,
                s.externBlocks, s.unsafeInMacros, s.findings, s.metrics)).toList();
        return Optional.of(ScanView.of(scan, crates));
    }

    /**
     * Up to {@code limit} unsafe sites of scan {@code id} after the site {@code afterId} (from the
     * first when null), by id; empty when there is no such scan.
     */
    @Transactional
    public Optional<ScanView.UnsafeSitePage> unsafeSites(long id, Long afterId, int limit) {
        Scan scan = Scan.findById(id);
        if (scan == null) {
            return Optional.empty();
        }
        requireDetail(scan);
        List<Tuple> rows = session().createNativeQuery("""
                select u.id, c.name as crate, u.kind, u.path, u.line, u.col, u.in_test_code
                from unsafe_site u""" + CrateSnapshot.readingUnsafeSites("u", "s") + """
                join crate c on c.id = s.crate_id
                where s.scan_id = ?1 and u.id > ?2 order by u.id limit ?3""", Tuple.class)
                .setParameter(1, id).setParameter(2, afterId == null ? 0L : afterId).setParameter(3, limit + 1)
                .getResultList();
        List<ScanView.UnsafeSiteView> sites = rows.stream().limit(limit).map(row -> new ScanView.UnsafeSiteView(
                row.get("crate", String.class), row.get("kind", String.class), row.get("path", String.class),
                intOf(row, "line"), intOf(row, "col"), row.get("in_test_code", Boolean.class))).toList();
        return Optional.of(new ScanView.UnsafeSitePage(id, limit, nextCursor(rows, limit), sites));
    }

    /**
     * Up to {@code limit} findings of the previous scan of scan {@code id}'s branch that scan
     * {@code id} no longer has, after the finding {@code afterId} (from the first when null), by
     * id; none when the scan has no previous one; empty when there is no such scan.
     */
    @Transactional
    public Optional<ScanView.FixedFindingPage> fixedFindings(long id, Long afterId, int limit) {
        Scan scan = Scan.findById(id);
        if (scan == null) {
            return Optional.empty();
        }
        if (scan.previousScanId == null) {
            return Optional.of(new ScanView.FixedFindingPage(id, null, limit, null, List.of()));
        }
        requireDetail(scan);
        Scan previous = Scan.findById(scan.previousScanId);
        if (previous != null) {
            requireDetail(previous);
        }
        List<Tuple> rows = session().createNativeQuery("""
                select id, check_id, severity, path, line, col, end_line, end_col, message,
                       in_test_code, suppression, fingerprint, 'fixed' as tracking,\s""" + ALSO_REPORTED_BY
                + " from finding f where scan_id = ?1 and id > ?3 and not exists (select 1 from finding c"
                + " where c.scan_id = ?2 and c.fingerprint = f.fingerprint) and " + DiagnosticImports.comparable("f", "?2")
                + " order by id limit ?4", Tuple.class)
                .setParameter(1, previous == null ? scan.previousScanId : previous.findingsScanId())
                .setParameter(2, scan.findingsScanId()).setParameter(3, afterId == null ? 0L : afterId)
                .setParameter(4, limit + 1).getResultList();
        return Optional.of(new ScanView.FixedFindingPage(id, scan.previousScanId, limit, nextCursor(rows, limit),
                rows.stream().limit(limit).map(ScanQueries::findingOf).toList()));
    }

    /**
     * Refuses with a 410 (Gone) to list what housekeeping removed of a scan: its findings and
     * unsafe sites (docs/database.md).
     */
    public static void requireDetail(Scan scan) {
        if (scan.findingsRemovedAt != null) {
            throw new ClientErrorException("the findings and unsafe sites of scan " + scan.id + " were removed by"
                    + " housekeeping on " + scan.findingsRemovedAt.toLocalDate() + " (docs/database.md); its counts,"
                    + " scores and trends remain, and the newer scans of its branch have their findings",
                    Response.Status.GONE);
        }
    }

    /** The cursor after the last row shown when there are more rows than {@code limit}; null otherwise. */
    private static String nextCursor(List<Tuple> rows, int limit) {
        return rows.size() > limit ? PageCursor.after(Long.toString(longOf(rows.get(limit - 1), "id"))) : null;
    }

    /**
     * Up to {@code limit} of a repository's scans, newest first, older than {@code beforeId} when
     * given; empty when there is no such repository.
     */
    @Transactional
    public Optional<List<ScanView>> history(long repositoryId, Long beforeId, int limit) {
        GitRepository repository = GitRepository.findById(repositoryId);
        if (repository == null) {
            return Optional.empty();
        }
        return Optional.of(Scan.listNewestFirst(repository, beforeId, limit).stream().map(ScanView::summary).toList());
    }

    /** The id of the newest succeeded scan of a repository's default branch; empty when there is none. */
    @Transactional
    public Optional<Long> newestSucceeded(GitRepository repository) {
        return Scan.findNewestSucceeded(repository, repository.defaultBranch).map(scan -> scan.id);
    }

    /** A backfill with the ids of the scans it queued; empty when there is none. */
    @Transactional
    public Optional<BackfillRunner.BackfillView> backfill(long id) {
        return Backfill.<Backfill>findByIdOptional(id).map(backfill -> BackfillRunner.BackfillView.of(backfill,
                Scan.<Scan>list("backfillId = ?1 order by id", backfill.id).stream().map(scan -> scan.id).toList()));
    }

    /** A finding from a row with the columns check_id, severity, path, .. tracking. */
    private static ScanView.FindingView findingOf(Tuple row) {
        String alsoReportedBy = row.get("also_reported_by", String.class);
        return new ScanView.FindingView(row.get("check_id", String.class), row.get("severity", String.class),
                row.get("path", String.class), intOf(row, "line"), intOf(row, "col"), intOf(row, "end_line"),
                intOf(row, "end_col"), row.get("message", String.class), row.get("in_test_code", Boolean.class),
                row.get("suppression", String.class), row.get("fingerprint", String.class),
                row.get("tracking", String.class), alsoReportedBy.isEmpty() ? List.of() : List.of(alsoReportedBy.split(" ")));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
