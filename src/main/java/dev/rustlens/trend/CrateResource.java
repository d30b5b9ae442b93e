package dev.rustlens.trend;

import dev.rustlens.scan.Crate;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A crate: its score explained, and its trends. */
@Path("/api/v1/crates")
@Produces(MediaType.APPLICATION_JSON)
public class CrateResource {

    private final Trends trends;
    private final Scores scores;

    public CrateResource(Trends trends, Scores scores) {
        this.trends = trends;
        this.scores = scores;
    }

    @GET
    @Path("/{id}")
    public Scores.CrateDetail crate(@PathParam("id") long id) {
        return scores.crate(id);
    }

    @GET
    @Path("/{id}/trends")
    @Transactional
    public Trends.Trend trends(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        Crate crate = Crate.<Crate>findByIdOptional(id).orElseThrow(NotFoundException::new);
        return trends.trend(crate.repository, crate.id, branch, from, to, metric);
    }

    /** The same series as CSV, one record per commit. */
    @GET
    @Path("/{id}/trends.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    public Response trendsCsv(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("metric") String metric) {
        return TrendCsv.response(trends(id, branch, from, to, metric), "crate-" + id + "-trends.csv");
    }
}
