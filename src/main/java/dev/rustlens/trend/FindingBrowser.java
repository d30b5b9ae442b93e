package dev.rustlens.trend;

import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.ScannedSources;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.Scan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * The findings browser's read model: the scan browsed (by default a repository's newest succeeded
 * scan) and one page of its filtered findings, or without a repository a page of the findings of
 * every repository's current scan, each with the lines of code around it as its scan saw them.
 */
@ApplicationScoped
public class FindingBrowser {

    /** How many findings the stored counts ({@code finding_count f}, of crate {@code c}) hold. */
    private static final String STORED_COUNTS = "select coalesce(sum(f.findings), 0) from finding_count f"
            + FindingRow.CRATE_OF_F;

    private static final int PAGE_SIZE = 50;
    private static final int CONTEXT_LINES = 2;
    /** Lines of a long finding (a whole item) shown highlighted; the excerpt stays short. */
    private static final int MAX_HIGHLIGHTED_LINES = 8;
    /** The widest excerpt line shown; longer lines are cut around the finding. */
    private static final int MAX_LINE_CHARS = 240;

    private final DataSource dataSource;
    private final ScannedSources sources;
    private final PortfolioFindings portfolio;

    public FindingBrowser(DataSource dataSource, ScannedSources sources, PortfolioFindings portfolio) {
        this.dataSource = dataSource;
        this.sources = sources;
        this.portfolio = portfolio;
    }

    /** One line of a code excerpt. */
    public record ExcerptLine(int number, String text, boolean highlighted) {
    }

    /**
     * A finding as shown: its tracking in the browsed scan, the code around it (empty when
     * unreadable), and the repository it is of when listed across repositories (else null).
     */
    public record FindingView(FindingRow finding, String tracking, List<ExcerptLine> excerpt, Long repositoryId,
            String repository) {
    }

