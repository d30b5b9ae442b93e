package dev.rustlens.scan;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** A scan with everything it found. */
@Path("/api/v1/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final EntityManager entityManager;

    public ScanResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ScanView get(@PathParam("id") long id) {
        Scan scan = Scan.findById(id);
        if (scan == null) {
            throw new NotFoundException();
        }
        List<CrateSnapshot> snapshots = CrateSnapshot.listForScan(scan);
        Map<Long, List<ScanView.FindingView>> findings = new LinkedHashMap<>();
        for (Object[] row : session().createNativeQuery("""
                select crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col, message,
                       in_test_code, suppression, fingerprint
                from finding where scan_id = ?1 order by path, line, col, check_id""", Object[].class)
                .setParameter(1, id).getResultList()) {
            findings.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>())
                    .add(new ScanView.FindingView((String) row[1], (String) row[2], (String) row[3],
                            ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue(),
                            ((Number) row[7]).intValue(), (String) row[8], (Boolean) row[9], (String) row[10],
                            (String) row[11]));
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
        List<ScanView.CrateView> crates = snapshots.stream().map(s -> new ScanView.CrateView(s.crate.name, s.path,
                s.version, s.edition, s.files, s.codeLines, s.unsafeBlocks, s.unsafeFunctions, s.unsafeMethods,
                s.unsafeImpls, s.unsafeTraits, s.externBlocks, s.unsafeInMacros, s.findings, s.metrics,
                findings.getOrDefault(s.id, List.of()), sites.getOrDefault(s.id, List.of()))).toList();
        return ScanView.of(scan, crates);
    }
}
