package dev.rustlens.api;

import dev.rustlens.auth.Role;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RemoteBranches;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.scan.Branches;
import dev.rustlens.text.Echo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A repository's branches: those scanned (with their newest scan and gate), those on the remote, and deletion. */
@Path("/api/v1/repositories/{id}/branches")
@Tag(name = "Repositories")
@Produces(MediaType.APPLICATION_JSON)
public class BranchResource {

    private final Branches branches;
    private final GateService gates;
    private final RepositoryService repositories;
    private final RemoteBranches remote;

    public BranchResource(Branches branches, GateService gates, RepositoryService repositories, RemoteBranches remote) {
        this.branches = branches;
        this.gates = gates;
        this.repositories = repositories;
        this.remote = remote;
    }

    /**
     * A scanned branch: its newest scan, its target and merge-base (for a branch compared with
     * one), and the gate's verdict on its newest scan: passed, failed, or pending (not judged yet).
     */
    public record BranchView(String name, boolean isDefault, String target, String pullRequest, long newestScanId,
            String newestStatus, String commit, String baseCommit, OffsetDateTime lastScannedAt, long scans,
            String gate) {
    }

    @GET
    @Operation(summary = "The scanned branches, the default one first, each with its newest scan and gate")
    public List<BranchView> scanned(@PathParam("id") long id) {
        List<Branches.ScannedBranch> found = branches.of(id).orElseThrow(NotFoundException::new);
        Map<Long, Boolean> passed = gates.passedNow(found.stream().map(Branches.ScannedBranch::newestScanId).toList());
        return found.stream().map(branch -> new BranchView(branch.name(), branch.isDefault(), branch.target(),
                branch.pullRequest(), branch.newestScanId(), branch.newestStatus(), branch.commit(), branch.baseCommit(),
                branch.lastScannedAt(), branch.scans(), gateOf(passed.get(branch.newestScanId()), branch.newestStatus())))
                .toList();
    }

    /** Maintainers only: each call reaches out to the remote, which an anonymous reader must not be able to make us do. */
    @GET
    @RolesAllowed(Role.MAINTAINER)
    @Path("/remote")
    @Operation(summary = "The branches the repository's remote has now (git ls-remote --heads)")
    public List<String> remote(@PathParam("id") long id) {
        GitRepository repository = repositories.find(id).orElseThrow(NotFoundException::new);
        return remote.of(repository);
    }

    @DELETE
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{branch: .+}")
    @Operation(summary = "Delete every scan of a branch other than the default one (204)")
    @APIResponse(responseCode = "204", description = "The branch's scans are deleted")
    @APIResponse(responseCode = "409", description = "The default branch cannot be deleted")
    public Response delete(@PathParam("id") long id, @PathParam("branch") String branch) {
        return switch (branches.delete(id, branch)) {
            case DELETED -> Response.noContent().build();
            case NO_SUCH_REPOSITORY -> throw new NotFoundException("no repository " + id);
            case NO_SUCH_BRANCH -> throw new NotFoundException("branch " + Echo.quoted(branch) + " has no scans");
            case DEFAULT_BRANCH -> throw new ClientErrorException(Echo.quoted(branch) + " is the repository's default"
                    + " branch: its scans are its history and are not deleted", Response.Status.CONFLICT);
        };
    }

    /** The gate of a branch's newest scan as a word: only a succeeded scan has a verdict. */
    static String gateOf(Boolean passed, String status) {
        if (passed != null) {
            return passed ? "passed" : "failed";
        }
        return status.equals("succeeded") || status.equals("queued") || status.equals("running") ? "pending" : null;
    }
}