    /** The findings of one page and how many match in all. */
    public record Results(long total, int page, int pages, List<FindingView> findings) {
        /** The total in words, e.g. "1 finding". */
        public String counted() {
            return FindingBrowser.counted(total);
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    /**
     * A page of the findings of every repository's current scan: how many match in all (more than
     * that when {@code totalCapped}: counting stopped there), over how many repositories, the
     * page's findings, whether it is the first page, and the finding the next page starts after
     * (null on the last).
     */
    public record Across(long total, boolean totalCapped, int repositories, List<FindingView> findings, boolean first,
            Long next) {
        /** The total in words, e.g. "1 finding" or "more than 10000 findings". */
        public String counted() {
            return (totalCapped ? "more than " : "") + FindingBrowser.counted(total);
        }
    }

    /**
     * What the browser shows: every repository (for the form), the one browsed and its recent
     * succeeded scans, the scan browsed and its crates' names, and the page of findings (null
     * without a scan); without a repository, the crates' names of every current scan and the page
     * across repositories ({@code across}, null with a repository).
     */
    public record Browse(List<GitRepository.Named> repositories, GitRepository repository, Scan scan, List<Scan> scans,
            List<String> crates, List<String> importedLints, Results results, Across across) {
    }

    /**
     * Page {@code page} of the findings of scan {@code scanId}, or of repository {@code repositoryId}'s
     * newest succeeded scan, or with neither, the page after finding {@code after} of the findings of
     * every repository's current scan; fixed findings when {@code fixed}.
     *
     * @throws NotFoundException when the scan or repository does not exist
     * @throws BadRequest when the scan is not one of the repository's
     */
    @Transactional
    public Browse browse(Long repositoryId, Long scanId, FindingFilter filter, boolean fixed,
            PortfolioFindings.Order order, int page, Long after) {
        Scan scan = scanId == null ? null : Scan.<Scan>findByIdOptional(scanId)
                .orElseThrow(() -> new NotFoundException("There is no scan " + scanId + "."));
        GitRepository repository = repositoryId == null ? null
                : GitRepository.<GitRepository>findByIdOptional(repositoryId)
                        .orElseThrow(() -> new NotFoundException("There is no repository " + repositoryId + "."));
        if (scan != null && repository != null && !scan.repository.id.equals(repository.id)) {
            throw new BadRequest("Scan " + scan.id + " is not a scan of " + repository.name + ".");
        }
        if (scan == null && repository == null) {
            return across(filter, fixed, order, after);
        }
        if (scan != null) {
            repository = scan.repository;
        } else {
            scan = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElse(null);
        }
        List<Scan> scans = Scan.listNewestFirst(repository, null, 20).stream()
                .filter(s -> s.status == Scan.Status.succeeded).toList();
        List<String> crates = scan == null ? List.of()
                : CrateSnapshot.listForScan(scan).stream().map(s -> s.crate.name).sorted().toList();
        Results results = scan == null ? null : results(scan, filter, fixed, order, page);
        return new Browse(GitRepository.namesByName(), repository, scan, scans, crates,
                scan == null ? List.of() : importedLints(scan), results, null);
    }

    /** The page across repositories, each finding with the code around it as its scan saw it. */
    private Browse across(FindingFilter filter, boolean fixed, PortfolioFindings.Order order, Long after) {
        PortfolioFindings.PageWithCrateNames listed = portfolio.pageWithCrateNames(new PortfolioFindings.Query(null,
                filter, fixed, order, after, PAGE_SIZE));
        PortfolioFindings.Page page = listed.page();
        Map<Long, List<FindingRow>> byScan = new LinkedHashMap<>();
        page.findings().forEach(row -> byScan.computeIfAbsent(row.scanId(), id -> new ArrayList<>()).add(row.finding()));
        Map<Long, List<ExcerptLine>> excerpts = new HashMap<>();
        if (!byScan.isEmpty()) {
            for (Scan from : Scan.<Scan>list("id in ?1", List.copyOf(byScan.keySet()))) {
                excerpts.putAll(excerpts(from, byScan.get(from.id)));
            }
        }
        List<FindingView> views = page.findings().stream().map(row -> new FindingView(row.finding(),
                fixed ? "fixed" : row.finding().tracking(), excerpts.getOrDefault(row.finding().id(), List.of()),
                row.repositoryId(), row.repository())).toList();
        return new Browse(GitRepository.namesByName(), null, null, List.of(), listed.crateNames(), List.of(),
                null, new Across(page.total(), page.totalCapped(), page.repositories(), views, after == null,
                        PageCursor.idKey(page.nextCursor())));
    }

    /** The total in words, e.g. "1 finding". */
    static String counted(long total) {
        return total + (total == 1 ? " finding" : " findings");
    }

    /**
     * The imported lints that the scan has findings of, for the check filter: from the stored
     * counts by check, which go with the rows (the rows themselves: 28 ms for a scan of 145,000).
     */
    private static List<String> importedLints(Scan scan) {
        return Scan.getEntityManager().unwrap(Session.class).createNativeQuery("select distinct f.check_id"
                + " from finding_count f where f.scan_id = ?1 and f.findings > 0"
                + " and not " + DiagnosticImports.OWN + " order by 1", String.class).setParameter(1, scan.findingsScanId())
                .getResultList();
    }

    /**
     * The page's findings in {@code order}. Fixed findings are those of the previous scan
     * whose fingerprint this scan no longer has; their code is read at the previous scan's commit.
     */
    private Results results(Scan scan, FindingFilter filter, boolean fixed, PortfolioFindings.Order order, int page) {
        Scan from = fixed ? (scan.previousScanId == null ? null : Scan.findById(scan.previousScanId)) : scan;
        if (from == null) {
            return new Results(0, page, 1, List.of());
        }
        FindingFilter.Sql sql = filter.sql(from.findingsScanId());
        String where = sql.where();
        List<Object> parameters = new ArrayList<>(sql.parameters());
        if (fixed) {
            where += " and not exists (select 1 from finding n where n.scan_id = ? and n.fingerprint = f.fingerprint)"
                    + " and " + DiagnosticImports.comparable("f", "?");
            parameters.add(scan.findingsScanId());
            parameters.add(scan.id);
        }
        long total;
        List<FindingRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // The stored counts answer a filter on their columns alone (38 ms of counting rows for a
            // scan of 145,000); they go with the rows, as the filter's scan does. Not once
            // housekeeping removed the rows: the counts stay, and the page lists none.
            boolean counts = !fixed && filter.countable() && filter.counted() == null && from.findingsRemovedAt == null;
            try (PreparedStatement count = FindingRow.prepare(connection, (counts ? STORED_COUNTS
                    : "select count(*)" + FindingRow.MATCHING) + " where " + where, parameters);
                    ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add((long) (page - 1) * PAGE_SIZE);
            try (PreparedStatement select = FindingRow.prepare(connection, FindingRow.ofPage(Long.toString(from.id),
                    where, order.sqlWithinScan(), "offset ? limit " + PAGE_SIZE), paged);
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(FindingRow.of(result));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the findings of scan " + scan.id + " failed", e);
        }
        Map<Long, List<ExcerptLine>> excerpts = excerpts(from, rows);
        List<FindingView> views = rows.stream().map(row -> new FindingView(row, fixed ? "fixed" : row.tracking(),
                excerpts.get(row.id()), null, null)).toList();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Results(total, page, pages, views);
    }

    /** The code around each of {@code rows} (findings of scan {@code from}) as that scan saw it, by finding id. */
    private Map<Long, List<ExcerptLine>> excerpts(Scan from, List<FindingRow> rows) {
        Map<Long, List<ExcerptLine>> excerpts = new HashMap<>();
        try (ScannedSources.Snapshot source = sources.open(from.repository, from.commitSha)) {
            Map<String, Optional<SourceText>> files = new HashMap<>();
            for (FindingRow row : rows) {
                Optional<SourceText> text = files.computeIfAbsent(row.path(), path -> read(source, path));
                excerpts.put(row.id(), text.map(lines -> excerpt(lines, row)).orElse(List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the source of scan " + from.id + " failed", e);
        }
        return excerpts;
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
    private static String cut(String line, int focus) {
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
