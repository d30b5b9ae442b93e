package dev.rustlens.web;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.PageCursor;
import dev.rustlens.http.PageException;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.text.Echo;
import dev.rustlens.trend.Portfolio;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every crate of every repository in one table, filtered, sorted on the server by any column
 * (riskiest first by default) and paged by key, {@value #PAGE_SIZE} crates a page, as the JSON list
 * of crates is.
 */
@Path("/")
public class CratesPage {

    /** Crates a page shows. */
    static final int PAGE_SIZE = 50;

    private final Portfolio portfolio;

    public CratesPage(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** A column's header: its label, its long name (or null), its class, the address that sorts by it, aria-sort's value (or null). */
    public record Header(String label, String title, String cssClass, String url, String ariaSort) {
    }

    /**
     * What the page shows: the crates {@code filter} keeps sorted by {@code sort} ({@code descending}
     * or not), the page of them after {@code after} (null: the first page).
     */
    public record Listing(Portfolio.Filter filter, Portfolio.Order sort, boolean descending, String after,
            Portfolio.Page page) {

        /** Whether this is the first page. */
        public boolean first() {
            return after == null;
        }

        /** Whether the crates are in the order the page has without a sort: the form then sends none. */
        public boolean defaultOrder() {
            return isDefault(sort, descending);
        }

        /** The order in words, for the table's caption. */
        public String order() {
            return label(sort).toLowerCase(Locale.ROOT) + (descending ? ", descending" : ", ascending");
        }

        /** Every column's header, each a link to the first page sorted by it (the current one the other way round). */
        public List<Header> headers() {
            return Arrays.stream(Portfolio.Order.values()).map(column -> new Header(label(column), title(column),
                    column == Portfolio.Order.REPOSITORY ? "text" : null,
                    url(column, column == sort ? !descending : column.descendingFirst(), null),
                    column != sort ? null : descending ? "descending" : "ascending")).toList();
        }

        /** The first page's address in this order. */
        public String firstPage() {
            return url(sort, descending, null);
        }

        /** The next page's address, null on the last. */
        public String next() {
            return page.nextCursor() == null ? null : url(sort, descending, page.nextCursor());
        }

        /** This page's address with the filter, in order {@code by}, after cursor {@code from}; defaults left out. */
        private String url(Portfolio.Order by, boolean down, String from) {
            StringBuilder url = new StringBuilder("/crates?");
            append(url, "repository", filter.repositoryId() == null ? null : filter.repositoryId().toString());
            append(url, "grade", filter.gradeAtOrBelow() == null ? null : filter.gradeAtOrBelow().name());
            append(url, "name", filter.nameContains());
            if (!isDefault(by, down)) {
                append(url, "sort", by.parameter());
                append(url, "order", down ? "desc" : "asc");
            }
            append(url, "after", from);
            return url.substring(0, url.length() - 1);
        }

        private static boolean isDefault(Portfolio.Order by, boolean down) {
            return by == Portfolio.Order.DEFAULT && down == by.descendingFirst();
        }

        private static void append(StringBuilder url, String name, String value) {
            if (value != null) {
                url.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crates(Listing listing, List<Choice> repositories, List<Grade> grades);
    }

    /** {@code sort} and {@code order} as the JSON list takes them; {@code after} is the cursor of the page before. */
    @GET
    @Path("crates")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance crates(@QueryParam("repository") String repository, @QueryParam("grade") String grade,
            @QueryParam("name") String name, @QueryParam("sort") String sortParam,
            @QueryParam("order") String orderParam, @QueryParam("after") String afterParam) {
        Portfolio.Filter filter;
        Portfolio.Order sort;
        boolean descending;
        try {
            filter = Portfolio.Filter.parse(repository, grade, name);
            sort = Portfolio.Order.parse(sortParam);
            descending = Portfolio.descending(sort, orderParam);
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
        String after = QueryParams.blankToNull(afterParam);
        Portfolio.Page page;
        try {
            page = portfolio.page(new Portfolio.Query(filter, sort, descending,
                    PageCursor.key(after, Portfolio.Cursor::ofKey), PAGE_SIZE));
        } catch (BadRequest e) {
            throw PageException.badRequest("after " + Echo.quoted(after) + " is not where a page of this list starts:"
                    + " follow the page's Next link, or start from the first page");
        }
        return Templates.crates(new Listing(filter, sort, descending, after, page),
                Choice.ofRepositories(GitRepository.namesByName(), filter.repositoryId()), Arrays.asList(Grade.values()));
    }

    /** A column's header label. */
    private static String label(Portfolio.Order column) {
        return switch (column) {
            case NAME -> "Crate";
            case REPOSITORY -> "Repository";
            case SCORE -> "Score";
            case CHANGE -> "Change";
            case UNSAFE -> RatingKind.UNSAFE.title();
            case PANICS -> RatingKind.PANICS.title();
            case DOCUMENTATION -> RatingKind.DOCUMENTATION.title();
            case VERIFICATION -> RatingKind.VERIFICATION.title();
            case HYGIENE -> RatingKind.HYGIENE.title();
            case UNSAFE_BLOCKS -> "Blocks";
            case UNSAFE_FNS -> "Fns";
            case UNSAFE_IMPLS -> "Impls";
            case LINES -> "Lines";
        };
    }

    /** What a column's short label stands for, or null when it says it all. */
    private static String title(Portfolio.Order column) {
        return switch (column) {
            case UNSAFE_BLOCKS -> "unsafe blocks";
            case UNSAFE_FNS -> "unsafe functions and methods";
            case UNSAFE_IMPLS -> "unsafe impls and traits";
            default -> null;
        };
    }
}
