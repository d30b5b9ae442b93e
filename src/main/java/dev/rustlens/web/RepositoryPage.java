package dev.rustlens.web;

import dev.rustlens.auth.Role;
import dev.rustlens.gate.GateService;
import dev.rustlens.gate.GateVerdict;
import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.Branches;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanRequest;
import dev.rustlens.scan.ScanService;
import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.text.Echo;
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
 * scanned branches and pull requests with their gates, scans with live progress, and buttons to
 * scan now, to scan a branch or commit, and to backfill history.
 */
@Path("/")
public class RepositoryPage {

    /** The most recently scanned branches the page lists; the API lists them all. */
    static final int MAX_BRANCHES = 20;

    private final RepositoryReports reports;
    private final GateService gates;
    private final ScanService scans;
    private final ScoreUpgrade upgrade;
    private final Branches branches;

    public RepositoryPage(RepositoryReports reports, GateService gates, ScanService scans, ScoreUpgrade upgrade,
            Branches branches) {
        this.reports = reports;
        this.gates = gates;
        this.scans = scans;
        this.upgrade = upgrade;
        this.branches = branches;
    }

    /** A branch other than the default one, with the verdict of the pull-request gate on its newest scan (null: pending). */
    public record BranchRow(Branches.ScannedBranch branch, GateVerdict verdict) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance repository(GitRepository repository, Scan latest, GateVerdict verdict,
                List<RepositoryReports.CrateRow> crates, List<CheckCount> findings,
                List<RepositoryReports.UnreadFile> unreadFiles, List<Scan> recentScans,
                long openAlerts, long benchmarkCount, ScoreUpgrade.Progress rescoring, String measures,
                List<BranchRow> branches, String message);
    }

    @GET
    @Path("repositories/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("message") String message) {
        RepositoryReports.RepositoryReport report = reports.report(id)
                .orElseThrow(() -> new NotFoundException("no repository " + id));
        GateVerdict verdict = report.latest() == null ? null : gates.verdict(report.latest()).orElse(null);
        List<BranchRow> branchRows = branches.of(id).orElse(List.of()).stream().filter(branch -> !branch.isDefault())
                .limit(MAX_BRANCHES).map(branch -> new BranchRow(branch, branch.newestStatus().equals("succeeded")
                        ? gates.verdict(branch.newestScanId()).orElse(null) : null))
                .toList();
        return Templates.repository(report.repository(), report.latest(), verdict, report.crates(), report.findings(),
                report.unreadFiles(), report.recentScans(), report.openAlerts(), report.benchmarkCount(),
                upgrade.progress(), Scores.MEASURES, branchRows, message);
    }

    /**
     * The "Scan now" button (the default branch) and the branch form (a branch or commit, its
     * target, a pull request): queues the scan and comes back to the page.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/scan")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public Response scanNow(@PathParam("id") long id, @FormParam("branch") String branch, @FormParam("commit") String commit,
            @FormParam("target") String target, @FormParam("pullRequest") String pullRequest) {
        String message;
        try {
            message = scans.enqueue(id, Scan.Trigger.manual, new ScanRequest(branch, commit, target, pullRequest))
                    .map(scan -> "Scan #" + scan.id() + " of " + scan.branch() + " is " + scan.status() + ".")
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

    /** The delete button of a branch: deletes the branch's scans and comes back to the page. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/branches/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteBranch(@PathParam("id") long id, @FormParam("branch") String branch) {
        String message = switch (branches.delete(id, branch == null ? "" : branch)) {
            case DELETED -> "The scans of branch " + Echo.quoted(branch) + " are deleted.";
            case NO_SUCH_REPOSITORY -> throw PageException.notFound("no repository " + id);
            case NO_SUCH_BRANCH -> "Branch " + Echo.quoted(branch) + " has no scans.";
            case DEFAULT_BRANCH -> "The default branch's scans are its history and are not deleted.";
        };
        return back(id, message);
    }

    /** Back to a repository's page, showing {@code message}. */
    static Response back(long id, String message) {
        return Response.seeOther(UriBuilder.fromPath("/repositories/{id}").queryParam("message", message).build(id)).build();
    }
}
