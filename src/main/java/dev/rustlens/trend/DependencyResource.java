package dev.rustlens.trend;

import dev.rustlens.http.Downloads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dependencies of a repository's current scan as JSON and CSV. */
@Path("/api/v1/repositories")
@Tag(name = "Dependencies and advisories")
@Produces(MediaType.APPLICATION_JSON)
public class DependencyResource {

    private final DependencyReports reports;

    public DependencyResource(DependencyReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{id}/dependencies")
    @Operation(summary = "The dependencies of a repository's current scan: locked packages, unsafe exposure,"
            + " advisories, totals and the change since the baseline")
    public DependencyReports.DependencyReport ofRepository(@PathParam("id") long id) {
        return reports.current(id).orElseThrow(() -> new NotFoundException("no repository " + id
                + " with a succeeded scan of its default branch"));
    }

    @GET
    @Path("/{id}/dependencies.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "The locked packages of a repository's current scan as CSV")
    public Response ofRepositoryCsv(@PathParam("id") long id) {
        return Downloads.attachment(Response.ok(DependencyCsv.of(ofRepository(id))),
                "repository-" + id + "-dependencies.csv");
    }
}
