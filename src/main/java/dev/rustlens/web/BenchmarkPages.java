package dev.rustlens.web;

import static dev.rustlens.web.QueryParams.blankToNull;

import dev.rustlens.auth.Role;
import dev.rustlens.bench.AlertView;
import dev.rustlens.bench.BenchmarkAlert;
import dev.rustlens.bench.BenchmarkQueries;
import dev.rustlens.bench.BenchmarkService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.Author;
import dev.rustlens.http.PageException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The benchmark pages: a repository's benchmarks with their latest value, change and status, its
 * alerts not yet resolved (which maintainers acknowledge or resolve there), and one measure's
 * history chart with its threshold band and alerts.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BenchmarkPages {

    private final BenchmarkQueries queries;
    private final BenchmarkService service;
    private final RepositoryService repositories;
    private final SecurityIdentity identity;

    public BenchmarkPages(BenchmarkQueries queries, BenchmarkService service, RepositoryService repositories,
            SecurityIdentity identity) {
        this.queries = queries;
        this.service = service;
        this.repositories = repositories;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(GitRepository repository, List<BenchmarkQueries.MeasureSummary> benchmarks,
                List<String> measures, List<AlertView> alerts, boolean maintainer, String message);

        static native TemplateInstance benchmark(BenchmarkQueries.History history, String branch, String testbed,
                String historyUrl);
    }

    @GET
    @Path("repositories/{id}/benchmarks")
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("message") String message) {
        GitRepository repository = repositories.find(id).orElseThrow(() -> new NotFoundException("no repository " + id));
        List<AlertView> unresolved = queries.alerts(id, null).stream()
                .filter(alert -> !BenchmarkAlert.Status.resolved.name().equals(alert.status())).toList();
        List<BenchmarkQueries.MeasureSummary> benchmarks = queries.list(id, null, null);
        // One chart per measure, each with every benchmark that has it.
        List<String> measures = benchmarks.stream().map(BenchmarkQueries.MeasureSummary::measure).distinct().sorted()
                .toList();
        return Templates.list(repository, benchmarks, measures, unresolved, identity.hasRole(Role.MAINTAINER), message);
    }

    /** The "Acknowledge" button: the regression is known, and no longer fails the gate. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("benchmark-alerts/{id}/acknowledge")
    public Response acknowledge(@PathParam("id") long id) {
        return transition(id, BenchmarkAlert.Status.acknowledged);
    }

    /** The "Resolve" button: the regression is dealt with. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("benchmark-alerts/{id}/resolve")
    public Response resolve(@PathParam("id") long id) {
        return transition(id, BenchmarkAlert.Status.resolved);
    }

    /** Moves the alert on and comes back to its repository's benchmarks page with what happened. */
    private Response transition(long id, BenchmarkAlert.Status target) {
        AlertView alert;
        try {
            alert = service.transition(id, target, Author.of(identity));
        } catch (NotFoundException e) {
            throw PageException.notFound("There is no benchmark alert " + id + ".");
        } catch (ClientErrorException e) {
            throw PageException.conflict(e.getMessage());
        }
        return Response.seeOther(UriBuilder.fromPath("/repositories/{id}/benchmarks")
                .queryParam("message", "The alert on " + alert.benchmark() + " (" + alert.measure() + ") is "
                        + alert.status() + ".")
                .build(alert.repositoryId())).build();
    }

    @GET
    @Path("benchmarks/{id}")
    public TemplateInstance benchmark(@PathParam("id") long id, @QueryParam("measure") String measure,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed) {
        String shown = measure == null || measure.isBlank() ? "latency" : measure;
        BenchmarkQueries.History history = queries.history(id, shown, blankToNull(branch), blankToNull(testbed));
        StringBuilder url = new StringBuilder("/api/v1/benchmarks/").append(id).append("/history?measure=")
                .append(URLEncoder.encode(shown, StandardCharsets.UTF_8));
        if (blankToNull(branch) != null) {
            url.append("&branch=").append(URLEncoder.encode(branch, StandardCharsets.UTF_8));
        }
        if (blankToNull(testbed) != null) {
            url.append("&testbed=").append(URLEncoder.encode(testbed, StandardCharsets.UTF_8));
        }
        return Templates.benchmark(history, blankToNull(branch), blankToNull(testbed), url.toString());
    }
}
