package dev.rustlens.trend;

import dev.rustlens.finding.FindingFilter;
import dev.rustlens.http.PageCursor;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The findings of every repository's current scan (its newest succeeded scan of the default
 * branch), filtered as one scan's findings are, as JSON pages linked by cursor.
 */
@Path("/api/v1/findings")
@Tag(name = "Findings")
@Produces(MediaType.APPLICATION_JSON)
public class CrossRepositoryFindingsResource {

    private static final int MAX_LIMIT = 500;

    private final PortfolioFindings findings;

    public CrossRepositoryFindingsResource(PortfolioFindings findings) {
        this.findings = findings;
    }

    @GET
    @Operation(summary = "The findings of every repository's current scan, filtered, as pages (limit, cursor,"
            + " total, Link rel=next), each with its repository and scan")
    public RestResponse<PortfolioFindings.Page> page(
            @Parameter(description = "Only this repository's (id)") @QueryParam("repository") Long repository,
            @Parameter(description = "Only this crate's (name)") @QueryParam("crate") String crate,
            @Parameter(description = "Only this check's or imported lint's") @QueryParam("check") String check,
            @Parameter(description = "INFO, MINOR, MAJOR, CRITICAL or BLOCKER") @QueryParam("severity") String severity,
            @Parameter(description = "new or unchanged since the scan before") @QueryParam("tracking") String tracking,
            @Parameter(description = "Only paths starting with this") @QueryParam("path") String path,
            @Parameter(description = "Only in test code (true) or outside it (false)") @QueryParam("inTest") Boolean inTest,
            @Parameter(description = "Only those that count against the score (true) or the others (false)")
            @QueryParam("counted") Boolean counted,
            @Parameter(description = "id (the default), path, severity (worst first) or check") @QueryParam("sort")
            String sort,
            @Parameter(description = "Findings per page, 1 to 500") @QueryParam("limit") @DefaultValue("100") int limit,
            @Parameter(description = "Where the page starts: the nextCursor of the page before") @QueryParam("cursor")
            String cursor, @Context UriInfo uri) {
        PageCursor.limit(limit, MAX_LIMIT);
        PortfolioFindings.Order order = sort == null || sort.isBlank() ? PortfolioFindings.Order.id
                : PortfolioFindings.Order.parse(sort);
        PortfolioFindings.Page page = findings.page(new PortfolioFindings.Query(repository,
                new FindingFilter(crate, check, severity, tracking, path, inTest, counted), false, order,
                PageCursor.idKey(cursor), limit));
        return PageCursor.ok(page, uri);
    }
}
