package dev.rustlens.trend;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.DiagnosticImports;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.Session;

/**
 * The findings of every repository's current scan (its newest succeeded scan of the default
 * branch, as on the overview), filtered as on one scan's findings page and paged by key: a page
 * starts after the finding its cursor names, in the order asked for. Each repository's findings are
 * read on their own, at most a page of them, through the index on (scan, id) when listed in id
 * order, and the pages merged, so the cost of a page grows with the number of repositories, not
 * with the number of their findings; in another order each scan's matching findings are sorted
 * (narrow rows), and only the page's findings are read in full.
 */
@ApplicationScoped
public class PortfolioFindings {

    /** Joins crate {@code c}'s repository as {@code r}, which orders read. */
    static final String REPOSITORY = " join repository r on r.id = c.repository_id";

    private final EntityManager entityManager;

    public PortfolioFindings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * How findings are listed, across repositories or in one scan; every order ends on the
     * finding's id, so each is total and a page can start after any finding.
     */
    public enum Order {
        /** The order findings were stored in: the cheapest to page, the API's default. */
        id("f.id"),
        /** By repository, then location. */
        path("r.name", "f.path", "f.line", "f.col", "f.check_id", "f.id"),
        /** Worst severity first, then by repository and location. */
        severity("case f.severity when 'BLOCKER' then 0 when 'CRITICAL' then 1 when 'MAJOR' then 2"
                + " when 'MINOR' then 3 else 4 end", "r.name", "f.path", "f.line", "f.col", "f.check_id", "f.id"),
        /** By check, then by repository and location. */
        check("f.check_id", "r.name", "f.path", "f.line", "f.col", "f.id");

        private final List<String> keys;

        Order(String... keys) {
            this.keys = List.of(keys);
        }

        /** The SQL order, over finding {@code f} and repository {@code r}. */
        String sql() {
            return String.join(", ", keys);
        }

        /** The order named {@code name}; a 400 naming the accepted ones otherwise. */
        public static Order parse(String name) {
            return Choices.require("sort", name, Order.class, Enum::name);
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
     * One page: how many findings match in all, over how many repositories' current scans, and
     * the cursor of the next page (null on the last).
     */
    public record Page(long total, int repositories, int limit, String nextCursor, List<RepositoryFinding> findings)
            implements PageCursor.Page {
    }

    /**
     * The page {@code query} asks for.
     *
     * @throws BadRequest when the cursor names no finding (its repository was deleted since)
     */
    @Transactional
    public Page page(Query query) {
        FindingFilter.Sql filter = query.filter().sql(query.fixed() ? "cur.previous_id" : "cur.scan_id");
        String where = filter.where() + (query.fixed() ? " and not exists (select 1 from finding n"
                + " where n.scan_id = cur.scan_id and n.fingerprint = f.fingerprint) and "
                + DiagnosticImports.comparable("f", "cur.scan_id") : "");
        String currentScans = "with current_scan as (select x.repository_id, x.scan_id,"
                + " (select p.previous_scan_id from scan p where p.id = x.scan_id) as previous_id from ("
                + " select r.id as repository_id, (" + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST
                + " limit 1) as scan_id from repository r where (cast(? as bigint) is null or r.id = ?)) x"
                + " where x.scan_id is not null) ";
        List<Object> scope = Arrays.asList(query.repositoryId(), query.repositoryId());
        List<String> keys = query.order().keys;
        String keyList = query.order().sql();
        return session().doReturningWork(connection -> {
            // The planner prices the per-repository subqueries far above what they cost, enough to
            // compile the queries (JIT), which takes longer than running them (measured: 0.5 s of 1.3 s).
            try (Statement noJit = connection.createStatement()) {
                noJit.execute("set local jit = off");
            }
            List<Object> parameters = new ArrayList<>(scope);
            parameters.addAll(filter.parameters());
            long total;
            int repositories;
            try (PreparedStatement count = FindingRow.prepare(connection, currentScans + "select"
                    + " (select count(*) from current_scan) as repositories, (select count(*) from current_scan cur,"
                    + " finding f join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id"
                    + " where " + where + ") as total", parameters); ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong("total");
                repositories = result.getInt("repositories");
            }
            String after = "";
            if (query.after() != null) {
                after = " and (" + keyList + ") > (select " + keyList + " from finding f join crate_snapshot s"
                        + " on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id" + REPOSITORY + " where f.id = ?)";
                parameters.add(query.after());
                requireFinding(connection, query.after());
            }
            String selectKeys = IntStream.range(0, keys.size()).mapToObj(i -> keys.get(i) + " as sort_key_" + i)
                    .collect(Collectors.joining(", "));
            String outerOrder = IntStream.range(0, keys.size()).mapToObj(i -> "page.sort_key_" + i)
                    .collect(Collectors.joining(", "));
            parameters.add(query.limit() + 1);
            parameters.add(query.limit() + 1);
            // First the page's ids, from each scan's own first rows (narrow rows: the sort is cheap), ...
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement pick = FindingRow.prepare(connection, currentScans + "select page.id from"
                    + " current_scan cur cross join lateral (select " + selectKeys + ", f.id from finding f"
                    + " join crate_snapshot s on s.id = f.crate_snapshot_id join crate c on c.id = s.crate_id"
                    + REPOSITORY + " where " + where + after + " order by " + keyList + " limit ?) page order by "
                    + outerOrder + " limit ?", parameters); ResultSet result = pick.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong("id"));
                }
            }
            // ... then those findings in full, by primary key, put back in the page's order.
            Map<Long, RepositoryFinding> byId = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select r.id as repository_id,"
                    + " r.name as repository, f.scan_id, " + FindingRow.COLUMNS + REPOSITORY + " where f.id = any(?)")) {
                select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        FindingRow row = FindingRow.of(result);
                        byId.put(row.id(), new RepositoryFinding(result.getLong("repository_id"),
                                result.getString("repository"), result.getLong("scan_id"), row));
                    }
                }
            }
            List<RepositoryFinding> rows = ids.stream().map(byId::get).toList();
            boolean more = rows.size() > query.limit();
            List<RepositoryFinding> shown = more ? rows.subList(0, query.limit()) : rows;
            return new Page(total, repositories, query.limit(), more ? PageCursor.after(Long.toString(shown.getLast().finding().id())) : null,
                    List.copyOf(shown));
        });
    }

    private static void requireFinding(Connection connection, long id) throws SQLException {
        try (PreparedStatement exists = FindingRow.prepare(connection, "select 1 from finding where id = ?",
                List.of(id)); ResultSet result = exists.executeQuery()) {
            if (!result.next()) {
                throw new BadRequest("the cursor " + id + " names no finding any more; start again from the first page");
            }
        }
    }

    /** The names of the crates of every repository's current scan, each once, in order. */
    @Transactional
    public List<String> currentCrateNames() {
        return session().createNativeQuery("select distinct c.name from repository r"
                + " join crate_snapshot s on s.scan_id = (" + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST
                + " limit 1) join crate c on c.id = s.crate_id order by c.name", String.class).getResultList();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
