package dev.rustlens.scan;

import dev.rustlens.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A scan with everything it found. */
@Path("/api/v1/scans")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final EntityManager entityManager;
    private final ScanService scans;

    public ScanResource(EntityManager entityManager, ScanService scans) {
        this.entityManager = entityManager;
        this.scans = scans;
    }

    /** Cancels a queued or running scan: 200 with the scan, 409 when it has already ended. */
    @POST

    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/cancel")
    @Transactional
    @Operation(summary = "Cancel a queued or running scan")
    public ScanView cancel(@PathParam("id") long id) {
        return switch (scans.cancel(id)) {
            case NOT_FOUND -> throw new NotFoundException();
            case ALREADY_ENDED -> throw new ClientErrorException("scan " + id + " has already ended",
                    Response.Status.CONFLICT);
            case CANCELLED -> ScanView.summary(Scan.findById(id));
        };
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A scan: status, commit, crates with scores, metrics and findings")
    public ScanView get(@PathParam("id") long id) {
        Scan scan = Scan.findById(id);
        if (scan == null) {
            throw new NotFoundException();
        }
        List<CrateSnapshot> snapshots = CrateSnapshot.listForScan(scan);
        Map<Long, List<ScanView.FindingView>> findings = new LinkedHashMap<>();
        for (Object[] row : session().createNativeQuery("""
                select crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col, message,
                       in_test_code, suppression, fingerprint, tracking
                from finding where scan_id = ?1 order by path, line, col, check_id""", Object[].class)
                .setParameter(1, id).getResultList()) {
            findings.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>()).add(findingOf(row, 1));
        }
        List<ScanView.FindingView> fixed = new ArrayList<>();
        if (scan.previousScanId != null) {
            for (Object[] row : session().createNativeQuery("""
                    select check_id, severity, path, line, col, end_line, end_col, message,
                           in_test_code, suppression, fingerprint, 'fixed'
                    from finding f where scan_id = ?1
                      and not exists (select 1 from finding c where c.scan_id = ?2 and c.fingerprint = f.fingerprint)
                    order by path, line, col, check_id""", Object[].class)
                    .setParameter(1, scan.previousScanId).setParameter(2, id).getResultList()) {
                fixed.add(findingOf(row, 0));
            }
        }
        Map<Long, List<ScanView.UnsafeSiteView>> sites = new LinkedHashMap<>();
        for (Object[] row : session().createNativeQuery("""
                select u.crate_snapshot_id, u.kind, u.path, u.line, u.col, u.in_test_code
                from unsafe_site u join crate_snapshot s on s.id = u.crate_snapshot_id
                where s.scan_id = ?1 order by u.path, u.line, u.col""", Object[].class)
                .setParameter(1, id).getResultList()) {
            sites.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>())
                    .add(new ScanView.UnsafeSiteView((String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                            ((Number) row[4]).intValue(), (Boolean) row[5]));
        }
        List<ScanView.CrateView> crates = snapshots.stream().map(s -> new ScanView.CrateView(s.crate.id, s.crate.name,
                s.path, s.version, s.edition, s.score, s.grade, s.ratings, s.files, s.codeLines, s.unsafeBlocks,
                s.unsafeFunctions, s.unsafeMethods, s.unsafeImpls, s.unsafeTraits, s.externBlocks, s.unsafeInMacros,
                s.findings, s.metrics, findings.getOrDefault(s.id, List.of()), sites.getOrDefault(s.id, List.of())))
                .toList();
        return ScanView.of(scan, crates, fixed);
    }

    /** A finding from a row whose columns start at {@code first}: check_id, severity, path, .. tracking. */
    private static ScanView.FindingView findingOf(Object[] row, int first) {
        return new ScanView.FindingView((String) row[first], (String) row[first + 1], (String) row[first + 2],
                ((Number) row[first + 3]).intValue(), ((Number) row[first + 4]).intValue(),
                ((Number) row[first + 5]).intValue(), ((Number) row[first + 6]).intValue(), (String) row[first + 7],
                (Boolean) row[first + 8], (String) row[first + 9], (String) row[first + 10], (String) row[first + 11]);
    }
}
