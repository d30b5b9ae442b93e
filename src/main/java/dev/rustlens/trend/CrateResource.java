package dev.rustlens.trend;

import dev.rustlens.http.PageCursor;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A crate: its score explained, and its trends. */
@Path("/api/v1/crates")
@Tag(name = "Scores and trends")
@Produces(MediaType.APPLICATION_JSON)
public class CrateResource {

    private static final int MAX_LIMIT = 500;

    private final Trends trends;
    private final Scores scores;
    private final Portfolio portfolio;

    public CrateResource(Trends trends, Scores scores, Portfolio portfolio) {
        this.trends = trends;
        this.scores = scores;
        this.portfolio = portfolio;
    }

    /** Every crate of every repository, as its repository's current scan rated it, riskiest first, as pages linked by cursor. */
    @GET
    @Operation(summary = "Every crate of every repository, lowest score first unless sorted otherwise: grade, score and"
            + " its change, ratings, unsafe counts; filtered by repository (id), grade (that grade or worse) and name"
            + " (a part of it); as pages (limit, cursor, total, Link rel=next)")
    public RestResponse<Portfolio.Page> list(@QueryParam("repository") String repository,
            @QueryParam("grade") String grade, @QueryParam("name") String name,
            @Parameter(description = "The column sorted by: score (the default), change, unsafe, panics, documentation,"
                    + " verification, hygiene (the ratings), unsafe-blocks, unsafe-fns, unsafe-impls, lines, name or"
                    + " repository") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc; absent, each column's own: the riskiest first (the lowest score or"
                    + " rating, the biggest drop, the most unsafe code or lines), names from A") @QueryParam("order")
            String order,
            @Parameter(description = "Crates per page, 1 to 500") @QueryParam("limit") @DefaultValue("100") int limit,
            @Parameter(description = "Where the page starts: the nextCursor of the page before") @QueryParam("cursor")
            String cursor, @Context UriInfo uri) {
        PageCursor.limit(limit, MAX_LIMIT);
        Portfolio.Filter filter = Portfolio.Filter.parse(repository, grade, name);
        Portfolio.Order by = Portfolio.Order.parse(sort);
        return PageCursor.ok(portfolio.page(new Portfolio.Query(filter, by, Portfolio.descending(by, order),
                PageCursor.key(cursor, Portfolio.Cursor::ofKey), limit)), uri);
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
