package dev.rustlens.trend;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.DiagnosticImports;
import dev.rustlens.scan.TriageInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The findings of every repository's current scan (its newest succeeded scan of the default
 * branch, as on the overview), filtered as on one scan's findings page and paged by key: a page
 * starts after the finding its cursor names, in the order asked for. The cost of a page does not
 * grow with the number of findings: the total comes from the counts stored with each scan (less
 * what triage marks take out), or is counted up to {@value #COUNT_CAP} when a filter (a path
 * prefix, fixed findings) is one they cannot answer; and a page's findings are read from indexes,
 * at most a page of them from each scan visited. In id order the scans are visited in order of
 * their first id and their pages merged; in the other orders a scan's findings (of one severity or
 * check, in those orders) follow each other, so the scans are visited in order until the page is
 * full.
 */
@ApplicationScoped
public class PortfolioFindings {

    /** Joins crate {@code c}'s repository as {@code r}, which orders read. */
    static final String REPOSITORY = " join repository r on r.id = c.repository_id";
    /** The repository's name, the key the orders sort runs of one repository's findings by. */
    private static final String REPOSITORY_NAME = "r.name";
    /** Where counting the findings stops when the stored counts cannot answer the filter. */
    static final int COUNT_CAP = 10_000;
    /** A scan's findings in location order, as the index on (scan, path, line, col, check, id) has them. */
    private static final String LOCATION = "f.path, f.line, f.col, f.check_id, f.id";
    /**
     * The scans whose findings are listed ({@code scan_id}: the current scans, or their previous
     * ones for fixed findings), as a table named by the {@code %s}, from the five arrays
     * {@link Scans#parameters} gives; {@code rows_id} and {@code current_rows_id} are the scan ids
     * that the finding rows of {@code scan_id} and of the current scan carry
     * ({@link dev.rustlens.scan.Scan#findingsScanId()}).
     */
    private static final String SCANS = "unnest(?, ?, ?, ?, ?) as %s(scan_id, name, repository_id, rows_id,"
            + " current_rows_id)";
    /** Joins the crate snapshot {@code s} and crate {@code c} of the finding (or stored count) the {@code %s} names. */
    private static final String SEVERITY_RANK = "case %s when 'BLOCKER' then 0 when 'CRITICAL' then 1"
            + " when 'MAJOR' then 2 when 'MINOR' then 3 else 4 end";

    private final EntityManager entityManager;

    public PortfolioFindings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * How findings are listed, across repositories or in one scan; every order ends on the
     * finding's id, so each is total and a page can start after any finding. Across repositories
     * each order but id's is read in runs: the findings of one scan (and of one severity or check,
     * the run's key) in location order, the runs in order of their key and repository name.
     */
    public enum Order {
        /** The order findings were stored in: the cheapest to page, the API's default. */
        id(null, "f.id"),
        /** By repository, then location. */
        path("", REPOSITORY_NAME, "f.path", "f.line", "f.col", "f.check_id", "f.id"),
        /** Worst severity first, then by repository and location. */
        severity("f.severity", SEVERITY_RANK.formatted("f.severity"), REPOSITORY_NAME, "f.path", "f.line", "f.col",
                "f.check_id", "f.id"),
        /** By check, then by repository and location. */
        check("f.check_id", "f.check_id", REPOSITORY_NAME, "f.path", "f.line", "f.col", "f.id");

        /** What a run of findings shares besides its scan ("" nothing), or null when not read in runs. */
        private final String runKey;
        private final List<String> keys;

        Order(String runKey, String... keys) {
            this.runKey = runKey;
            this.keys = List.of(keys);
        }

        /** The SQL order, over finding {@code f} and repository {@code r}. */
        String sql() {
            return String.join(", ", keys);
        }

        /**
         * The SQL order over the findings of one scan, finding {@code f}: they share their
         * repository, so its name is left out (and with it a join that PostgreSQL, sorting by the
         * name first, ran as a loop over every repository: 12 ms for a scan of 393 findings among 300
         * repositories, 1 ms without).
         */
        String sqlWithinScan() {
            return keys.stream().filter(key -> !key.equals(REPOSITORY_NAME)).collect(Collectors.joining(", "));
        }

