package dev.rustlens.web;

import dev.rustlens.auth.Role;
import dev.rustlens.gate.GateService;
import dev.rustlens.gate.GateVerdict;
import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanService;
import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.trend.CheckCount;
import dev.rustlens.trend.RepositoryReports;
import dev.rustlens.trend.Scores;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * A repository's page: grade, gate verdict, crates, trend chart, findings by check, benchmarks,
 * scans with live progress, and buttons to scan now and to backfill history.
 */
@Path("/")
public class RepositoryPage {

    private final RepositoryReports reports;
    private final GateService gates;
    private final ScanService scans;
    private final ScoreUpgrade upgrade;

    public RepositoryPage(RepositoryReports reports, GateService gates, ScanService scans, ScoreUpgrade upgrade) {
        this.reports = reports;
        this.gates = gates;
        this.scans = scans;
        this.upgrade = upgrade;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance repository(GitRepository repository, Scan latest, GateVerdict verdict,
                List<RepositoryReports.CrateRow> crates, List<CheckCount> findings,
                List<RepositoryReports.UnreadFile> unreadFiles, List<Scan> recentScans,
                long openAlerts, long benchmarkCount, ScoreUpgrade.Progress rescoring, String measures, String message);
    }

    @GET
    @Path("repositories/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("message") String message) {
        RepositoryReports.RepositoryReport report = reports.report(id)
                .orElseThrow(() -> new NotFoundException("no repository " + id));
        GateVerdict verdict = report.latest() == null ? null : gates.verdict(report.latest()).orElse(null);
        return Templates.repository(report.repository(), report.latest(), verdict, report.crates(), report.findings(),
                report.unreadFiles(), report.recentScans(), report.openAlerts(), report.benchmarkCount(),
                upgrade.progress(), Scores.MEASURES, message);
    }

    /** The "Scan now" button: queues a scan of the default branch and comes back to the page. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/scan")
    public Response scanNow(@PathParam("id") long id) {
        String message;
        try {
            message = scans.enqueue(id, Scan.Trigger.manual).map(scan -> "Scan #" + scan.id() + " is " + scan.status() + ".")
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
