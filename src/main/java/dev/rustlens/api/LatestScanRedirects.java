package dev.rustlens.api;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.scan.ScanQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A repository's findings or crate metrics at its newest succeeded scan of the default branch: a
 * redirect (303) to that scan's export, keeping the query's filters, so scripts need not look the
 * scan up.
 */
@Path("/api/v1/repositories")
@Tag(name = "Findings")
public class LatestScanRedirects {

    private static final Set<String> FORMATS = Set.of("findings", "findings.csv", "findings.sarif", "crates", "crates.csv");

    private final RepositoryService repositories;
    private final ScanQueries scans;

    public LatestScanRedirects(RepositoryService repositories, ScanQueries scans) {
        this.repositories = repositories;
        this.scans = scans;
    }

    @GET
    @ForwardsQueryParameters
    @Path("/{id}/{format:findings(\\.csv|\\.sarif)?|crates(\\.csv)?}")
    @Operation(summary = "Redirect (303) to the findings or crates export of the repository's newest succeeded scan")
    @APIResponse(responseCode = "303",
            description = "The same export of the newest succeeded scan of the default branch, at the Location")
    public Response latest(@PathParam("id") long id, @PathParam("format") String format, @Context UriInfo uri) {
        if (!FORMATS.contains(format)) {
            throw new NotFoundException();
        }
        GitRepository repository = repositories.find(id).orElseThrow(NotFoundException::new);
        long scanId = scans.newestSucceeded(repository).orElseThrow(() -> new NotFoundException(
                "repository " + repository.name + " has no succeeded scan of " + repository.defaultBranch + " yet"));
        URI target = uri.getRequestUriBuilder().replacePath(uri.getBaseUri().getPath())
                .path("api/v1/scans/{scan}/" + format).build(scanId);
        return Response.seeOther(target).build();
    }
}
