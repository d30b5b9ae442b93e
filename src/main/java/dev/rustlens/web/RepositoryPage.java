package dev.rustlens.web;

import dev.rustlens.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import dev.rustlens.bench.Benchmark;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.gate.GateService;
import dev.rustlens.gate.GateVerdict;
import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.hibernate.Session;

/**
 * A repository's page: grade, gate verdict, crates, trend chart, findings by check, benchmarks,
 * scans with live progress, and buttons to scan now and to backfill history.
 */
@Path("/")
public class RepositoryPage {

    private final GateService gates;
    private final ScanService scans;
    private final BenchmarkService benchmarks;
    private final EntityManager entityManager;

    public RepositoryPage(GateService gates, ScanService scans, BenchmarkService benchmarks, EntityManager entityManager) {
        this.gates = gates;
        this.scans = scans;
        this.benchmarks = benchmarks;
        this.entityManager = entityManager;
    }

    /** Findings of one check and severity in the newest scan. */
    public record CheckCount(String checkId, String severity, long count) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance repository(GitRepository repository, Scan latest, GateVerdict verdict,
                List<CrateSnapshot> crates, List<CheckCount> findings, List<Scan> recentScans, long openAlerts,
                long benchmarkCount, String message);
    }

    @GET
    @Path("repositories/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("message") String message) {
        GitRepository repository = GitRepository.<GitRepository>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no repository " + id));
        Scan latest = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElse(null);
        List<CrateSnapshot> crates = latest == null ? List.of() : CrateSnapshot.listForScan(latest);
        List<CheckCount> findings = latest == null ? List.of() : entityManager.unwrap(Session.class).createNativeQuery("""
                select check_id, severity, count(*) from finding
                where scan_id = ?1 and suppression = 'NONE' and not in_test_code
                group by check_id, severity order by count(*) desc, check_id""", Object[].class)
                .setParameter(1, latest.id).getResultList().stream()
                .map(row -> new CheckCount((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList();
        GateVerdict verdict = latest == null ? null : gates.verdict(latest).orElse(null);
        return Templates.repository(repository, latest, verdict, crates, findings,
                Scan.listNewestFirst(repository, null, 20), benchmarks.openAlertCount(id), Benchmark.count("repository", repository),
                message);
    }

    /** The "Scan now" button: queues a scan of the default branch and comes back to the page. */
    @POST

    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/scan")
    public Response scanNow(@PathParam("id") long id) {
        String message;
        try {
            message = scans.enqueue(id, Scan.Trigger.manual).map(scan -> "Scan #" + scan.id + " is " + scan.status + ".")
                    .orElseThrow(() -> new NotFoundException("no repository " + id));
        } catch (ClientErrorException e) {
            message = e.getMessage();
        }
        return back(id, message);
    }

    /** The "Backfill history" button: queues a backfill of the branch's last commits, which a worker runs. */
    @POST

    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/backfill")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response backfill(@PathParam("id") long id, @FormParam("last") int last) {
        String message;
        try {
            if (last < 1 || last > 500) {
                throw new IllegalArgumentException("give between 1 and 500 commits");
            }
            long backfill = scans.backfill(id, null, new BackfillCommits.Last(last))
                    .orElseThrow(() -> new NotFoundException("no repository " + id)).id();
            message = "Backfill #" + backfill + " is queued: once the branch is fetched, its scans appear below.";
        } catch (IllegalArgumentException | ClientErrorException e) {
            message = "Backfill failed: " + e.getMessage();
        }
        return back(id, message);
    }

    /** Back to a repository's page, showing {@code message}. */
    static Response back(long id, String message) {
        return Response.seeOther(UriBuilder.fromPath("/repositories/{id}").queryParam("message", message).build(id)).build();
    }
}
