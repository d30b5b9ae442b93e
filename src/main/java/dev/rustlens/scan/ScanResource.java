package dev.rustlens.scan;

import dev.rustlens.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import dev.rustlens.http.PageCursor;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/** A scan's summary, and the paged lists of what it found. */
@Path("/api/v1/scans")
@Tag(name = "Scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    /** Most items a page of unsafe sites or fixed findings holds, as a page of findings. */
    private static final int MAX_LIMIT = 500;
    private final ScanService scans;
    private final ScanQueries queries;

    public ScanResource(ScanService scans, ScanQueries queries) {
        this.scans = scans;
        this.queries = queries;
    }

    /** Cancels a queued or running scan: 200 with the scan, 409 when it has already ended. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running scan")
    @APIResponse(responseCode = "200", description = "The cancelled scan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanView.class)))
    @APIResponse(responseCode = "409", description = "The scan has already ended")
    public ScanView cancel(@PathParam("id") long id) {
        ScanService.Cancellation cancellation = scans.cancel(id);
        return switch (cancellation.outcome()) {
            case NOT_FOUND -> throw new NotFoundException();
            case ALREADY_ENDED -> throw new ClientErrorException("scan " + id + " has already ended",
                    Response.Status.CONFLICT);
            case CANCELLED -> cancellation.scan();
        };
    }

    /** The scan's summary: what it found is behind its links, paged. */
    @GET
    @Path("/{id}")
    @Operation(summary = "A scan: status, commit, times, counts, crates with scores and metrics, and links to its"
            + " findings, fixed findings and unsafe sites")
    public ScanView get(@PathParam("id") long id) {
        return queries.scan(id).orElseThrow(NotFoundException::new);
    }

    /** The scan's unsafe sites by id, {@code limit} at a time after {@code cursor}. */
    @GET
    @Path("/{id}/unsafe-sites")
    @Operation(summary = "A scan's unsafe sites, paged by cursor (Link rel=next)")
    @APIResponse(responseCode = "200", description = "A page of unsafe sites; the next one is in the Link header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanView.UnsafeSitePage.class)))
    @APIResponse(responseCode = "410", description = ScanQueries.DETAIL_GONE)
    public RestResponse<ScanView.UnsafeSitePage> unsafeSites(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageCursor.ok(queries.unsafeSites(id, PageCursor.idKey(cursor), PageCursor.limit(limit, MAX_LIMIT))
                .orElseThrow(() -> noScan(id)), uri);
    }

    /** The findings of the branch's previous scan that this scan no longer has, by id, {@code limit} at a time. */
    @GET
    @Path("/{id}/fixed-findings")
    @Operation(summary = "The findings a scan fixed (the previous scan's that it no longer has), paged by cursor"
            + " (Link rel=next)")
    @APIResponse(responseCode = "200", description = "A page of fixed findings; the next one is in the Link header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanView.FixedFindingPage.class)))
    @APIResponse(responseCode = "410",
            description = "Housekeeping removed the findings of this scan or of the one before it (docs/database.md)")
    public RestResponse<ScanView.FixedFindingPage> fixedFindings(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageCursor.ok(queries.fixedFindings(id, PageCursor.idKey(cursor), PageCursor.limit(limit, MAX_LIMIT))
                .orElseThrow(() -> noScan(id)), uri);
    }

    private static NotFoundException noScan(long id) {
        return new NotFoundException("no scan " + id);
    }
}
