package dev.rustlens.web;

import static dev.rustlens.web.QueryParams.blankToNull;

import dev.rustlens.bench.AlertView;
import dev.rustlens.bench.BenchmarkAlert;
import dev.rustlens.bench.BenchmarkQueries;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The benchmark pages: a repository's benchmarks with their latest value, change and status,
 * and one measure's history chart with its threshold band and alerts.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BenchmarkPages {

    private final BenchmarkQueries queries;
    private final RepositoryService repositories;

    public BenchmarkPages(BenchmarkQueries queries, RepositoryService repositories) {
        this.queries = queries;
        this.repositories = repositories;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(GitRepository repository, List<BenchmarkQueries.MeasureSummary> benchmarks,
                List<AlertView> openAlerts);

        static native TemplateInstance benchmark(BenchmarkQueries.History history, String branch, String testbed,
                String historyUrl);
    }

    @GET
    @Path("repositories/{id}/benchmarks")
    public TemplateInstance list(@PathParam("id") long id) {
        GitRepository repository = repositories.find(id).orElseThrow(() -> new NotFoundException("no repository " + id));
        return Templates.list(repository, queries.list(id, null, null), queries.alerts(id, BenchmarkAlert.Status.open));
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
