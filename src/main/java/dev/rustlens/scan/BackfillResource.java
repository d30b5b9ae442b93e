package dev.rustlens.scan;

import dev.rustlens.scan.BackfillRunner.BackfillView;
import jakarta.transaction.Transactional;
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

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A backfill: its status, error, and the ids of the scans it queued")
    public BackfillView get(@PathParam("id") long id) {
        Backfill backfill = Backfill.<Backfill>findByIdOptional(id).orElseThrow(NotFoundException::new);
        return view(backfill);
    }

    static BackfillView view(Backfill backfill) {
        return BackfillView.of(backfill, Scan.<Scan>list("backfillId = ?1 order by id", backfill.id).stream()
                .map(scan -> scan.id).toList());
    }
}
