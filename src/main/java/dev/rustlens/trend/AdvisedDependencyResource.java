package dev.rustlens.trend;

import dev.rustlens.http.Downloads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which repositories' current scans lock a package version that has a RustSec advisory, as JSON and CSV. */
@Path("/api/v1/dependencies")
@Tag(name = "Dependencies and advisories")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisedDependencyResource {

    private final DependencyReports reports;

    public AdvisedDependencyResource(DependencyReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/advisories")
    @Operation(summary = "Which repositories' current scans lock a package version that has a RustSec advisory")
    public DependencyReports.ServerAdvisories advisories() {
        return reports.serverWide();
    }

    @GET
    @Path("/advisories.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "The same as CSV, one record per advisory and repository")
    public Response advisoriesCsv() {
        return Downloads.attachment(Response.ok(DependencyCsv.of(reports.serverWide())), "advisories.csv");
    }
}
