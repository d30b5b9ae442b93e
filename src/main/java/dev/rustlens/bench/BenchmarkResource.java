package dev.rustlens.bench;

import dev.rustlens.auth.Role;
import dev.rustlens.bench.BenchmarkQueries.History;
import dev.rustlens.bench.BenchmarkQueries.ThresholdView;
import dev.rustlens.bench.detect.Threshold;
import dev.rustlens.bench.detect.ThresholdTest;
import dev.rustlens.bench.ingest.ParsedResult;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One benchmark over REST: a measure's history, its thresholds, and the lifecycle of its alerts.
 */
@Path("/api/v1")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    private final BenchmarkService service;
    private final BenchmarkQueries queries;

    private final SecurityIdentity identity;

    public BenchmarkResource(BenchmarkService service, BenchmarkQueries queries, SecurityIdentity identity) {
        this.identity = identity;
        this.service = service;
        this.queries = queries;
    }

    /** What a client sends to set a threshold. */
    public record ThresholdRequest(String test, Integer windowSize, Integer minSampleSize, Double upperBoundary,
            Double lowerBoundary) {
    }

    /** One measure's history (default {@code latency}), oldest first, filtered by branch and testbed. */
    @GET
    @Path("/benchmarks/{id}/history")
    @Operation(summary = "A benchmark's results over commits")
    public History history(@PathParam("id") long id, @QueryParam("measure") String measure,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed) {
        return queries.history(id, measure == null ? ParsedResult.LATENCY : measure, branch, testbed);
    }

    /** The threshold in force for each measure of a benchmark. */
    @GET
    @Path("/benchmarks/{id}/thresholds")
    @Operation(summary = "A benchmark's regression thresholds")
    public List<ThresholdView> thresholds(@PathParam("id") long id) {
        return queries.thresholds(id);
    }

    /** Sets one measure's threshold; later results are judged by it. */
    @PUT
    @RolesAllowed(Role.MAINTAINER)
    @Path("/benchmarks/{id}/thresholds/{measure}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a regression threshold of a benchmark measure")
    public ThresholdView setThreshold(@PathParam("id") long id, @PathParam("measure") String measure,
            ThresholdRequest request) {
        if (request == null || request.test() == null || request.windowSize() == null
                || request.minSampleSize() == null) {
            throw new BadRequest(
                    "a JSON body {\"test\", \"windowSize\", \"minSampleSize\", \"upperBoundary\", \"lowerBoundary\"} is required");
        }
        Threshold threshold = new Threshold(ThresholdTest.of(request.test()), request.windowSize(),
                request.minSampleSize(), request.upperBoundary(), request.lowerBoundary());
        return ThresholdView.of(measure, service.setThreshold(id, measure, threshold), false);
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/benchmark-alerts/{id}/acknowledge")
    @Operation(summary = "Acknowledge a benchmark alert")
    @APIResponse(responseCode = "200", description = "The acknowledged alert",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "409",
            description = "The alert is not open: it was acknowledged or resolved before")
    public AlertView acknowledge(@PathParam("id") long id) {
        return service.transition(id, BenchmarkAlert.Status.acknowledged, Author.of(identity));
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/benchmark-alerts/{id}/resolve")
    @Operation(summary = "Resolve a benchmark alert")
    @APIResponse(responseCode = "200", description = "The resolved alert",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "409", description = "The alert is already resolved")
    public AlertView resolve(@PathParam("id") long id) {
        return service.transition(id, BenchmarkAlert.Status.resolved, Author.of(identity));
    }
}
