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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A scan's dependencies as JSON, CSV and a CycloneDX SBOM. */
@Path("/api/v1/scans")
@Tag(name = "Dependencies and advisories")
@Produces(MediaType.APPLICATION_JSON)
public class ScanDependencyResource {

    /** CycloneDX's JSON media type. */
    static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";

    private final DependencyReports reports;

    public ScanDependencyResource(DependencyReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{id}/dependencies")
    @Operation(summary = "The dependencies of a scan: locked packages, unsafe exposure, advisories, totals and the"
            + " change since its baseline")
    @APIResponse(responseCode = "200", description = "The scan's dependencies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DependencyReports.DependencyReport.class)))
    @APIResponse(responseCode = "410", description = "Housekeeping removed this scan's detail")
    public DependencyReports.DependencyReport ofScan(@PathParam("id") long id) {
        return reports.ofScan(id).orElseThrow(() -> new NotFoundException("no succeeded scan " + id));
    }

    @GET
    @Path("/{id}/dependencies.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "The locked packages of a scan as CSV")
    public Response ofScanCsv(@PathParam("id") long id) {
        return Downloads.attachment(Response.ok(DependencyCsv.of(ofScan(id))), "scan-" + id + "-dependencies.csv");
    }

    @GET
    @Path("/{id}/sbom")
    @Produces(CYCLONEDX_JSON)
    @Operation(summary = "A CycloneDX 1.6 SBOM of a scan's locked packages, with their advisories as vulnerabilities")
    @APIResponse(responseCode = "200", description = "The SBOM",
            content = @Content(mediaType = CYCLONEDX_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A CycloneDX 1.6 JSON document (https://cyclonedx.org/docs/1.6/json/)")))
    @APIResponse(responseCode = "410", description = "Housekeeping removed this scan's detail")
    public Response sbom(@PathParam("id") long id) {
        return Downloads.attachment(Response.ok(CycloneDxExport.of(ofScan(id))), "scan-" + id + "-sbom.cdx.json");
    }
}
