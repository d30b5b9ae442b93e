package dev.rustlens.gate;

import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanRequest;
import dev.rustlens.scan.ScanService;
import dev.rustlens.text.Blank;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A repository's quality gates (the main-branch gate and the pull-request gate): their conditions
 * and baselines, and the verdict on a commit or a branch's newest scan (what CI asks before merging).
 */
@Path("/api/v1/repositories")
@Tag(name = "Quality gate")
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    /** The longest a status request may wait for a pending verdict. */
    static final int MAX_WAIT_SECONDS = 600;

    private final GateService gates;
    private final RepositoryService repositories;
    private final ScanService scans;

    public GateResource(GateService gates, RepositoryService repositories, ScanService scans) {
        this.gates = gates;
        this.repositories = repositories;
        this.scans = scans;
    }

    /** What a client sends to set a gate. */
    public record GateRequest(List<GateCondition> conditions, String baseline, String baselineValue) {
    }

    @GET
    @Path("/{id}/gate")
    @Operation(summary = "A repository's gate conditions and baseline (scope main or pull_request)")
    public GateService.GateSettings get(@PathParam("id") long id, @QueryParam("scope") String scope) {
        repository(id);
        return gates.settings(id, GateScope.parse(scope));
    }

    @PUT
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/gate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a repository's gate conditions and baseline (scope main or pull_request)")
    public GateService.GateSettings put(@PathParam("id") long id, @QueryParam("scope") String scope,
            GateRequest request) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"conditions\": [...], \"baseline\": ...} is required");
        }
        return gates.save(repository(id), GateScope.parse(scope), request.conditions(), request.baseline(),
                request.baselineValue());
    }

    /**
     * The gate's verdict on the newest succeeded scan of a commit (on {@code branch} when given), or
     * of a branch's head (the default branch when neither is given); {@code pending}, with the scan
     * to wait for, while it is queued or running or its merge-base is being scanned. With
     * {@code wait} (seconds) the answer waits until the verdict is in or the time is up, on a
     * virtual thread: hundreds of waiting CI jobs do not take the worker threads that pages need.
     */
    @GET
    @Path("/{id}/gate/status")
    @RunOnVirtualThread
    @Operation(summary = "The gate verdict of a commit or of a branch's newest scan, waiting up to `wait` s")
    public GateService.GateStatus status(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch, @QueryParam("wait") @DefaultValue("0") int wait) {
        GitRepository repository = repository(id);
        return gates.awaitStatus(repository, commitPrefix(commit), Blank.toNull(branch), waitOf(wait))
                .orElseThrow(() -> new NotFoundException("no scan of "
                        + (commit != null ? "commit " + commit : "that branch") + " in repository " + repository.name
                        + "; POST to this address queues one"));
    }

    /**
     * As the GET, but queues a scan of the commit or branch head (compared with {@code target}, a
     * pull request's target) when there is none: one call for a CI job.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/gate/status")
    @RunOnVirtualThread
    @Operation(summary = "Queue a scan of a commit or branch unless there is one, then answer its gate status")
    public GateService.GateStatus queueAndStatus(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch, @QueryParam("target") String target,
            @QueryParam("pullRequest") String pullRequest, @QueryParam("wait") @DefaultValue("0") int wait) {
        GitRepository repository = repository(id);
        String prefix = commitPrefix(commit);
        Duration waiting = waitOf(wait);
        if (gates.status(repository, prefix, Blank.toNull(branch)).isEmpty()) {
            scans.enqueue(id, Scan.Trigger.api, new ScanRequest(branch, commit, target, pullRequest));
        }
        return gates.awaitStatus(repository, prefix, Blank.toNull(branch), waiting).orElseThrow(NotFoundException::new);
    }

    private static String commitPrefix(String commit) {
        if (commit != null && !commit.matches("[0-9a-f]{4,64}")) {
            throw new BadRequest("commit must be a hexadecimal commit id");
        }
        return commit;
    }

    private static Duration waitOf(int seconds) {
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw new BadRequest("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(NotFoundException::new);
    }
}
