package dev.rustlens.gate;

import dev.rustlens.scan.Scan;
import jakarta.transaction.Transactional;
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
    @Transactional
    @Operation(summary = "The gate verdict of a scan")
    public GateVerdict gate(@PathParam("id") long id) {
        Scan scan = Scan.<Scan>findByIdOptional(id).orElseThrow(NotFoundException::new);
        return gates.verdict(scan).orElseThrow(() -> new NotFoundException("scan " + id + " has not succeeded"));
    }
}