        /** The order named {@code name}; a 400 naming the accepted ones otherwise. */
        public static Order parse(String name) {
            return Choices.require("sort", name, Order.class, Enum::name);
        }

        private boolean inRuns() {
            return runKey != null;
        }

        private boolean keyed() {
            return runKey != null && !runKey.isEmpty();
        }

        /** How runs are ordered: by key (the severity's rank), then by repository name {@code name}. */
        private String runOrder(String key, String name) {
            return (this == severity ? SEVERITY_RANK.formatted(key) + ", " : keyed() ? key + ", " : "") + name;
        }
    }

    /**
     * What to list.
     *
     * @param repositoryId one repository's current scan only, or null for every repository's
     * @param fixed the findings of each current scan's previous scan that it no longer has, instead of its own
     * @param after the id of the finding the page starts after, or null for the first page
     */
    public record Query(Long repositoryId, FindingFilter filter, boolean fixed, Order order, Long after, int limit) {
    }

    /** A finding with the repository and scan it was listed from. */
    public record RepositoryFinding(long repositoryId, String repository, long scanId,
            @JsonUnwrapped FindingRow finding) {
    }

    /**
     * One page: how many findings match in all (when {@code totalCapped}, more than {@code total}
     * do: counting stopped there), over how many repositories' current scans, and the cursor of the
     * next page (null on the last).
     */
    public record Page(long total, boolean totalCapped, int repositories, int limit, String nextCursor,
            List<RepositoryFinding> findings) implements PageCursor.Page {
    }

    /**
     * A run of findings to read: those of scan {@code scanId} (a current scan, or its previous one
     * for fixed findings), whose rows carry {@code rowsId} ({@code currentRowsId} those of the
     * current one), with the order's run key {@code key}, at most {@code bound} of them (the stored
     * counts: exact, or more than match); {@code fromCursor} when the page reads it: it is the
     * cursor's run or comes after it (every run without a cursor, and in id order).
     */
    private record Run(long scanId, long rowsId, long currentRowsId, String name, String key, long bound,
            boolean fromCursor) {
    }

    /** The finding a page starts after: its run's key and repository name, and its place in the run. */
    private record Cursor(long id, String name, String severity, String checkId, String path, int line, int col) {
    }

    /**
     * The page {@code query} asks for, and the names of the crates of the current scans it reads
     * (every repository's, unless it names one), each once, in order: the findings page's crate filter.
     */
    public record PageWithCrateNames(Page page, List<String> crateNames) {
    }

    /**
     * The page {@code query} asks for.
     *
     * @throws BadRequest when the cursor names no finding (its repository was deleted since)
     */
    @Transactional
    public Page page(Query query) {
        return session().doReturningWork(connection -> page(connection, query, scans(connection, query)));
    }

    /**
     * The page {@code query} asks for with the names of its current scans' crates, which are read
     * from the scans the page found rather than by finding every repository's current scan again.
     *
     * @throws BadRequest when the cursor names no finding (its repository was deleted since)
     */
    @Transactional
    public PageWithCrateNames pageWithCrateNames(Query query) {
        return session().doReturningWork(connection -> {
            Scans scans = scans(connection, query);
            return new PageWithCrateNames(page(connection, query, scans), crateNames(connection, scans));
        });
    }

    private static Page page(Connection connection, Query query, Scans scans) throws SQLException {
        // The planner prices the per-scan subqueries far above what they cost, enough to compile
        // the queries (JIT), which takes longer than running them (measured: 0.5 s of 1.3 s).
        try (Statement noJit = connection.createStatement()) {
            noJit.execute("set local jit = off");
        }
        Cursor cursor = query.after() == null ? null : cursor(connection, query.after());
        List<Run> runs = runs(connection, query, scans, cursor);
        Total total = total(connection, query, scans, runs);
        List<Run> toRead = runs.stream().filter(Run::fromCursor).toList();
        List<Long> ids = query.order().inRuns() ? readInRuns(connection, query, toRead, cursor)
                : readMerged(connection, query, toRead, cursor);
        Map<Long, Long> listedScans = new HashMap<>();
        runs.forEach(run -> listedScans.put(run.rowsId(), run.scanId()));
        List<RepositoryFinding> rows = findings(connection, ids, listedScans);
        boolean more = rows.size() > query.limit();
        List<RepositoryFinding> shown = more ? rows.subList(0, query.limit()) : rows;
        return new Page(total.count(), total.capped(), scans.repositories(), query.limit(),
                more ? PageCursor.after(Long.toString(shown.getLast().finding().id())) : null, List.copyOf(shown));
    }

