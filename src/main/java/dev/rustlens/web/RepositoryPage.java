package dev.rustlens.web;

import dev.rustlens.auth.Role;
import dev.rustlens.bench.Benchmark;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.gate.GateService;
import dev.rustlens.gate.GateVerdict;
import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanService;
import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.trend.Scores;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
    private final ScoreUpgrade upgrade;
    private final EntityManager entityManager;

    public RepositoryPage(GateService gates, ScanService scans, BenchmarkService benchmarks, ScoreUpgrade upgrade,
            EntityManager entityManager) {
        this.gates = gates;
        this.scans = scans;
        this.benchmarks = benchmarks;
        this.upgrade = upgrade;
        this.entityManager = entityManager;
    }

    /** The files of a scan that rustlens did not read in full, with why (issue 9: such code costs no points). */
    private List<UnreadFile> unreadFiles(Scan scan) {
        return entityManager.unwrap(Session.class).createNativeQuery("""
                select c.name, f.path, f.check_id, min(f.message), count(*) from finding f
                join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id
                where f.scan_id = ?1 and f.check_id in ('parse_error', 'unlinked_file')
                group by c.name, f.path, f.check_id order by f.path, f.check_id""", Object[].class)
                .setParameter(1, scan.id).getResultList().stream()
                .map(row -> new UnreadFile((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        ((Number) row[4]).longValue())).toList();
    }

    /** Findings of one check and severity in the newest scan. */
    public record CheckCount(String checkId, String severity, long count) {
    }

    /** A crate of the newest scan with its Unsafe rating (null until rated). */
    public record CrateRow(CrateSnapshot snapshot, Integer unsafeRating) {
    }

    /** A file rustlens did not read in full, and why: parse errors (how many), or no crate root reaches it. */
    public record UnreadFile(String crate, String path, String checkId, String why, long findings) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance repository(GitRepository repository, Scan latest, GateVerdict verdict,
                List<CrateRow> crates, List<CheckCount> findings, List<UnreadFile> unreadFiles, List<Scan> recentScans,
                long openAlerts, long benchmarkCount, ScoreUpgrade.Progress rescoring, String measures, String message);
    }

    @GET
    @Path("repositories/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("message") String message) {
        GitRepository repository = GitRepository.<GitRepository>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no repository " + id));
        Scan latest = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElse(null);
        List<CrateRow> crates = latest == null ? List.of() : Scores.riskiestFirst(CrateSnapshot.listForScan(latest))
                .stream().map(snapshot -> new CrateRow(snapshot, Scores.unsafeRating(snapshot))).toList();
        List<CheckCount> findings = latest == null ? List.of() : entityManager.unwrap(Session.class).createNativeQuery("""
                select check_id, severity, count(*) from finding
                where scan_id = ?1 and suppression = 'NONE' and not in_test_code
                group by check_id, severity order by count(*) desc, check_id""", Object[].class)
                .setParameter(1, latest.id).getResultList().stream()
                .map(row -> new CheckCount((String) row[0], (String) row[1], ((Number) row[2]).longValue())).toList();
        GateVerdict verdict = latest == null ? null : gates.verdict(latest).orElse(null);
        return Templates.repository(repository, latest, verdict, crates, findings,
                latest == null ? List.of() : unreadFiles(latest), Scan.listNewestFirst(repository, null, 20),
                benchmarks.openAlertCount(id), Benchmark.count("repository", repository), upgrade.progress(),
                Scores.MEASURES, message);
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
                throw new BadRequest("give between 1 and 500 commits");
            }
            long backfill = scans.backfill(id, null, new BackfillCommits.Last(last))
                    .orElseThrow(() -> new NotFoundException("no repository " + id)).id();
            message = "Backfill #" + backfill + " is queued: once the branch is fetched, its scans appear below.";
        } catch (BadRequest | ClientErrorException e) {
            message = "Backfill failed: " + e.getMessage();
        }
        return back(id, message);
    }

    /** Back to a repository's page, showing {@code message}. */
    static Response back(long id, String message) {
        return Response.seeOther(UriBuilder.fromPath("/repositories/{id}").queryParam("message", message).build(id)).build();
    }
}
