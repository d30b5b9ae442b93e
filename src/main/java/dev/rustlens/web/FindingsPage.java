package dev.rustlens.web;

import static dev.rustlens.web.QueryParams.blankToNull;
import static dev.rustlens.web.QueryParams.flag;
import static dev.rustlens.web.QueryParams.number;

import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingResource.FindingRow;
import dev.rustlens.finding.FindingResource;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.ScannedSources;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.text.Echo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The findings browser: one scan's findings (by default the repository's newest succeeded scan),
 * filtered and paged, each with the lines of code around it as the scan saw them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FindingsPage {

    static final int PAGE_SIZE = 50;
    private static final int CONTEXT_LINES = 2;
    /** Lines of a long finding (a whole item) shown highlighted; the excerpt stays short. */
    private static final int MAX_HIGHLIGHTED_LINES = 8;
    /** The widest excerpt line shown; longer lines are cut around the finding. */
    static final int MAX_LINE_CHARS = 240;
    private static final List<String> TRACKING = List.of("new", "unchanged", "fixed");

    private final DataSource dataSource;
    private final AnalysisEngine engine;
    private final ScannedSources sources;

    public FindingsPage(DataSource dataSource, AnalysisEngine engine, ScannedSources sources) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.sources = sources;
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

    /** One line of a code excerpt. */
    public record ExcerptLine(int number, String text, boolean highlighted) {
    }

    /** A finding as shown: its tracking in the browsed scan and the code around it (empty when unreadable). */
    public record FindingView(FindingRow finding, String tracking, List<ExcerptLine> excerpt) {
    }

    /** The findings of one page and how many match in all. */
    public record Results(long total, int page, int pages, List<FindingView> findings) {
        /** The total in words, e.g. "1 finding". */
        public String counted() {
            return total + (total == 1 ? " finding" : " findings");
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings(Filters filters, List<GitRepository> repositories,
                GitRepository repository, Scan scan, List<Scan> scans, List<String> crates, List<String> checks,
                List<Severity> severities, List<String> trackings, Results results);
    }

    @GET
    @Path("findings")
    @Transactional
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

        Scan scan = filters.scan() == null ? null : Scan.<Scan>findByIdOptional(filters.scan())
                .orElseThrow(() -> PageException.notFound("There is no scan " + filters.scan() + "."));
        GitRepository repository = filters.repository() == null ? null
                : GitRepository.<GitRepository>findByIdOptional(filters.repository())
                        .orElseThrow(() -> PageException.notFound("There is no repository " + filters.repository() + "."));
        if (scan != null && repository != null && !scan.repository.id.equals(repository.id)) {
            throw PageException.badRequest("Scan " + scan.id + " is not a scan of " + repository.name + ".");
        }
        if (scan != null) {
            repository = scan.repository;
        } else if (repository != null) {
            scan = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElse(null);
        }
        List<Scan> scans = repository == null ? List.of() : Scan.listNewestFirst(repository, null, 20).stream()
                .filter(s -> s.status == Scan.Status.succeeded).toList();
        List<String> crates = scan == null ? List.of()
                : CrateSnapshot.listForScan(scan).stream().map(s -> s.crate.name).sorted().toList();
        Results results = scan == null ? null : results(scan, filter, fixed, page == null ? 1 : page.intValue());
        return Templates.findings(filters, GitRepository.listByName(), repository, scan, scans, crates,
                engine.catalogue().checks().stream().map(Check::id).toList(), Arrays.asList(Severity.values()),
                TRACKING, results);
    }

    /**
     * The page's findings in path and line order. Fixed findings are those of the previous scan
     * whose fingerprint this scan no longer has; their code is read at the previous scan's commit.
     */
    private Results results(Scan scan, FindingFilter filter, boolean fixed, int page) {
        Scan from = fixed ? (scan.previousScanId == null ? null : Scan.findById(scan.previousScanId)) : scan;
        if (from == null) {
            return new Results(0, page, 1, List.of());
        }
        FindingFilter.Sql sql = filter.sql(from.id);
        String where = sql.where();
        List<Object> parameters = new ArrayList<>(sql.parameters());
        if (fixed) {
            where += " and not exists (select 1 from finding n where n.scan_id = ? and n.fingerprint = f.fingerprint)";
            parameters.add(scan.id);
        }
        long total;
        List<FindingRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement count = FindingResource.prepare(connection,
                    "select count(*) from (select " + FindingResource.COLUMNS + " where " + where + ") matched", parameters);
                    ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add((long) (page - 1) * PAGE_SIZE);
            try (PreparedStatement select = FindingResource.prepare(connection, "select " + FindingResource.COLUMNS + " where " + where
                    + " order by f.path, f.line, f.col, f.check_id, f.id offset ? limit " + PAGE_SIZE, paged);
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(FindingRow.of(result));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the findings of scan " + scan.id + " failed", e);
        }
        List<FindingView> views = new ArrayList<>();
        try (ScannedSources.Snapshot source = sources.open(from.repository, from.commitSha)) {
            Map<String, Optional<SourceText>> files = new HashMap<>();
            for (FindingRow row : rows) {
                Optional<SourceText> text = files.computeIfAbsent(row.path(), path -> read(source, path));
                views.add(new FindingView(row, fixed ? "fixed" : row.tracking(),
                        text.map(lines -> excerpt(lines, row)).orElse(List.of())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the source of scan " + from.id + " failed", e);
        }
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Results(total, page, pages, views);
    }

    private static Optional<SourceText> read(ScannedSources.Snapshot source, String path) {
        try {
            return source.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " failed", e);
        }
    }

    /** The finding's lines (at most {@value #MAX_HIGHLIGHTED_LINES}) and two lines either side. */
    private static List<ExcerptLine> excerpt(SourceText lines, FindingRow finding) {
        if (finding.line() < 1 || finding.line() > lines.lineCount()) {
            return List.of();
        }
        int lastHighlighted = Math.min(Math.max(finding.endLine(), finding.line()),
                finding.line() + MAX_HIGHLIGHTED_LINES - 1);
        int first = Math.max(1, finding.line() - CONTEXT_LINES);
        int last = Math.min(lines.lineCount(), lastHighlighted + CONTEXT_LINES);
        List<ExcerptLine> excerpt = new ArrayList<>();
        for (int number = first; number <= last; number++) {
            int focus = number == finding.line() ? finding.column() - 1 : 0;
            excerpt.add(new ExcerptLine(number, cut(lines.lineText(number), focus),
                    number >= finding.line() && number <= lastHighlighted));
        }
        return excerpt;
    }

    /**
     * At most {@value #MAX_LINE_CHARS} characters of a line, around {@code focus} (the finding's
     * column on its own line), with an ellipsis where it was cut: a generated file's megabyte-long
     * line must not be sent whole.
     */
    static String cut(String line, int focus) {
        if (line.length() <= MAX_LINE_CHARS) {
            return line;
        }
        int start = Math.clamp(focus - MAX_LINE_CHARS / 4, 0, line.length() - MAX_LINE_CHARS);
        if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
            start++; // never half a character
        }
        int end = Math.min(line.length(), start + MAX_LINE_CHARS);
        if (end < line.length() && Character.isLowSurrogate(line.charAt(end))) {
            end--;
        }
        return (start > 0 ? "…" : "") + line.substring(start, end) + (end < line.length() ? "…" : "");
    }
}
