package dev.rustlens.gate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The quality gate's verdict on one scan. */
@Path("/api/v1/scans")
@Tag(name = "Quality gate")
@Produces(MediaType.APPLICATION_JSON)
public class ScanGateResource {

    private final GateService gates;

    public ScanGateResource(GateService gates) {
        this.gates = gates;
    }

    @GET
    @Path("/{id}/gate")
    @Operation(summary = "The gate verdict of a scan")
    public GateVerdict gate(@PathParam("id") long id) {
        return gates.verdict(id).orElseThrow(() -> new NotFoundException("scan " + id + " has not succeeded"));
    }
}
