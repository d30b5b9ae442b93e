package dev.rustlens.gate;

import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A repository's quality gate: its conditions and baseline, and its verdict on a scan, a
 * commit or a branch's newest scan (what CI asks before merging).
 */
@Path("/api/v1/repositories")
@Tag(name = "Quality gate")
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    private final GateService gates;
    private final RepositoryService repositories;

    public GateResource(GateService gates, RepositoryService repositories) {
        this.gates = gates;
        this.repositories = repositories;
    }

    /** What a client sends to set a gate. */
    public record GateRequest(List<GateCondition> conditions, String baseline, String baselineValue) {
    }

    @GET
    @Path("/{id}/gate")
    @Operation(summary = "A repository's gate conditions and baseline")
    public GateService.GateSettings get(@PathParam("id") long id) {
        repository(id);
        return gates.settings(id);
    }

    @PUT
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/gate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a repository's gate conditions and baseline")
    public GateService.GateSettings put(@PathParam("id") long id, GateRequest request) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"conditions\": [...], \"baseline\": ...} is required");
        }
        return gates.save(repository(id), request.conditions(), request.baseline(), request.baselineValue());
    }

    /**
     * The gate's verdict on the newest succeeded scan of a commit, or of a branch (the default
     * branch when neither is given); {@code pending}, with the scan to wait for, while the only
     * scan of it is queued or running.
     */
    @GET
    @Path("/{id}/gate/status")
    @Operation(summary = "The gate verdict of a commit or of the newest scan")
    public GateService.GateStatus status(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch) {
        GitRepository repository = repository(id);
        if (commit != null && !commit.matches("[0-9a-f]{4,64}")) {
            throw new BadRequest("commit must be a hexadecimal commit id");
        }
        return gates.status(repository, commit, branch == null || branch.isBlank() ? repository.defaultBranch : branch)
                .orElseThrow(() -> new NotFoundException("no scan of "
                        + (commit != null ? "commit " + commit : "that branch") + " in repository " + repository.name));
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(NotFoundException::new);
    }
}
