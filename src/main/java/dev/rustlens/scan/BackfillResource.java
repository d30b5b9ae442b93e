package dev.rustlens.scan;

import dev.rustlens.scan.BackfillRunner.BackfillView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A history backfill: queued, running (fetching), then done with the scans it queued, or failed. */
@Path("/api/v1/backfills")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
public class BackfillResource {

    private final ScanQueries queries;

    public BackfillResource(ScanQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A backfill: its status, error, and the ids of the scans it queued")
    public BackfillView get(@PathParam("id") long id) {
        return queries.backfill(id).orElseThrow(NotFoundException::new);
    }
}
