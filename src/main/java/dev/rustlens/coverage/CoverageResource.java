package dev.rustlens.coverage;

import dev.rustlens.auth.Role;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.Downloads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A repository's test coverage over REST: CI uploads an LCOV or Cobertura report for a commit;
 * the figures per file and per crate read back as JSON or CSV, and line coverage over a branch's
 * scans. docs/coverage.md describes the formats, the path mapping and what is stored.
 */
@Path("/api/v1/repositories/{id}/coverage")
@Tag(name = "Coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    /** The largest report read: a workspace of a million lines writes well under it. */
    static final int MAX_REPORT_BYTES = 64 << 20;
    private static final String CSV = "text/csv; charset=utf-8; header=present";
    /** The report formats {@code format} names. */
    private static final List<String> FORMATS = List.of("lcov", "cobertura");

    private final CoverageStore store;
    private final CoverageQueries queries;

    public CoverageResource(CoverageStore store, CoverageQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /**
     * An LCOV tracefile or a Cobertura XML report of the tests run on {@code commit}; the format
     * is told from the content unless {@code format} ({@code lcov}, {@code cobertura}) says it.
     * {@code root} is the checkout directory the report's absolute paths start with, when it
     * should not be inferred.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload an LCOV or Cobertura coverage report for a commit")
    public CoverageStore.Imported upload(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("format") String format, @QueryParam("root") String root, InputStream body) {
        if (root != null && (root.length() > 4096 || root.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequest("root must be a directory path of at most 4096 characters, without control characters");
        }
        byte[] bytes = read(body);
        String named = Choices.parse("format", format, FORMATS);
        String chosen = named != null ? named
                : LcovFormat.looksLike(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8))
                        ? "lcov" : "cobertura";
        ParsedCoverage report = switch (chosen) {
            case "lcov" -> LcovFormat.parse(new String(bytes, StandardCharsets.UTF_8));
            default -> CoberturaFormat.parse(bytes);
        };
        return store.importReport(id, commit, report, Optional.ofNullable(root).filter(given -> !given.isBlank()));
    }

    /** The newest report of a commit: files, crates (of the commit's newest scan) and unmatched paths. */
    @GET
    @Operation(summary = "Coverage of a commit per file and per crate")
    public CoverageQueries.CommitCoverage ofCommit(@PathParam("id") long id, @QueryParam("commit") String commit) {
        return commitCoverage(id, commit);
    }

    /** A commit's coverage as CSV: {@code files} of its newest report, or {@code crates} of its newest scan. */
    @GET
    @Path("/{list: files|crates}.csv")
    @Produces(CSV)
    @Operation(summary = "Coverage of a commit per file or per crate, as CSV")
    public Response csv(@PathParam("id") long id, @PathParam("list") String list, @QueryParam("commit") String commit) {
        CoverageQueries.CommitCoverage coverage = commitCoverage(id, commit);
        String csv = list.equals("files") ? CoverageQueries.filesCsv(coverage) : CoverageQueries.cratesCsv(coverage);
        return Downloads.attachment(Response.ok(csv),
                "coverage-" + list + "-" + coverage.commit().substring(0, 12) + ".csv");
    }

    /** Line coverage of each scan of a branch that a report covers, oldest first. */
    @GET
    @Path("/trend")
    @Operation(summary = "Line coverage over a branch's scans")
    public List<CoverageQueries.TrendPoint> trend(@PathParam("id") long id, @QueryParam("branch") String branch) {
        if (branch == null || branch.isBlank()) {
            throw new BadRequest("the \"branch\" parameter is required");
        }
        return queries.trend(id, branch);
    }

    private CoverageQueries.CommitCoverage commitCoverage(long id, String commit) {
        if (commit == null || !commit.matches("[0-9a-fA-F]{7,40}")) {
            throw new BadRequest("the \"commit\" parameter is required: a commit id, 7 to 40 hex digits");
        }
        return queries.ofCommit(id, commit.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("no coverage report for commit " + commit));
    }

    private static byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_REPORT_BYTES + 1);
            if (bytes.length > MAX_REPORT_BYTES) {
                throw new BadRequest("the report is larger than " + MAX_REPORT_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new BadRequest("the report is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded report", e);
        }
    }
}
