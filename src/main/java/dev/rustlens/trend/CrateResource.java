package dev.rustlens.trend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A crate: its score explained, and its trends. */
@Path("/api/v1/crates")
@Tag(name = "Scores and trends")
@Produces(MediaType.APPLICATION_JSON)
public class CrateResource {

    private final Trends trends;
    private final Scores scores;
    private final Portfolio portfolio;

    public CrateResource(Trends trends, Scores scores, Portfolio portfolio) {
        this.trends = trends;
        this.scores = scores;
        this.portfolio = portfolio;
    }

    /** Every crate of every repository, as its repository's current scan rated it, riskiest first. */
    @GET
    @Operation(summary = "Every crate of every repository, lowest score first: grade, score and its change, ratings,"
            + " unsafe counts; filtered by repository (id), grade (that grade or worse) and name (a part of it)")
    public List<Portfolio.PortfolioCrate> list(@QueryParam("repository") String repository,
            @QueryParam("grade") String grade, @QueryParam("name") String name) {
        return portfolio.crates(Portfolio.Filter.parse(repository, grade, name));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A crate's current score explained: its ratings and their parts, the fixes ranked by points per finding, its verification evidence")
    public Scores.CrateDetail crate(@PathParam("id") long id) {
        return scores.crate(id);
    }

    @GET
    @Path("/{id}/trends")
    @Operation(summary = "A crate's score and metric series by commit")
    public Trends.Trend trends(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        return trends.crateTrend(id, new Trends.Query(branch, from, to, metric)).orElseThrow(NotFoundException::new);
    }

    /** The same series as CSV, one record per commit. */
    @GET
    @Path("/{id}/trends.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "A crate's series as CSV")
    public Response trendsCsv(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        return TrendCsv.response(trends(id, branch, from, to, metric), "crate-" + id + "-trends.csv");
    }
}
