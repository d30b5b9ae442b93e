package dev.rustlens.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;

/**
 * Every crate of every repository, as its repository's current scan (the newest succeeded scan of
 * the default branch, as on the overview) rated it, with the change of its score since the scan
 * before: filtered, sorted (riskiest first unless asked otherwise) and paged by key in SQL, so a
 * page reads the ratings of its own crates alone, however many crates there are.
 */
@ApplicationScoped
public class Portfolio {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names sort by code point, whatever the database's locale: as Java compares them, the same on every server. */
    private static final String COLLATED = " collate \"C\"";

    private final EntityManager entityManager;

    public Portfolio(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A crate in the server-wide table: where it is, its grade and score with the change since its
     * repository's previous scan (null without one), its five ratings and its unsafe counts.
     */
    public record PortfolioCrate(long crateId, String name, String version, long repositoryId, String repository,
            long scanId, String grade, Integer score, Integer scoreChange, Map<RatingKind, Integer> ratings,
            int unsafeBlocks, int unsafeFunctions, int unsafeMethods, int unsafeImpls, int unsafeTraits,
            int externBlocks, int codeLines) {

        /** Unsafe functions and methods. */
        public int unsafeFns() {
            return unsafeFunctions + unsafeMethods;
        }

        /** Unsafe impls and unsafe traits. */
        public int unsafeImplsAndTraits() {
            return unsafeImpls + unsafeTraits;
        }

        /** Its ratings in the order of {@link RatingKind}, null where it has none: a table row's cells. */
        public List<Integer> ratingsInOrder() {
            return Arrays.stream(RatingKind.values()).map(ratings::get).toList();
        }
    }

    /** What to list: a repository, grades at or below a grade (D: D and E), a part of the name; null means any. */
    public record Filter(Long repositoryId, Grade gradeAtOrBelow, String nameContains) {

        /** The filter a query string gives; a 400 naming the parameter and what it accepts otherwise. */
        public static Filter parse(String repository, String grade, String name) {
            Long repositoryId = null;
            if (repository != null && !repository.isBlank()) {
                try {
                    repositoryId = Long.valueOf(repository.strip());
                } catch (NumberFormatException e) {
                    throw new BadRequest("repository must be a repository id, not " + Echo.quoted(repository), e);
                }
            }
            Grade atOrBelow = Choices.parse("grade", grade == null ? null : grade.strip(), Grade.class);
            return new Filter(repositoryId, atOrBelow, name == null || name.isBlank() ? null : name.strip());
        }
    }

    /**
     * What the table is sorted by, each a column of it named by its {@code sort} parameter, and the
     * way it sorts first: the riskiest first (the lowest score or rating, the biggest drop, the most
     * unsafe code, the most code), names from A. Crates without a value go last either way; ties
     * go by repository, crate name and id, so the order is total and a page can start after any crate.
     * Declared in the order of the table's columns.
     */
    public enum Order {
        NAME("name", "c.name" + COLLATED, false),
        REPOSITORY("repository", "r.name" + COLLATED, false),
        SCORE("score", "s.score", false),
        CHANGE("change", "s.score - p.score", false),
        UNSAFE(RatingKind.UNSAFE),
        PANICS(RatingKind.PANICS),
        DOCUMENTATION(RatingKind.DOCUMENTATION),
        VERIFICATION(RatingKind.VERIFICATION),
        HYGIENE(RatingKind.HYGIENE),
        UNSAFE_BLOCKS("unsafe-blocks", "s.unsafe_blocks", true),
        UNSAFE_FNS("unsafe-fns", "s.unsafe_functions + s.unsafe_methods", true),
        UNSAFE_IMPLS("unsafe-impls", "s.unsafe_impls + s.unsafe_traits", true),
        LINES("lines", "s.code_lines", true);

        /** The order without a {@code sort}: the riskiest crate first. */
        public static final Order DEFAULT = SCORE;

        private final String parameter;
        /** The value sorted by, over snapshot {@code s}, its crate {@code c} and repository {@code r}, and the previous snapshot {@code p}. */
        private final String sql;
        private final boolean descendingFirst;

        Order(String parameter, String sql, boolean descendingFirst) {
            this.parameter = parameter;
            this.sql = "(" + sql + ")";
            this.descendingFirst = descendingFirst;
        }

        Order(RatingKind rating) {
            this(rating.name().toLowerCase(Locale.ROOT), ratingOf(rating), false);
        }

        /** Its name as the {@code sort} parameter gives it. */
        public String parameter() {
            return parameter;
        }

        /** Whether it sorts descending unless told otherwise. */
        public boolean descendingFirst() {
            return descendingFirst;
        }

        /** The order {@code sort} names (the default when absent); a 400 naming the accepted ones otherwise. */
        public static Order parse(String sort) {
            return Objects.requireNonNullElse(Choices.parse("sort", sort, Order.class, Order::parameter), DEFAULT);
        }

        /** Whether the values sorted by are names rather than numbers. */
        private boolean named() {
            return this == NAME || this == REPOSITORY;
        }
    }

    /** Whether {@code order} (asc or desc, or absent for the order's own way) sorts {@code sort} descending; a 400 otherwise. */
    public static boolean descending(Order sort, String order) {
        String given = Choices.parse("order", order, List.of("asc", "desc"));
        return given == null ? sort.descendingFirst() : given.equals("desc");
    }

    /**
     * Where a page starts: after the crate whose sort value (null for none), repository name, crate
     * name and id these are, in the order it was listed in. It carries its values rather than the
     * crate's id, so that a rescan between two pages, which moves the crate, moves no page boundary.
     */
    public record Cursor(Order sort, boolean descending, Object value, String repository, String name, long crateId) {

        /** The cursor's key, as {@link dev.rustlens.http.PageCursor#after} encodes it. */
        public String key() {
            try {
                return JSON.writeValueAsString(Arrays.asList(sort.parameter(), descending ? "desc" : "asc", value,
                        repository, name, crateId));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a cursor of strings and numbers always writes", e);
            }
        }

        /** The cursor {@code key} writes; an IllegalArgumentException for anything {@link #key} did not write. */
        public static Cursor ofKey(String key) {
            JsonNode fields;
            try {
                fields = JSON.readTree(key);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON", e);
            }
            if (fields == null || !fields.isArray() || fields.size() != 6 || !fields.get(0).isTextual()
                    || !List.of("asc", "desc").contains(fields.get(1).asText()) || !fields.get(3).isTextual()
                    || !fields.get(4).isTextual() || !fields.get(5).canConvertToLong()) {
                throw new IllegalArgumentException("not a cursor's fields");
            }
            Order sort = Arrays.stream(Order.values()).filter(order -> order.parameter().equals(fields.get(0).asText()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no such order"));
            JsonNode value = fields.get(2);
            if (!value.isNull() && (sort.named() ? !value.isTextual() : !value.canConvertToInt())) {
                throw new IllegalArgumentException("not a value of " + sort.parameter());
            }
            return new Cursor(sort, fields.get(1).asText().equals("desc"),
                    value.isNull() ? null : sort.named() ? value.asText() : (Object) value.asInt(),
                    fields.get(3).asText(), fields.get(4).asText(), fields.get(5).asLong());
        }
    }

    /** What to list: the crates {@code filter} keeps, sorted, {@code limit} of them after {@code after} (null: the first page). */
    public record Query(Filter filter, Order sort, boolean descending, Cursor after, int limit) {
    }

    /** One page: how many crates the filter keeps in all, the page's size and crates, and the cursor of the next page (null on the last). */
    public record Page(long total, int limit, String nextCursor, List<PortfolioCrate> crates)
            implements PageCursor.Page {
    }

    /**
     * The page {@code query} asks for: the crates' sort keys are compared, sorted and cut to a page
     * in SQL, and only the page's crates have their ratings read out of their JSON.
     *
     * @throws BadRequest when the cursor was made for another order
     */
    @Transactional
    public Page page(Query query) {
        Cursor after = query.after();
        if (after != null && (after.sort() != query.sort() || after.descending() != query.descending())) {
            throw new BadRequest("the cursor continues the list sorted by " + after.sort().parameter() + " "
                    + (after.descending() ? "desc" : "asc") + ", not by " + query.sort().parameter() + " "
                    + (query.descending() ? "desc" : "asc") + ": pass the sort it was made with, or no cursor for the"
                    + " first page");
        }
        Order sort = query.sort();
        List<Object> parameters = new ArrayList<>();
        String current = "select (" + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1) as scan_id, ("
                + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " offset 1 limit 1) as previous_id"
                + " from repository r";
        if (query.filter().repositoryId() != null) {
            current += " where r.id = ?";
            parameters.add(query.filter().repositoryId());
        }
        String matched = "select c.id as crate_id, c.name, s.id as snapshot_id, s.version, r.id as repository_id,"
                + " r.name as repository, s.scan_id, s.grade, s.score, s.score - p.score as score_change,"
                + " s.unsafe_blocks, s.unsafe_functions, s.unsafe_methods, s.unsafe_impls, s.unsafe_traits,"
                + " s.extern_blocks, s.code_lines, " + sort.sql + " as sort_value from cur"
                + " join crate_snapshot s on s.scan_id = cur.scan_id join crate c on c.id = s.crate_id"
                + " join repository r on r.id = c.repository_id"
                + " left join crate_snapshot p on p.scan_id = cur.previous_id and p.crate_id = s.crate_id"
                + " where " + where(query.filter(), parameters);
        String direction = query.descending() ? " desc" : "";
        String value = "m.sort_value" + (sort.named() ? COLLATED : "");
        String ties = "m.repository" + COLLATED + ", m.name" + COLLATED + ", m.crate_id";
        String afterCursor = "true";
        if (after != null && after.value() == null) {
            afterCursor = "m.sort_value is null and (" + ties + ") > (?, ?, ?)";
        } else if (after != null) {
            afterCursor = "(m.sort_value is null or " + value + (query.descending() ? " < " : " > ") + "? or " + value
                    + " = ? and (" + ties + ") > (?, ?, ?))";
            parameters.addAll(List.of(after.value(), after.value()));
        }
        if (after != null) {
            parameters.addAll(List.of(after.repository(), after.name(), after.crateId()));
        }
        parameters.add(query.limit() + 1);
        String order = "m.sort_value is null, " + value + direction + ", " + ties;
        StringBuilder ratings = new StringBuilder();
        for (RatingKind kind : RatingKind.values()) {
            ratings.append(", ").append(ratingOf(kind)).append(" as rating_").append(kind.name().toLowerCase(Locale.ROOT));
        }
        // One statement: the crates the filter keeps are joined once, for the total and for the page;
        // the page is cut first, then its crates' ratings are read, not every crate's. The current
        // scans are materialized: inlined, PostgreSQL ran the previous-scan subquery once per
        // snapshot and scanned every snapshot for the previous scores (48 ms, not 18, at 300 repositories).
        String sql = "with cur as materialized (" + current + "), matched as materialized (" + matched + ")"
                + " select total.crates as total, m.*" + ratings + " from (select count(*) as crates from matched) total"
                + " left join lateral (select * from matched m where " + afterCursor + " order by " + order
                + " limit ?) m on true left join crate_snapshot s on s.id = m.snapshot_id order by " + order;
        return session().doReturningWork(connection -> {
            long total = 0;
            List<PortfolioCrate> crates = new ArrayList<>();
            List<Object> sortValues = new ArrayList<>();
            try (PreparedStatement select = FindingRow.prepare(connection, sql, parameters);
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    total = result.getLong("total");
                    // Past the last crate, the one row says the total alone.
                    if (result.getObject("crate_id") != null) {
                        crates.add(crate(result));
                        sortValues.add(result.getObject("sort_value"));
                    }
                }
            }
            String next = null;
            if (crates.size() > query.limit()) {
                crates = crates.subList(0, query.limit());
                PortfolioCrate last = crates.getLast();
                next = PageCursor.after(new Cursor(sort, query.descending(), sortValues.get(query.limit() - 1),
                        last.repository(), last.name(), last.crateId()).key());
            }
            return new Page(total, query.limit(), next, List.copyOf(crates));
        });
    }

    /** The condition of the filter's grade and name on snapshot {@code s} and crate {@code c}, its values added to {@code parameters}. */
    private static String where(Filter filter, List<Object> parameters) {
        String where = "true";
        if (filter.gradeAtOrBelow() != null) {
            List<String> grades = Arrays.stream(Grade.values())
                    .filter(grade -> grade.compareTo(filter.gradeAtOrBelow()) >= 0).map(Grade::name).toList();
            where += " and s.grade in (" + String.join(", ", Collections.nCopies(grades.size(), "?")) + ")";
            parameters.addAll(grades);
        }
        if (filter.nameContains() != null) {
            // strpos, not like: crate names are full of underscores, which like would read as wildcards.
            where += " and strpos(lower(c.name), ?) > 0";
            parameters.add(filter.nameContains().toLowerCase(Locale.ROOT));
        }
        return where;
    }

    /** The crate a row of the page query describes. */
    private static PortfolioCrate crate(ResultSet row) throws SQLException {
        Map<RatingKind, Integer> ratings = new EnumMap<>(RatingKind.class);
        for (RatingKind kind : RatingKind.values()) {
            Integer rating = row.getObject("rating_" + kind.name().toLowerCase(Locale.ROOT), Integer.class);
            if (rating != null) {
                ratings.put(kind, rating);
            }
        }
        return new PortfolioCrate(row.getLong("crate_id"), row.getString("name"), row.getString("version"),
                row.getLong("repository_id"), row.getString("repository"), row.getLong("scan_id"),
                row.getString("grade"), row.getObject("score", Integer.class),
                row.getObject("score_change", Integer.class), ratings, row.getInt("unsafe_blocks"),
                row.getInt("unsafe_functions"), row.getInt("unsafe_methods"), row.getInt("unsafe_impls"),
                row.getInt("unsafe_traits"), row.getInt("extern_blocks"), row.getInt("code_lines"));
    }

    /** A rating's score, picked out of snapshot {@code s}'s ratings JSON. */
    private static String ratingOf(RatingKind kind) {
        return "(select (x ->> 'score')::int from jsonb_array_elements(s.ratings) x where x ->> 'kind' = '"
                + kind.name() + "')";
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
