package dev.rustlens.finding;

import dev.rustlens.http.Downloads;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.ScanQueries;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A scan's findings, filtered: as JSON pages (limit and cursor, with the total and a Link to the
 * next page), or all of them as CSV, streamed from a database cursor so that the heap stays flat
 * however many there are.
 */
@Path("/api/v1/scans")
@Tag(name = "Findings")
public class FindingResource {

    private static final int MAX_LIMIT = 500;
    private final FindingQueries findings;
    private final AnalysisEngine engine;

    public FindingResource(FindingQueries findings, AnalysisEngine engine) {
        this.findings = findings;
        this.engine = engine;
    }

    @GET
    @Path("/{id}/findings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A scan's findings as JSON pages (limit, cursor, total, Link), filtered")
    @APIResponse(responseCode = "200", description = "A page of the scan's findings; the next one is in the Link header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FindingQueries.FindingPage.class)))
    @APIResponse(responseCode = "410", description = ScanQueries.DETAIL_GONE)
    public RestResponse<FindingQueries.FindingPage> page(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @QueryParam("crate") String crate, @QueryParam("check") String check,
            @QueryParam("severity") String severity, @QueryParam("tracking") String tracking,
            @QueryParam("path") String path, @QueryParam("inTest") Boolean inTest,
            @QueryParam("counted") Boolean counted, @Context UriInfo uri) {
        PageCursor.limit(limit, MAX_LIMIT);
        Long after = PageCursor.idKey(cursor);
        FindingFilter.Sql where = new FindingFilter(crate, check, severity, tracking, path, inTest, counted)
                .sql(requireScan(id).findingsScanId());
        FindingQueries.FindingPage page = findings.page(id, where, after, limit);
        return PageCursor.ok(page, uri);
    }

    /** Every finding of the scan that the filter keeps, as RFC 4180 CSV with formulas neutralised. */
    @GET
    @Path("/{id}/findings.csv")
    @Produces("text/csv")
    @Operation(summary = "A scan's findings as CSV (RFC 4180, formulas neutralised), streamed")
    @APIResponse(responseCode = "200", description = "The findings as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "410", description = ScanQueries.DETAIL_GONE)
    public Response csv(@PathParam("id") long id, @QueryParam("crate") String crate, @QueryParam("check") String check,
            @QueryParam("severity") String severity, @QueryParam("tracking") String tracking,
            @QueryParam("path") String path, @QueryParam("inTest") Boolean inTest, @QueryParam("counted") Boolean counted) {
        FindingFilter.Sql where = new FindingFilter(crate, check, severity, tracking, path, inTest, counted)
                .sql(requireScan(id).findingsScanId());
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(FindingCsv.HEADER);
            findings.stream(id, where, row -> writer.write(FindingCsv.row(row)));
            writer.flush();
        };
        return Downloads.attachment(Response.ok(body), "scan-" + id + "-findings.csv");
    }

    /**
     * Every finding of the scan that the filter keeps, as SARIF 2.1.0 for GitHub code scanning
     * and IDEs, with the check catalogue as the tool's rules.
     */
    @GET
    @Path("/{id}/findings.sarif")
    @Produces({"application/sarif+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "A scan's findings as SARIF 2.1.0 (for GitHub code scanning), streamed")
    @APIResponse(responseCode = "200", description = "The findings as SARIF 2.1.0",
            content = @Content(mediaType = "application/sarif+json", schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "410", description = ScanQueries.DETAIL_GONE)
    public Response sarif(@PathParam("id") long id, @QueryParam("crate") String crate, @QueryParam("check") String check,
            @QueryParam("severity") String severity, @QueryParam("tracking") String tracking,
            @QueryParam("path") String path, @QueryParam("inTest") Boolean inTest, @QueryParam("counted") Boolean counted) {
        FindingQueries.ScannedCommit commit = requireScan(id);
        FindingFilter.Sql where = new FindingFilter(crate, check, severity, tracking, path, inTest, counted)
                .sql(commit.findingsScanId());
        StreamingOutput body = output -> {
            try (SarifExport sarif = new SarifExport(output, engine.catalogue().rules(),
                    findings.importedLints(commit.findingsScanId()),
                    commit.repositoryUri(), commit.revision())) {
                findings.stream(id, where, sarif::result);
            }
        };
        return Downloads.attachment(Response.ok(body, "application/sarif+json"), "scan-" + id + ".sarif");
    }

    private FindingQueries.ScannedCommit requireScan(long id) {
        return findings.commit(id).orElseThrow(() -> new NotFoundException("no scan " + id));
    }
}
