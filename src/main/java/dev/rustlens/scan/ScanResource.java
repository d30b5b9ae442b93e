package dev.rustlens.scan;

import dev.rustlens.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scan with everything it found. */
@Path("/api/v1/scans")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final ScanService scans;
    private final ScanQueries queries;

    public ScanResource(ScanService scans, ScanQueries queries) {
        this.scans = scans;
        this.queries = queries;
    }

    /** Cancels a queued or running scan: 200 with the scan, 409 when it has already ended. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running scan")
    @APIResponse(responseCode = "200", description = "The cancelled scan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScanView.class)))
    @APIResponse(responseCode = "409", description = "The scan has already ended")
    public ScanView cancel(@PathParam("id") long id) {
        ScanService.Cancellation cancellation = scans.cancel(id);
        return switch (cancellation.outcome()) {
            case NOT_FOUND -> throw new NotFoundException();
            case ALREADY_ENDED -> throw new ClientErrorException("scan " + id + " has already ended",
                    Response.Status.CONFLICT);
            case CANCELLED -> cancellation.scan();
        };
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A scan: status, commit, crates with scores, metrics and findings")
    public ScanView get(@PathParam("id") long id) {
        return queries.scan(id).orElseThrow(NotFoundException::new);
    }
}
