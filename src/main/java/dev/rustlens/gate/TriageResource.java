package dev.rustlens.gate;

import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.Session;

/**
 * Triage: findings marked accepted or false positive, with a reason, who and when, and an
 * optional expiry. A mark follows its finding across scans by fingerprint and takes it out of
 * the score and the gate (the repository's newest scans are rescored at once).
 */
@Path("/api/v1/repositories")
@Tag(name = "Quality gate")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    private final EntityManager entityManager;
    private final GateService gates;

    public TriageResource(EntityManager entityManager, GateService gates) {
        this.entityManager = entityManager;
        this.gates = gates;
    }

    /** What a client sends to mark a finding. */
    public record TriageRequest(String fingerprint, String status, String reason, String by, String expiresAt) {
    }

    /** A mark. */
    public record TriageMark(String fingerprint, String status, String reason, String markedBy, OffsetDateTime markedAt,
            OffsetDateTime expiresAt, boolean active) {
    }

    @POST

    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark a finding as accepted or a false positive")
    public Response mark(@PathParam("id") long id, TriageRequest request) {
        GitRepository repository = GateResource.repository(id);
        if (request == null || request.fingerprint() == null) {
            throw new BadRequest("a JSON body {\"fingerprint\", \"status\", \"reason\", \"by\"} is required");
        }
        if (!"accepted".equals(request.status()) && !"false_positive".equals(request.status())) {
            throw new BadRequest("status must be accepted or false_positive");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadRequest("a reason is required: say why the finding is accepted or wrong");
        }
        if (request.by() == null || request.by().isBlank()) {
            throw new BadRequest("\"by\" is required: who marks the finding");
        }
        OffsetDateTime expires = null;
        if (request.expiresAt() != null) {
            try {
                expires = OffsetDateTime.parse(request.expiresAt());
            } catch (DateTimeParseException e) {
                throw new BadRequest("expiresAt must be a time like 2026-12-31T00:00:00Z");
            }
        }
        boolean known = !session().createNativeQuery("""
                select 1 from finding f join scan s on s.id = f.scan_id
                where s.repository_id = ?1 and f.fingerprint = ?2 limit 1""", Integer.class)
                .setParameter(1, id).setParameter(2, request.fingerprint()).getResultList().isEmpty();
        if (!known) {
            throw new NotFoundException("no finding with fingerprint " + Echo.quoted(request.fingerprint()) + " in repository " + repository.name);
        }
        session().createNativeMutationQuery("""
                insert into finding_triage (repository_id, fingerprint, status, reason, marked_by, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (repository_id, fingerprint) do update set status = excluded.status,
                    reason = excluded.reason, marked_by = excluded.marked_by, marked_at = now(),
                    expires_at = excluded.expires_at""")
                .setParameter(1, id).setParameter(2, request.fingerprint()).setParameter(3, request.status())
                .setParameter(4, request.reason().strip()).setParameter(5, request.by().strip()).setParameter(6, expires)
                .executeUpdate();
        gates.refresh(repository);
        return Response.status(Response.Status.CREATED).entity(list(id).stream()
                .filter(mark -> mark.fingerprint().equals(request.fingerprint())).findFirst().orElseThrow()).build();
    }

    @GET
    @Path("/{id}/triage")
    @Transactional
    @Operation(summary = "A repository's triaged findings")
    public List<TriageMark> list(@PathParam("id") long id) {
        GateResource.repository(id);
        return session().createNativeQuery("""
                select fingerprint, status, reason, marked_by, marked_at, expires_at,
                       expires_at is null or expires_at > now()
                from finding_triage where repository_id = ?1 order by marked_at desc, fingerprint""", Object[].class)
                .setParameter(1, id).getResultList().stream()
                .map(row -> new TriageMark((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        utc(row[4]), utc(row[5]), (Boolean) row[6])).toList();
    }

    /** Removes a mark: the finding counts again. */
    @DELETE

    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/triage/{fingerprint}")
    @Transactional
    @Operation(summary = "Remove a triage mark")
    public Response unmark(@PathParam("id") long id, @PathParam("fingerprint") String fingerprint) {
        GitRepository repository = GateResource.repository(id);
        int removed = session().createNativeMutationQuery(
                "delete from finding_triage where repository_id = ?1 and fingerprint = ?2")
                .setParameter(1, id).setParameter(2, fingerprint).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("finding " + Echo.quoted(fingerprint) + " is not marked");
        }
        gates.refresh(repository);
        return Response.noContent().build();
    }

    /** Native queries give timestamptz columns as instants. */
    private static OffsetDateTime utc(Object instant) {
        return instant == null ? null : ((Instant) instant).atOffset(ZoneOffset.UTC);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
