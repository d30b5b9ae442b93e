package dev.rustlens.supply;

import dev.rustlens.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The RustSec advisory database in use: its state, and a refresh on demand. */
@Path("/api/v1/advisories")
@Tag(name = "Advisories")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisoryResource {

    private final AdvisoryDatabase database;

    public AdvisoryResource(AdvisoryDatabase database) {
        this.database = database;
    }

    @GET
    @Path("/database")
    @Operation(summary = "The advisory database: its URL, stored revision, last fetch, advisory count, last error and"
            + " the files left out")
    public AdvisoryDatabase.Status status() {
        return database.status();
    }

    /** Fetches the database now and answers when the refresh is over (a fetch takes seconds to minutes). */
    @POST
    @RolesAllowed(Role.ADMIN)
    @Path("/refresh")
    @Operation(summary = "Fetch the advisory database now; answers what the refresh did (changed, unchanged, failed"
            + " or disabled)")
    public AdvisoryDatabase.Refresh refresh() {
        return database.refresh();
    }
}
