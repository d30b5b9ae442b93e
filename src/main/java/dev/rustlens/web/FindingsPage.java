package dev.rustlens.web;

import static dev.rustlens.web.QueryParams.blankToNull;
import static dev.rustlens.web.QueryParams.flag;
import static dev.rustlens.web.QueryParams.number;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.diagnostics.ImportedLints;
import dev.rustlens.auth.Role;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gate.TriageStore;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.Scan;
import dev.rustlens.text.Echo;
import dev.rustlens.trend.FindingBrowser;
import dev.rustlens.trend.PortfolioFindings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The findings browser: one scan's findings (by default the repository's newest succeeded scan),
 * or without a repository those of every repository's current scan, filtered and paged, each with the lines of code around it as the scan saw them and its triage
 * mark; maintainers mark the selected findings accepted or false positive, or remove a mark.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FindingsPage {

    private static final List<String> TRACKING = List.of("new", "unchanged", "fixed");

    private final FindingBrowser browser;
    private final AnalysisEngine engine;
    private final TriageStore triage;
    private final RepositoryService repositories;
    private final SecurityIdentity identity;

    public FindingsPage(FindingBrowser browser, AnalysisEngine engine, TriageStore triage,
            RepositoryService repositories, SecurityIdentity identity) {
        this.browser = browser;
        this.engine = engine;
        this.triage = triage;
        this.repositories = repositories;
        this.identity = identity;
    }

    /** The filters as given, for the form and for page links that keep them. */
    public record Filters(Long repository, Long scan, String crate, String check, String severity, String tracking,
            String path, Boolean counted, PortfolioFindings.Order sort) {

        /** This page's address showing page {@code page} with the same filters. */
        public String url(int page) {
            return url("page", page == 1 ? null : Integer.toString(page));
        }

        /** The address of the page across repositories that starts after finding {@code after}, with the same filters. */
        public String after(long after) {
            return url("after", Long.toString(after));
        }

        /** The first page across repositories with the same filters. */
        public String first() {
            return url("after", null);
        }

        private String url(String pageParameter, String pageValue) {
            StringBuilder url = new StringBuilder("/findings?");
            append(url, "repository", repository == null ? null : repository.toString());
            append(url, "scan", scan == null ? null : scan.toString());
            append(url, "crate", crate);
            append(url, "check", check);
            append(url, "severity", severity);
            append(url, "tracking", tracking);
            append(url, "path", path);
            append(url, "counted", counted == null ? null : counted.toString());
            append(url, "sort", sort == PortfolioFindings.Order.path ? null : sort.name());
            append(url, pageParameter, pageValue);
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
        static native TemplateInstance findings(Filters filters, List<Choice> repositories,
                GitRepository repository, Scan scan, List<Choice> scans, List<Choice> crates, List<Choice> checks,
                List<Choice> severities, List<Choice> trackings, boolean triaging, List<String> triageStatuses,
                FindingBrowser.Results results, FindingBrowser.Across across, List<FindingBrowser.FindingView> findings,
                String message);
    }

    @GET
    @Path("findings")
    public TemplateInstance findings(@QueryParam("repository") String repositoryParam,
            @QueryParam("scan") String scanParam, @QueryParam("crate") String crate, @QueryParam("check") String check,
            @QueryParam("severity") String severity, @QueryParam("tracking") String tracking,
            @QueryParam("path") String path, @QueryParam("counted") String countedParam,
            @QueryParam("sort") String sortParam, @QueryParam("page") String pageParam,
            @QueryParam("after") String afterParam, @QueryParam("message") String message) {
        PortfolioFindings.Order sort;
        try {
            sort = sortParam == null || sortParam.isBlank() ? PortfolioFindings.Order.path
                    : PortfolioFindings.Order.parse(sortParam);
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        Filters filters = new Filters(number("repository", repositoryParam), number("scan", scanParam), blankToNull(crate),
                blankToNull(check), blankToNull(severity), blankToNull(tracking), blankToNull(path),
                flag("counted", countedParam), sort);
        Long page = number("page", pageParam);
        Long after = number("after", afterParam);
        if (after != null && (filters.repository() != null || filters.scan() != null)) {
            throw PageException.badRequest("after pages the findings of every repository; one repository's are paged by page");
        }
        if (page != null && (page < 1 || page > Integer.MAX_VALUE)) {
            throw PageException.badRequest("page must be 1 or more");
        }
        if (filters.check() != null && engine.catalogue().ruleById(filters.check()).isEmpty()
                && !ImportedLints.isLintId(filters.check())) {
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
            browse = browser.browse(filters.repository(), filters.scan(), filter, fixed, sort,
                    page == null ? 1 : page.intValue(), after);
        } catch (NotFoundException e) {
            throw PageException.notFound(e.getMessage());
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        String scanChosen = filters.scan() == null ? null : Long.toString(filters.scan());
        return Templates.findings(filters,
                Choice.ofRepositories(browse.repositories(), browse.repository() == null ? null : browse.repository().id),
                browse.repository(), browse.scan(),
                Choice.of(browse.scans(), s -> Long.toString(s.id), s -> "#" + s.id + " at " + DisplayExtensions.shortSha(s.commitSha),
                        scanChosen),
                Choice.of(browse.crates(), filters.crate()),
                Choice.of(Stream.concat(engine.catalogue().rules().stream().map(CheckInfo::id),
                        browse.importedLints().stream()).toList(), filters.check()),
                Choice.of(Arrays.asList(Severity.values()), Severity::name, Severity::name, filters.severity()),
                Choice.of(TRACKING, filters.tracking()),
                !fixed && browse.repository() != null && identity.hasRole(Role.MAINTAINER),
                TriageStore.NewMark.STATUSES, browse.results(), browse.across(), shown(browse), message);
    }

    /** The findings of the page shown, of one scan or across repositories. */
    private static List<FindingBrowser.FindingView> shown(FindingBrowser.Browse browse) {
        if (browse.across() != null) {
            return browse.across().findings();
        }
        return browse.results() == null ? List.of() : browse.results().findings();
    }

    /**
     * The triage form: marks each selected finding with the status, reason and optional expiry
     * (the mark lapses at the start of that day, UTC), as the signed-in maintainer, and comes back
     * to the page it was sent from.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mark(@PathParam("id") long id, @FormParam("fingerprint") List<String> fingerprints,
            @FormParam("status") String status, @FormParam("reason") String reason,
            @FormParam("expires") String expiresParam, @FormParam("back") String back) {
        GitRepository repository = repository(id);
        if (fingerprints.isEmpty()) {
            throw PageException.badRequest("Select the findings to mark.");
        }
        OffsetDateTime expires = expires(expiresParam);
        try {
            String author = Author.of(identity);
            triage.markAll(repository, fingerprints.stream()
                    .map(fingerprint -> new TriageStore.NewMark(fingerprint, status, reason, author, expires)).toList());
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        } catch (NotFoundException e) {
            throw PageException.notFound(e.getMessage());
        }
        String marked = fingerprints.size() == 1 ? "1 finding is" : fingerprints.size() + " findings are";
        return back(back, repository, marked + " marked " + status.replace('_', ' ') + ".");
    }

    /** The "Remove mark" button: the finding counts again. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/triage/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unmark(@PathParam("id") long id, @FormParam("fingerprint") String fingerprint,
            @FormParam("back") String back) {
        GitRepository repository = repository(id);
        if (fingerprint == null || fingerprint.isBlank()) {
            throw PageException.badRequest("Say which finding's mark to remove.");
        }
        if (!triage.unmark(repository, fingerprint)) {
            throw PageException.notFound("Finding " + Echo.quoted(fingerprint) + " is not marked.");
        }
        return back(back, repository, "The mark is removed: the finding counts again.");
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(() -> PageException.notFound("There is no repository " + id + "."));
    }

    /** An expiry day as the date input sends it; null for none. */
    private static OffsetDateTime expires(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw PageException.badRequest("The expiry must be a day like 2027-06-30.");
        }
        if (!date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw PageException.badRequest("The expiry must be a day after today: a mark that has lapsed hides nothing.");
        }
        return date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * Back to the findings page the form was sent from, with {@code message}; only this page's own
     * address is followed (never another site's), otherwise the repository's findings.
     */
    private static Response back(String back, GitRepository repository, String message) {
        URI page;
        try {
            page = back == null ? null : new URI(back);
        } catch (URISyntaxException e) {
            page = null;
        }
        UriBuilder target = page != null && page.getScheme() == null && page.getRawAuthority() == null
                && "/findings".equals(page.getRawPath()) ? UriBuilder.fromUri(page)
                        : UriBuilder.fromPath("/findings").queryParam("repository", repository.id);
        return Response.seeOther(target.replaceQueryParam("message", message).build()).build();
    }
}
