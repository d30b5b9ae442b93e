package dev.rustlens.trend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A repository's trends and its current score with its crates'. */
@Path("/api/v1/repositories")
@Tag(name = "Scores and trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    private final Trends trends;
    private final Scores scores;

    public TrendResource(Trends trends, Scores scores) {
        this.trends = trends;
        this.scores = scores;
    }

    /** Series by commit time; {@code metric} is a comma-separated subset, {@code from}/{@code to} are days. */
    @GET
    @Path("/{id}/trends")
    @Operation(summary = "A repository's score and metric series by commit")
    public Trends.Trend trends(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        return trends.repositoryTrend(id, new Trends.Query(branch, from, to, metric))
                .orElseThrow(NotFoundException::new);
    }

    /** The same series as CSV (RFC 4180, spreadsheet formulas neutralised), one record per commit. */
    @GET
    @Path("/{id}/trends.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "A repository's series as CSV")
    public Response trendsCsv(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        return TrendCsv.response(trends(id, branch, from, to, metric), "repository-" + id + "-trends.csv");
    }

    @GET
    @Path("/{id}/score")
    @Operation(summary = "A repository's current score and its crates'")
    public Scores.RepositoryScore score(@PathParam("id") long id) {
        return scores.repository(id);
    }
}
