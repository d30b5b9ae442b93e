package dev.rustlens.web;

import static dev.rustlens.web.QueryParams.blankToNull;
import static dev.rustlens.web.QueryParams.flag;
import static dev.rustlens.web.QueryParams.number;

import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.Scan;
import dev.rustlens.text.Echo;
import dev.rustlens.trend.FindingBrowser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The findings browser: one scan's findings (by default the repository's newest succeeded scan),
 * filtered and paged, each with the lines of code around it as the scan saw them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FindingsPage {

    private static final List<String> TRACKING = List.of("new", "unchanged", "fixed");

    private final FindingBrowser browser;
    private final AnalysisEngine engine;

    public FindingsPage(FindingBrowser browser, AnalysisEngine engine) {
        this.browser = browser;
        this.engine = engine;
    }

    /** The filters as given, for the form and for page links that keep them. */
    public record Filters(Long repository, Long scan, String crate, String check, String severity, String tracking,
            String path, Boolean counted) {

        /** This page's address showing page {@code page} with the same filters. */
        public String url(int page) {
            StringBuilder url = new StringBuilder("/findings?");
            append(url, "repository", repository == null ? null : repository.toString());
            append(url, "scan", scan == null ? null : scan.toString());
            append(url, "crate", crate);
            append(url, "check", check);
            append(url, "severity", severity);
            append(url, "tracking", tracking);
            append(url, "path", path);
            append(url, "counted", counted == null ? null : counted.toString());
            append(url, "page", page == 1 ? null : Integer.toString(page));
            return url.substring(0, url.length() - 1);
        }

        private static void append(StringBuilder url, String name, String value) {
            if (value != null) {
                url.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings(Filters filters, List<GitRepository> repositories,
                GitRepository repository, Scan scan, List<Scan> scans, List<String> crates, List<String> checks,
                List<Severity> severities, List<String> trackings, FindingBrowser.Results results);
    }

    @GET
    @Path("findings")
    public TemplateInstance findings(@QueryParam("repository") String repositoryParam,
            @QueryParam("scan") String scanParam, @QueryParam("crate") String crate, @QueryParam("check") String check,
            @QueryParam("severity") String severity, @QueryParam("tracking") String tracking,
            @QueryParam("path") String path, @QueryParam("counted") String countedParam,
            @QueryParam("page") String pageParam) {
        Filters filters = new Filters(number("repository", repositoryParam), number("scan", scanParam), blankToNull(crate),
                blankToNull(check), blankToNull(severity), blankToNull(tracking), blankToNull(path),
                flag("counted", countedParam));
        Long page = number("page", pageParam);
        if (page != null && (page < 1 || page > Integer.MAX_VALUE)) {
            throw PageException.badRequest("page must be 1 or more");
        }
        if (filters.check() != null && engine.catalogue().byId(filters.check()).isEmpty()) {
            throw PageException.badRequest("There is no check " + Echo.quoted(filters.check()) + ".");
        }
        if (filters.tracking() != null && !TRACKING.contains(filters.tracking())) {
            throw PageException.badRequest("tracking must be one of " + TRACKING);
        }
        boolean fixed = "fixed".equals(filters.tracking());
        FindingFilter filter;
        try {
            filter = new FindingFilter(filters.crate(), filters.check(), filters.severity(),
                    fixed ? null : filters.tracking(), filters.path(), null, filters.counted());
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }

        FindingBrowser.Browse browse;
        try {
            browse = browser.browse(filters.repository(), filters.scan(), filter, fixed, page == null ? 1 : page.intValue());
        } catch (NotFoundException e) {
            throw PageException.notFound(e.getMessage());
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        return Templates.findings(filters, browse.repositories(), browse.repository(), browse.scan(), browse.scans(),
                browse.crates(), engine.catalogue().checks().stream().map(Check::id).toList(),
                Arrays.asList(Severity.values()), TRACKING, browse.results());
    }
}
