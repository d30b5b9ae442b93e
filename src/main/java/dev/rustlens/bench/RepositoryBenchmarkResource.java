package dev.rustlens.bench;

import dev.rustlens.auth.Role;
import dev.rustlens.bench.BenchmarkQueries.Comparison;
import dev.rustlens.bench.BenchmarkQueries.MeasureSummary;
import dev.rustlens.bench.BenchmarkService.IngestSummary;
import dev.rustlens.bench.BenchmarkService.Origin;
import dev.rustlens.bench.ingest.BencherMetricFormat;
import dev.rustlens.bench.ingest.CargoCriterionMessages;
import dev.rustlens.bench.ingest.CriterionArchive;
import dev.rustlens.bench.ingest.CriterionFiles;
import dev.rustlens.bench.ingest.LibtestOutput;
import dev.rustlens.bench.ingest.MalformedResultsException;
import dev.rustlens.bench.ingest.ParsedResult;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A repository's benchmarks over REST: CI pushes results per commit, branch and testbed; the list
 * shows each measure's latest value, change and status, and {@code alerts} the regressions.
 */
@Path("/api/v1/repositories/{id}/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryBenchmarkResource {

    /** Limits of an uploaded criterion archive: entries read, bytes per result file, bytes kept. */
    private static final CriterionArchive ARCHIVE = new CriterionArchive(200_000, 1 << 20, 64L << 20);
    private static final long MAX_MULTIPART_FILE_BYTES = 1 << 20;
    private static final int MAX_ALERT_PAGE = 500;

    private final BenchmarkService service;
    private final BenchmarkQueries queries;

    public RepositoryBenchmarkResource(BenchmarkService service, BenchmarkQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    /** A {@code .tar.gz} of {@code target/criterion}. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
        @Consumes({"application/gzip", "application/x-gzip"})
    @Operation(summary = "Upload criterion results as a tar.gz of target/criterion")
    public IngestSummary ingestArchive(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed,
            @QueryParam("crate") String crate, @QueryParam("committedAt") String committedAt, InputStream body) {
        Origin origin = new Origin(commit, branch, testbed, crate, Origin.committedAt(committedAt));
        BenchmarkService.repository(id);
        return service.ingest(id, origin, CriterionFiles.parse(ARCHIVE.read(body)));
    }

    /**
     * Criterion's {@code new/estimates.json} and {@code new/benchmark.json} as multipart files;
     * each part's field name (or file name) is its path under {@code target/criterion}.
     * Metadata may come as form fields or query parameters.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
        @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload benchmark results as JSON (criterion, bencher metric format)")
    public IngestSummary ingestFiles(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed,
            @QueryParam("crate") String crate, @QueryParam("committedAt") String committedAt,
            @RestForm("commit") String formCommit, @RestForm("branch") String formBranch,
            @RestForm("testbed") String formTestbed, @RestForm("crate") String formCrate,
            @RestForm("committedAt") String formCommittedAt, @RestForm(FileUpload.ALL) List<FileUpload> files) {
        Origin origin = new Origin(either(commit, formCommit), either(branch, formBranch),
                either(testbed, formTestbed), either(crate, formCrate),
                Origin.committedAt(either(committedAt, formCommittedAt)));
        BenchmarkService.repository(id);
        Map<String, byte[]> contents = new HashMap<>();
        for (FileUpload file : files) {
            String path = file.fileName() != null && file.fileName().contains("/new/") ? file.fileName() : file.name();
            if (file.size() > MAX_MULTIPART_FILE_BYTES) {
                throw new MalformedResultsException(path, "larger than " + MAX_MULTIPART_FILE_BYTES + " bytes");
            }
            try {
                contents.put(path, Files.readAllBytes(file.uploadedFile()));
            } catch (IOException e) {
                throw new MalformedResultsException(path, "could not be read: " + e.getMessage());
            }
        }
        List<ParsedResult> results = CriterionFiles.parse(contents);
        if (results.isEmpty()) {
            throw new MalformedResultsException("upload", "no part named <bench>/new/estimates.json");
        }
        return service.ingest(id, origin, results);
    }

    /**
     * Text results: libtest's {@code cargo bench} output ({@code text/plain}), cargo-criterion's
     * JSON lines ({@code application/x-ndjson}) or Bencher Metric Format ({@code application/json});
     * {@code format} ({@code libtest}, {@code cargo-criterion}, {@code bmf}) overrides the media type.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
        @Consumes({MediaType.TEXT_PLAIN, "application/x-ndjson", MediaType.APPLICATION_JSON})
    @Operation(summary = "Upload libtest bench or cargo-criterion output")
    public IngestSummary ingestText(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed,
            @QueryParam("crate") String crate, @QueryParam("committedAt") String committedAt,
            @QueryParam("format") String format, @HeaderParam("Content-Type") String contentType, String body) {
        Origin origin = new Origin(commit, branch, testbed, crate, Origin.committedAt(committedAt));
        BenchmarkService.repository(id);
        String chosen = format != null ? format
                : contentType.startsWith(MediaType.TEXT_PLAIN) ? "libtest"
                : contentType.startsWith("application/x-ndjson") ? "cargo-criterion" : "bmf";
        List<ParsedResult> results = switch (chosen) {
            case "libtest" -> LibtestOutput.parse("libtest output", body);
            case "cargo-criterion" -> CargoCriterionMessages.parse("cargo-criterion messages", body);
            case "bmf" -> BencherMetricFormat.parse("Bencher Metric Format body", body);
            default -> throw new BadRequest(
                    "format must be libtest, cargo-criterion or bmf; got \"" + format + "\"");
        };
        return service.ingest(id, origin, results);
    }

    /** The repository's benchmarks, one row per measure, with latest value, change and status. */
    @GET
    @Operation(summary = "A repository's benchmarks with their newest results")
    public List<MeasureSummary> list(@PathParam("id") long id, @QueryParam("branch") String branch,
            @QueryParam("testbed") String testbed) {
        return queries.list(id, branch, testbed);
    }

    /**
     * One measure of several benchmarks, for one chart: each benchmark's results, oldest first,
     * with when their commits were made.
     */
    @GET
    @Path("/compare")
    @Operation(summary = "One measure of the repository's benchmarks side by side (up to 20 series)")
    public Comparison compare(@PathParam("id") long id, @QueryParam("measure") String measure,
            @QueryParam("branch") String branch, @QueryParam("testbed") String testbed) {
        if (measure == null || measure.isBlank()) {
            throw new BadRequest("the \"measure\" parameter is required, e.g. latency");
        }
        return queries.compare(id, measure, branch, testbed);
    }

    /**
     * The repository's benchmark alerts, newest first, optionally of one status, {@code limit} at a
     * time after {@code cursor}.
     */
    @GET
    @Path("/alerts")
    @Operation(summary = "A repository's benchmark alerts, newest first, paged by cursor (Link rel=next)")
    public RestResponse<List<AlertView>> alerts(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return PageCursor.firstOf(queries.alerts(id, Choices.parse("status", status, BenchmarkAlert.Status.class),
                PageCursor.idKey(cursor), PageCursor.limit(limit, MAX_ALERT_PAGE) + 1), limit, alert -> alert,
                AlertView::id, uri).build();
    }

    private static String either(String query, String form) {
        return query != null ? query : form;
    }
}