    /**
     * Every repository's current scan (one repository's, when the query names it), and those whose
     * findings are listed (for fixed findings, the previous scans of those that have one) with their
     * repository's name and id, the scan id their finding rows carry and that of the current scan's.
     */
    private record Scans(List<Long> everyCurrentId, List<Long> scanIds, List<String> names, List<Long> repositoryIds,
            List<Long> rowsIds, List<Long> currentRowsIds) {

        /** How many repositories have a current scan. */
        int repositories() {
            return everyCurrentId.size();
        }

        /** The five arrays {@link #SCANS} reads. */
        List<Object> parameters(Connection connection) throws SQLException {
            return new ArrayList<>(List.of(connection.createArrayOf("bigint", scanIds.toArray()),
                    connection.createArrayOf("text", names.toArray()),
                    connection.createArrayOf("bigint", repositoryIds.toArray()),
                    connection.createArrayOf("bigint", rowsIds.toArray()),
                    connection.createArrayOf("bigint", currentRowsIds.toArray())));
        }
    }

    /**
     * Read first and on their own: joined into the queries below, the planner evaluated the newest
     * scan per row. A lateral join finds each repository's once (as a subquery in the select list,
     * it was looked up again for the previous scan and for the condition that there is one).
     */
    private static Scans scans(Connection connection, Query query) throws SQLException {
        List<Long> everyCurrentId = new ArrayList<>();
        List<Long> scanIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Long> repositoryIds = new ArrayList<>();
        List<Long> rowsIds = new ArrayList<>();
        List<Long> currentRowsIds = new ArrayList<>();
        try (PreparedStatement select = FindingRow.prepare(connection, "select r.id as repository_id, r.name,"
                + " cur.id as scan_id, coalesce(p.findings_of, p.id) as rows_id, p.previous_scan_id as previous_id,"
                + " coalesce(b.findings_of, b.id) as previous_rows_id from repository r cross join lateral ("
                + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1) cur join scan p on p.id = cur.id"
                + " left join scan b on b.id = p.previous_scan_id where (cast(? as bigint) is null or r.id = ?)",
                Arrays.asList(query.repositoryId(), query.repositoryId())); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                long current = result.getLong("scan_id");
                everyCurrentId.add(current);
                long previous = result.getLong("previous_id");
                if (!query.fixed() || !result.wasNull()) {
                    long currentRows = result.getLong("rows_id");
                    long previousRows = result.getLong("previous_rows_id");
                    scanIds.add(query.fixed() ? previous : current);
                    names.add(result.getString("name"));
                    repositoryIds.add(result.getLong("repository_id"));
                    rowsIds.add(query.fixed() ? previousRows : currentRows);
                    currentRowsIds.add(currentRows);
                }
            }
        }
        return new Scans(everyCurrentId, scanIds, names, repositoryIds, rowsIds, currentRowsIds);
    }

    /** The names of the crates of {@code scans}' current scans, each once, in order. */
    private static List<String> crateNames(Connection connection, Scans scans) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = FindingRow.prepare(connection, "select distinct c.name from crate_snapshot s"
                + " join crate c on c.id = s.crate_id where s.scan_id = any(?) order by c.name",
                List.of(connection.createArrayOf("bigint", scans.everyCurrentId().toArray())));
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    /**
     * The runs that may hold findings the query lists, in order (or, in id order, one a scan), from
     * the stored counts: their conditions that the counts answer, and for findings that count
     * against the score those that would unless triaged. Given {@code cursor}, each says whether
     * it is the cursor's run or after it, so that one query gives both the runs the total counts
     * and those the page reads.
     */
    private static List<Run> runs(Connection connection, Query query, Scans scans, Cursor cursor)
            throws SQLException {
        Order order = query.order();
        String key = order.keyed() ? order.runKey : "cast(null as text)";
        FindingFilter.Sql stored = query.filter().storedCountConditions();
        List<Object> parameters = new ArrayList<>();
        String fromCursor = "true";
        if (cursor != null && order.inRuns()) {
            fromCursor = "(" + order.runOrder("counted.run_key", "cur.name") + ") >= (" + order.runOrder("?", "?")
                    + ")";
            if (order.keyed()) {
                parameters.add(order == Order.severity ? cursor.severity() : cursor.checkId());
            }
            parameters.add(cursor.name());
        }
        parameters.addAll(scans.parameters(connection));
        // The counts go with the finding rows: those of the scan holding them.
        parameters.add(connection.createArrayOf("bigint", scans.rowsIds().toArray()));
        parameters.addAll(stored.parameters());
        String where = stored.where() + (Boolean.TRUE.equals(query.filter().counted())
                ? " and " + FindingFilter.COUNTS_UNLESS_TRIAGED : "");
        // Summed by scan before the names are joined: grouping by a number is the cheaper.
        String sql = "select cur.scan_id, cur.rows_id, cur.current_rows_id, cur.name, counted.run_key, counted.bound, "
                + fromCursor
                + " as from_cursor from " + SCANS.formatted("cur") + " join (select f.scan_id, " + key
                + " as run_key, sum(f.findings) as bound from finding_count f"
                + (query.filter().crate() == null ? "" : FindingRow.CRATE_OF_F) + " where f.scan_id = any(?) and "
                + where + " group by f.scan_id, " + key + ") counted on counted.scan_id = cur.rows_id"
                + (order.inRuns() ? " order by " + order.runOrder("counted.run_key", "cur.name") : "");
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement select = FindingRow.prepare(connection, sql, parameters);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                runs.add(new Run(result.getLong("scan_id"), result.getLong("rows_id"), result.getLong("current_rows_id"),
                        result.getString("name"), result.getString("run_key"), result.getLong("bound"),
                        result.getBoolean("from_cursor")));
            }
        }
        return runs;
    }

    /** How many findings match; more than that when {@code capped}. */
    private record Total(long count, boolean capped) {
    }

    /**
     * How many findings match, or {@value #COUNT_CAP} and capped when more do. From the stored
     * counts of the runs, less (or, for findings that do not count, plus) the findings that active
     * triage marks take out, as the trends count; the findings themselves, up to the cap, when the
     * counts cannot answer the filter.
     */
    private static Total total(Connection connection, Query query, Scans scans, List<Run> runs)
            throws SQLException {
        FindingFilter filter = query.filter();
        if (query.fixed() || !filter.countable()) {
            FindingFilter.Sql match = match(query);
            List<Object> parameters = scans.parameters(connection);
            parameters.addAll(match.parameters());
            parameters.add(COUNT_CAP + 1);
            try (PreparedStatement count = FindingRow.prepare(connection, "select count(*) from (select 1 from "
                    + SCANS.formatted("run") + " join finding f on f.scan_id = run.rows_id" + FindingRow.CRATE_OF_F
                    + " where " + match.where() + " limit ?) matched", parameters);
                    ResultSet result = count.executeQuery()) {
                result.next();
                long matched = result.getLong(1);
                return new Total(Math.min(matched, COUNT_CAP), matched > COUNT_CAP);
            }
        }
        long stored = runs.stream().mapToLong(Run::bound).sum();
        if (filter.counted() == null) {
            return new Total(stored, false);
        }
        long triaged = triaged(connection, query, scans);
        if (filter.counted()) {
            return new Total(stored - triaged, false);
        }
        // Runs of findings that do not count were counted without the condition: take off those that would.
        FindingFilter wouldCount = new FindingFilter(filter.crate(), filter.check(), filter.severity(),
                filter.tracking(), filter.path(), filter.inTest(), true);
        long wouldCountStored = runs(connection, new Query(query.repositoryId(), wouldCount, false, Order.id, null,
                query.limit()), scans, null).stream().mapToLong(Run::bound).sum();
        return new Total(stored - wouldCountStored + triaged, false);
    }

    /**
     * How many findings of the current scans that would count against the score (and match the
     * filter's other conditions) active triage marks take out: a few marks, an index probe each.
     */
    private static long triaged(Connection connection, Query query, Scans scans) throws SQLException {
        FindingFilter.Sql stored = query.filter().storedCountConditions();
        List<Object> parameters = scans.parameters(connection);
        parameters.addAll(stored.parameters());
        try (PreparedStatement count = FindingRow.prepare(connection, "select count(*) from " + SCANS.formatted("cur")
                + " join finding_triage t on t.repository_id = cur.repository_id join finding f"
                + " on f.scan_id = cur.rows_id and f.fingerprint = t.fingerprint" + FindingRow.CRATE_OF_F
                + " where " + TriageInForce.of("t") + " and " + stored.where() + " and " + FindingFilter.COUNTS_UNLESS_TRIAGED,
                parameters); ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * The condition a finding {@code f} of the rows {@code run.rows_id} meets to be listed ({@code
     * run.current_rows_id} being those of the current scan whose fixed findings are those of its
     * previous scan; both scans sharing the current scan's rows are of its commit).
     */
    private static FindingFilter.Sql match(Query query) {
        FindingFilter.Sql filter = query.filter().sql("run.rows_id");
        return new FindingFilter.Sql(filter.where() + (query.fixed() ? " and not exists (select 1 from finding n"
                + " where n.scan_id = run.current_rows_id and n.fingerprint = f.fingerprint) and "
                + DiagnosticImports.comparable("f", "run.current_rows_id") : ""), filter.parameters());
    }

    /**
     * In id order: the ids of the page's findings and one more (when there is one), merged from the
     * runs (one a scan), each read from after the cursor. A scan's findings were stored together, so
     * their ids are mostly apart from other scans': the runs are read in order of their first id
     * after the cursor (one index probe each), a few at a time, until the next run's first id comes
     * after every id the page needs.
     */
    private static List<Long> readMerged(Connection connection, Query query, List<Run> runs, Cursor cursor)
            throws SQLException {
        int wanted = query.limit() + 1;
        List<Run> ordered = new ArrayList<>();
        List<Long> firstIds = new ArrayList<>();
        try (PreparedStatement select = FindingRow.prepare(connection, "select run.n, x.first_id from unnest(?)"
                + " with ordinality as run(rows_id, n) cross join lateral (select min(f.id) as first_id from finding f"
                + " where f.scan_id = run.rows_id and f.id > ?) x where x.first_id is not null order by x.first_id",
                List.of(connection.createArrayOf("bigint", runs.stream().map(Run::rowsId).toArray()),
                        cursor == null ? 0L : cursor.id())); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                ordered.add(runs.get(result.getInt("n") - 1));
                firstIds.add(result.getLong("first_id"));
            }
        }
        List<Long> ids = new ArrayList<>();
        int next = 0;
        while (next < ordered.size() && (ids.size() < wanted || ids.get(wanted - 1) > firstIds.get(next))) {
            int from = next;
            long bound = 0;
            while (next < ordered.size() && bound < wanted) {
                bound += ordered.get(next++).bound();
            }
            ids.addAll(readRuns(connection, query, ordered.subList(from, next), cursor, wanted));
            ids.sort(null);
        }
        return ids.size() > wanted ? ids.subList(0, wanted) : ids;
    }

    /**
     * In a run order: the ids of the page's findings and one more (when there is one), from the runs
     * in order, the cursor's own run (the first, when the cursor's finding is still in a current
     * scan's findings) from after the cursor. Runs are read a few at a time: as many as their
     * stored counts say can fill the page.
     */
    private static List<Long> readInRuns(Connection connection, Query query, List<Run> runs, Cursor cursor)
            throws SQLException {
        int wanted = query.limit() + 1;
        List<Long> ids = new ArrayList<>();
        int next = 0;
        if (cursor != null && !runs.isEmpty() && runs.getFirst().name().equals(cursor.name())
                && Objects.equals(runs.getFirst().key(), query.order() == Order.severity ? cursor.severity()
                        : query.order() == Order.check ? cursor.checkId() : null)) {
            ids.addAll(readRuns(connection, query, runs.subList(0, 1), cursor, wanted));
            next = 1;
        }
        while (ids.size() < wanted && next < runs.size()) {
            int from = next;
            long bound = 0;
            while (next < runs.size() && bound < wanted - ids.size()) {
                bound += runs.get(next++).bound();
            }
            ids.addAll(readRuns(connection, query, runs.subList(from, next), null, wanted - ids.size()));
        }
        return ids;
    }

    /**
     * The ids of the first {@code limit} findings of {@code runs} in the query's order, each run's
     * after {@code cursor} when given (in id order, every run's; in a run order, the runs given
     * are the cursor's own).
     */
    private static List<Long> readRuns(Connection connection, Query query, List<Run> runs, Cursor cursor, int limit)
            throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        Order order = query.order();
        FindingFilter.Sql match = match(query);
        List<Object> parameters = new ArrayList<>();
        parameters.add(connection.createArrayOf("bigint", runs.stream().map(Run::rowsId).toArray()));
        parameters.add(connection.createArrayOf("bigint", runs.stream().map(Run::currentRowsId).toArray()));
        parameters.add(connection.createArrayOf("text", runs.stream().map(Run::key).toArray()));
        parameters.addAll(match.parameters());
        String where = match.where() + (order.keyed() ? " and " + order.runKey + " = run.run_key" : "");
        String within = order.inRuns() ? LOCATION : "f.id";
        if (cursor != null && order.inRuns()) {
            where += " and (" + LOCATION + ") > (?, ?, ?, ?, ?)";
            parameters.addAll(List.of(cursor.path(), cursor.line(), cursor.col(), cursor.checkId(), cursor.id()));
        } else if (cursor != null) {
            where += " and f.id > ?";
            parameters.add(cursor.id());
        }
        parameters.add(limit);
        parameters.add(limit);
        String outer = order.inRuns() ? "run.n, page.path, page.line, page.col, page.check_id, page.id" : "page.id";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = FindingRow.prepare(connection, "select page.id from unnest(?, ?, ?)"
                + " with ordinality as run(rows_id, current_rows_id, run_key, n) cross join lateral (select f.id, f.path,"
                + " f.line, f.col, f.check_id from finding f join crate_snapshot s on s.id = f.crate_snapshot_id"
                + " join crate c on c.id = s.crate_id where " + where + " order by " + within + " limit ?) page"
                + " order by " + outer + " limit ?", parameters); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong("id"));
            }
        }
        return ids;
    }

    /**
     * The findings {@code ids} names in full, by primary key, in that order, each with the scan it
     * was listed from ({@code listedScans}: by the scan id its row carries).
     */
    private static List<RepositoryFinding> findings(Connection connection, List<Long> ids, Map<Long, Long> listedScans)
            throws SQLException {
        Map<Long, RepositoryFinding> byId = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select r.id as repository_id,"
                + " r.name as repository, f.scan_id, " + FindingRow.columns(listedScan(listedScans)) + REPOSITORY
                + " where f.id = any(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    FindingRow row = FindingRow.of(result);
                    byId.put(row.id(), new RepositoryFinding(result.getLong("repository_id"),
                            result.getString("repository"),
                            listedScans.getOrDefault(result.getLong("scan_id"), result.getLong("scan_id")), row));
                }
            }
        }
        return ids.stream().map(byId::get).toList();
    }

    /**
     * The scan a finding {@code f} was listed from, as SQL: the scan its row carries, but where
     * {@code listedScans} (by the scan id rows carry) names another, a scan sharing those rows.
     */
    private static String listedScan(Map<Long, Long> listedScans) {
        StringBuilder sql = new StringBuilder();
        listedScans.forEach((rows, scan) -> {
            if (!rows.equals(scan)) {
                sql.append(" when ").append(rows).append(" then ").append(scan);
            }
        });
        return sql.isEmpty() ? "f.scan_id" : "(case f.scan_id" + sql + " else f.scan_id end)";
    }

    /** The finding a page starts after; a 400 when there is none (its repository was deleted since). */
    private static Cursor cursor(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = FindingRow.prepare(connection, "select r.name, f.severity, f.check_id, f.path,"
                + " f.line, f.col from finding f join crate_snapshot s on s.id = f.crate_snapshot_id"
                + " join crate c on c.id = s.crate_id" + REPOSITORY + " where f.id = ?", List.of(id));
                ResultSet result = select.executeQuery()) {
            if (!result.next()) {
                throw new BadRequest("the cursor " + id + " names no finding any more; start again from the first page");
            }
            return new Cursor(id, result.getString("name"), result.getString("severity"), result.getString("check_id"),
                    result.getString("path"), result.getInt("line"), result.getInt("col"));
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
