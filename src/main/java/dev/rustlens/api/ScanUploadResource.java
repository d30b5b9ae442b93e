package dev.rustlens.api;

import dev.rustlens.auth.Role;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.ScanUpload;
import dev.rustlens.scan.ScanUploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Results of the command-line scanner (docs/cli.md), stored as the scan of a commit and branch,
 * answered with the gate's verdict on it, so CI can fail on it without sending its source.
 */
@Path("/api/v1/repositories")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanUploadResource {

    private final RepositoryService repositories;
    private final ScanUploads uploads;
    private final GateService gates;

    public ScanUploadResource(RepositoryService repositories, ScanUploads uploads, GateService gates) {
        this.repositories = repositories;
        this.uploads = uploads;
        this.gates = gates;
    }

    /** 201 with the gate's verdict on the stored scan (Location: the scan); 400 naming what is wrong, nothing stored. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the command-line scanner's results as the scan of a commit and branch; the gate's verdict")
    @APIResponse(responseCode = "201",
            description = "The gate's verdict on the stored scan, which is at the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GateService.GateStatus.class)))
    @APIResponse(responseCode = "409", description = "A scan of that commit and branch is running on the server")
    public Response upload(@PathParam("id") long id, ScanUpload upload, UriInfo uri) {
        if (upload == null) {
            throw new BadRequest("a JSON body in the format " + ScanUpload.FORMAT + " is required (rustlens scan --upload)");
        }
        GitRepository repository = repositories.find(id).orElseThrow(NotFoundException::new);
        long scanId = uploads.store(repository, upload);
        URI location = uri.getBaseUriBuilder().path("api/v1/scans/{id}").build(scanId);
        GateService.GateStatus status = gates.status(repository, upload.commit(), upload.branch())
                .orElseThrow(() -> new IllegalStateException("scan " + scanId + " was stored but is not found"));
        return Response.created(location).entity(status).build();
    }
}
