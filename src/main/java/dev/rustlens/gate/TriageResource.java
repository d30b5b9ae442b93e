package dev.rustlens.gate;

import dev.rustlens.auth.Role;
import dev.rustlens.gate.TriageStore.TriageMark;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/**
 * Triage: findings marked accepted or false positive, with a reason, who and when, and an
 * optional expiry. A mark follows its finding across scans by fingerprint and takes it out of
 * the score and the gate (the repository's newest scans are rescored at once).
 */
@Path("/api/v1/repositories")
@Tag(name = "Quality gate")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    private final TriageStore triage;
    private final RepositoryService repositories;
    private final SecurityIdentity identity;

    public TriageResource(TriageStore triage, RepositoryService repositories, SecurityIdentity identity) {
        this.triage = triage;
        this.repositories = repositories;
        this.identity = identity;
    }

    /**
     * What a client sends to mark a finding. {@code by} is read only to refuse it: the mark's author
     * is who is signed in, and a client that still names one should learn that it is not recorded.
     */
    public record TriageRequest(String fingerprint, String status, String reason,
            @Schema(hidden = true) String by, String expiresAt) {
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a finding as accepted or a false positive")
    @APIResponse(responseCode = "201", description = "The mark",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TriageMark.class)))
    public Response mark(@PathParam("id") long id, TriageRequest request) {
        GitRepository repository = repository(id);
        if (request == null) {
            throw new BadRequest("a JSON body {\"fingerprint\", \"status\", \"reason\"} is required");
        }
        if (request.by() != null) {
            throw new BadRequest("\"by\" is not accepted: the mark's author is who is signed in (the user, or the API"
                    + " token's owner)");
        }
        OffsetDateTime expires = null;
        if (request.expiresAt() != null) {
            try {
                expires = OffsetDateTime.parse(request.expiresAt());
            } catch (DateTimeParseException e) {
                throw new BadRequest("expiresAt must be a time like 2026-12-31T00:00:00Z");
            }
        }
        TriageMark mark = triage.mark(repository, new TriageStore.NewMark(request.fingerprint(), request.status(),
                request.reason(), Author.of(identity), expires));
        return Response.status(Response.Status.CREATED).entity(mark).build();
    }

    @GET
    @Path("/{id}/triage")
    @Operation(summary = "A repository's triaged findings")
    public List<TriageMark> list(@PathParam("id") long id) {
        repository(id);
        return triage.marks(id);
    }

    /** Removes a mark: the finding counts again. */
    @DELETE
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/triage/{fingerprint}")
    @Operation(summary = "Remove a triage mark")
    @APIResponse(responseCode = "204", description = "The mark is removed")
    public Response unmark(@PathParam("id") long id, @PathParam("fingerprint") String fingerprint) {
        if (!triage.unmark(repository(id), fingerprint)) {
            throw new NotFoundException("finding " + Echo.quoted(fingerprint) + " is not marked");
        }
        return Response.noContent().build();
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(NotFoundException::new);
    }
}
