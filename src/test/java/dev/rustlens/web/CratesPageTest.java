package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.http.PageCursor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-wide crates table, and the overview's pages, order, summary line and trends, against real scans. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CratesPageTest {

    private static final String UNSAFE_LIB = "//! Reads.\n/// Reads.\npub fn first(p: *const u8) -> u8 {\n"
            + "    unsafe { *p }\n}\n";
    private static final String TWO_UNSAFE_READS = UNSAFE_LIB + "\n/// Reads too.\npub fn second(p: *const u8) -> u8 {\n"
            + "    unsafe { *p.add(1) }\n}\n";

    private static final Pattern ROW = Pattern.compile("<tr id=\"repository-(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern GRADE = Pattern.compile("</th>\\s*<td>(?:<span class=\"grade grade-([A-E])\">[A-E]</span> (\\d+))?</td>");
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\">");
    private static final Pattern SUMMARY = Pattern.compile("<p class=\"portfolio-summary\" role=\"status\">(.*?)</p>",
            Pattern.DOTALL);

    /** A repository of one crate with one unjustified unsafe read. */
    private static Git probe(Path dir, String crate, String version) throws Exception {
        return TestRepositories.create(dir, Map.of("Cargo.toml",
                "[package]\nname = \"%s\"\nversion = \"%s\"\nedition = \"2021\"\n".formatted(crate, version),
                "src/lib.rs", UNSAFE_LIB));
    }

    /** Registers the repository and scans it, then again after a commit that adds a second unsafe read. */
    private static long scannedBeforeAndAfterASecondUnsafeRead(Git git) throws Exception {
        long repository = register(TestRepositories.url(git));
        awaitScan(startScan(repository));
        TestRepositories.commit(git, Map.of("src/lib.rs", TWO_UNSAFE_READS), "a second unsafe read");
        awaitScan(startScan(repository));
        return repository;
    }

    /** A repository's row on the overview: its id, and its score (null without a grade). */
    record OverviewRow(long id, Integer score, String row) {
    }

    @Test
    void everyCrateOfEveryRepositoryIsListedWithItsScoreAndChange(@TempDir Path dir) throws Exception {
        try (Git git = probe(dir, "portfolio-probe", "0.3.0")) {
            long repository = scannedBeforeAndAfterASecondUnsafeRead(git);

            JsonPath crates = given().queryParam("repository", repository).when().get("/api/v1/crates")
                    .then().statusCode(200).body("crates", hasSize(1)).body("total", equalTo(1))
                    .body("limit", equalTo(100)).body("nextCursor", nullValue()).extract().jsonPath();
            assertEquals("portfolio-probe", crates.getString("crates[0].name"));
            assertEquals(2, crates.getInt("crates[0].unsafeBlocks"));
            JsonPath detail = given().when().get("/api/v1/crates/{id}", crates.getLong("crates[0].crateId")).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(detail.getInt("score"), crates.getInt("crates[0].score"), "the same score as the crate's page");
            assertTrue(crates.getInt("crates[0].scoreChange") <= 0, "a second unjustified block costs points");
            List<String> kinds = List.of("UNSAFE", "PANICS", "DOCUMENTATION", "VERIFICATION", "HYGIENE");
            kinds.forEach(kind -> assertTrue(crates.getMap("crates[0].ratings").containsKey(kind), kind));
            // Each rating as the crate's page explains it.
            for (String kind : kinds) {
                assertEquals(detail.getInt("ratings.find { it.kind == '" + kind + "' }.score"),
                        crates.getInt("crates[0].ratings." + kind), kind);
            }

            given().queryParam("name", "PROBE").when().get("/crates").then().statusCode(200)
                    .body(containsString(">portfolio-probe</a> <small>0.3.0</small>"),
                            containsString("<td>2</td><td>0</td>"));
            given().queryParam("repository", repository).queryParam("grade", "A").queryParam("name", "nothing-like-it")
                    .when().get("/crates").then().statusCode(200)
                    .body(containsString("No crate matches."), not(containsString("portfolio-probe")));
            given().queryParam("grade", "F").when().get("/crates").then().statusCode(400)
                    .body(containsString("grade must be one of A, B, C, D or E, not &#39;F&#39;"));
            given().queryParam("repository", "x").when().get("/api/v1/crates").then().statusCode(400)
                    .body("detail", containsString("repository must be a repository id"));

            String overview = given().when().get("/").then().statusCode(200)
                    .body(containsString("gates failing"), containsString("new critical"),
                            containsString("<a href=\"/crates\">every crate, riskiest first</a>"),
                            containsString("<a href=\"/findings?counted=true&amp;sort=severity\">"))
                    .extract().asString();
            // The repository's row: its unsafe blocks' sparkline with the current value and the change, on
            // the column's scale from zero, described for screen readers.
            String row = overview.substring(overview.indexOf("<tr id=\"repository-" + repository + "\">"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(Pattern.compile("aria-label=\"Unsafe blocks over the last 2 scans: from 1 to 2 \\(up 1\\),"
                    + " on a scale from 0 to \\d+ that every row of this column shares\"").matcher(row).find(), row);
            assertTrue(row.contains("<span class=\"spark-value\">2 <span class=\"spark-change\" aria-hidden=\"true\">▲1</span>"
                    + "<span class=\"visually-hidden\">up 1</span></span>"), row);
            assertTrue(row.contains("Score over the last 2 scans: from "), row);
        }
    }

    /**
     * The overview pages every repository exactly once in every order, with the summary of all of
     * them on each page, and shows a repository's grade and trends as the API gives them: a
     * rescanned commit is one point, as in the trends.
     */
    @Test
    void theOverviewPagesEveryRepositoryOnceInEveryOrderAndShowsWhatTheApiSays(@TempDir Path dir) throws Exception {
        try (Git git = probe(dir, "overview-probe", "0.1.0")) {
            long scanned = scannedBeforeAndAfterASecondUnsafeRead(git);
            // The same commit again: the trends count a commit once, and so must the sparklines.
            awaitScan(startScan(scanned));
            // More repositories than a page holds, whatever other tests left in the schema.
            for (long count = repositoryNames().size(); count <= HomePage.PAGE_SIZE; count++) {
                register(TestRepositories.url(git));
            }
            Map<Long, String> names = repositoryNames();

            // Every order pages every repository exactly once, and the caption counts them all.
            List<String> orders = new ArrayList<>(List.of("/"));
            for (String sort : List.of("name", "grade", "score-trend", "unsafe-trend", "last-scan", "new-findings",
                    "open-alerts", "gate")) {
                orders.addAll(List.of("/?sort=" + sort + "&order=asc", "/?sort=" + sort + "&order=desc"));
            }
            for (String order : orders) {
                List<Long> ids = allPages(order).stream().map(OverviewRow::id).toList();
                assertEquals(ids.size(), new HashSet<>(ids).size(), order + ": a repository twice");
                assertEquals(names.keySet(), Set.copyOf(ids), order + ": every repository");
            }
            String first = given().when().get("/").then().statusCode(200).extract().asString();
            assertTrue(first.contains("<caption>" + names.size() + " repositories, 1 to " + HomePage.PAGE_SIZE
                    + " shown,"), first.substring(first.indexOf("<caption>"), first.indexOf("</caption>")));
            assertTrue(first.contains("<th scope=\"col\" class=\"text wide-only\" aria-sort=\"descending\"><a class=\"sort\""
                    + " href=\"/?sort=last-scan&amp;order=asc\">Last scan</a></th>"), "the newest scan first, by default");
            assertTrue(first.contains("<nav aria-label=\"Pages of repositories\" class=\"pager\">"), "the pages' links");
            assertTrue(first.contains("<tr id=\"repository-" + scanned + "\">"), "the repository scanned last is on the first page");

            // By name, case aside; by grade, the lowest score first and the repositories without one last.
            List<String> byName = allPages("/?sort=name&order=asc").stream().map(row -> names.get(row.id())).toList();
            assertEquals(byName.stream().sorted(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT))).toList(), byName);
            List<Integer> scores = allPages("/?sort=grade&order=asc").stream().map(OverviewRow::score).toList();
            assertEquals(scores.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList(), scores);
            List<Integer> scoresDown = allPages("/?sort=grade&order=desc").stream().map(OverviewRow::score).toList();
            assertEquals(scoresDown.stream().sorted(Comparator.nullsLast(Comparator.reverseOrder())).toList(), scoresDown);

            // The scanned repository's grade and trends are the API's: its score, and its trend's points.
            OverviewRow row = allPages("/").stream().filter(shown -> shown.id() == scanned).findFirst().orElseThrow();
            JsonPath score = given().when().get("/api/v1/repositories/{id}/score", scanned).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(score.getInt("score"), row.score());
            assertTrue(row.row().contains("<span class=\"grade grade-" + score.getString("grade") + "\">"), row.row());
            JsonPath trend = given().when().get("/api/v1/repositories/{id}/trends", scanned).then().statusCode(200)
                    .extract().jsonPath();
            List<Integer> trendScores = trend.getList("points.score", Integer.class);
            List<Integer> trendBlocks = trend.getList("points.metrics.unsafe_blocks", Integer.class);
            assertEquals(2, trendScores.size(), "one point per commit");
            assertSparkline(row.row(), "Score", trendScores);
            assertSparkline(row.row(), "Unsafe blocks", trendBlocks);

            // A page past the last is not there; a page, an order or a column that is no such thing is a 400.
            int pages = (names.size() + HomePage.PAGE_SIZE - 1) / HomePage.PAGE_SIZE;
            given().queryParam("page", pages + 1).when().get("/").then().statusCode(404);
            given().queryParam("page", 0).when().get("/").then().statusCode(400)
                    .body(containsString("page must be 1 or more"));
            given().queryParam("sort", "stars").when().get("/").then().statusCode(400)
                    .body(containsString("sort must be one of name, grade, score-trend"));
            given().queryParam("order", "up").when().get("/").then().statusCode(400)
                    .body(containsString("order must be asc or desc"));
        }
    }

    /** Every sort the crates list takes, with the way it sorts without an order: the unsafe counts and lines the most first. */
    private static final Map<String, Boolean> SORTS_DESCENDING_FIRST = sorts();

    private static Map<String, Boolean> sorts() {
        Map<String, Boolean> sorts = new LinkedHashMap<>();
        for (String sort : List.of("name", "repository", "score", "change", "unsafe", "panics", "documentation",
                "verification", "hygiene")) {
            sorts.put(sort, false);
        }
        for (String sort : List.of("unsafe-blocks", "unsafe-fns", "unsafe-impls", "lines")) {
            sorts.put(sort, true);
        }
        return sorts;
    }

    private static final Pattern CRATE_ROW = Pattern.compile("<tr><th scope=\"row\"><a href=\"/crates/(\\d+)\">");
    private static final Pattern CAPTION = Pattern.compile("<caption>(\\d+) crates?[,<]");

    /**
     * A workspace of {@code count} crates named {@code prefix-00} on, each with its own mix of
     * unsafe blocks, unsafe fns, docs and lines, so that the columns sort them differently and tie
     * often (the ties then go by repository, name and id).
     */
    private static Map<String, String> workspace(String prefix, int count, int variant) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "%s-%02d".formatted(prefix, i);
            members.add("\"" + name + "\"");
            files.put(name + "/Cargo.toml", "[package]\nname = \"%s\"\nversion = \"0.1.%d\"\nedition = \"2021\"\n"
                    .formatted(name, i));
            StringBuilder lib = new StringBuilder(i % 2 == 0 ? "//! A crate.\n" : "");
            for (int block = 0; block < (i + variant) % 4; block++) {
                lib.append("/// Reads.\npub fn read").append(block).append("(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
            }
            for (int fn = 0; fn < i % 3; fn++) {
                lib.append("pub unsafe fn raw").append(fn).append("(p: *const u8) -> u8 {\n    *p\n}\n");
            }
            for (int line = 0; line < i % 5; line++) {
                lib.append("pub fn plain").append(line).append("() -> Option<u8> {\n    None\n}\n");
            }
            files.put(name + "/src/lib.rs", lib.toString());
        }
        files.put("Cargo.toml", "[workspace]\nmembers = [" + String.join(", ", members) + "]\n");
        return files;
    }

    /**
     * Every crate the JSON list gives from {@code first} on, following each page's Link rel=next:
     * each page at most its limit, the total the same on every page, the Link and nextCursor agreeing.
     */
    private static List<Map<String, Object>> apiPages(String first) {
        List<Map<String, Object>> crates = new ArrayList<>();
        Long total = null;
        for (String next = first; next != null; ) {
            Response page = given().when().get(next).then().statusCode(200).extract().response();
            JsonPath json = page.jsonPath();
            List<Map<String, Object>> shown = json.getList("crates");
            assertTrue(shown.size() <= json.getInt("limit"), next);
            total = total == null ? json.getLong("total") : total;
            assertEquals(total, json.getLong("total"), next + ": the total of every page");
            crates.addAll(shown);
            String link = page.getHeader("Link");
            next = link == null ? null : link.replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
            assertEquals(link == null, json.getString("nextCursor") == null, "the Link and nextCursor agree");
            assertTrue(link == null || !shown.isEmpty(), "no empty page before the last");
        }
        assertEquals(total, crates.size(), first + ": the total counts what the pages list");
        return crates;
    }

    private static List<Long> ids(List<Map<String, Object>> crates) {
        return crates.stream().map(crate -> ((Number) crate.get("crateId")).longValue()).toList();
    }

    /** What a crate is sorted by under {@code sort}, null for none. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortValue(Map<String, Object> crate, String sort) {
        Object value = switch (sort) {
            case "name", "repository" -> crate.get(sort);
            case "score" -> crate.get("score");
            case "change" -> crate.get("scoreChange");
            case "unsafe-blocks" -> crate.get("unsafeBlocks");
            case "unsafe-fns" -> (Integer) crate.get("unsafeFunctions") + (Integer) crate.get("unsafeMethods");
            case "unsafe-impls" -> (Integer) crate.get("unsafeImpls") + (Integer) crate.get("unsafeTraits");
            case "lines" -> crate.get("codeLines");
            default -> ((Map<String, Object>) crate.get("ratings")).get(sort.toUpperCase(Locale.ROOT));
        };
        return (Comparable<Object>) value;
    }

    /** The order the list promises: by the sort's value, none last either way, then repository, name and id. */
    private static Comparator<Map<String, Object>> promised(String sort, boolean descending) {
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.<Map<String, Object>, Comparable<Object>>comparing(crate -> sortValue(crate, sort),
                        Comparator.nullsLast(values))
                .thenComparing(crate -> (String) crate.get("repository"))
                .thenComparing(crate -> (String) crate.get("name"))
                .thenComparing(crate -> ((Number) crate.get("crateId")).longValue());
    }

    /**
     * Paged a few crates at a time, in every sort and both orders, the JSON list gives each crate
     * of the filter once, in the order promised, the same as in one page; the filters hold across
     * pages; and the page lists the same crates in the same order, with the same total.
     */
    @Test
    void theCratesArePagedOnceEachInEverySortWithTheirFilters(@TempDir Path dir) throws Exception {
        String prefix = "pages-" + UUID.randomUUID().toString().substring(0, 6);
        long many;
        long few;
        try (Git first = TestRepositories.create(dir.resolve("many"), workspace(prefix, 56, 0));
                Git second = TestRepositories.create(dir.resolve("few"), workspace(prefix, 4, 0))) {
            many = register(TestRepositories.url(first));
            few = register(TestRepositories.url(second));
            awaitScan(startScan(many));
            awaitScan(startScan(few));
            // A second scan of some crates changed, so that the change column has values, and gaps.
            Map<String, String> changed = new LinkedHashMap<>(workspace(prefix, 56, 1));
            changed.keySet().removeIf(path -> !path.matches(prefix + "-[0-2]\\d/src/lib.rs"));
            TestRepositories.commit(first, changed, "more unsafe reads in some crates");
            assertEquals("succeeded", awaitScan(startScan(many)).getString("status"));
        }

        String filtered = "/api/v1/crates?name=" + prefix;
        for (Map.Entry<String, Boolean> sort : SORTS_DESCENDING_FIRST.entrySet()) {
            for (boolean descending : List.of(false, true)) {
                String query = filtered + "&sort=" + sort.getKey() + "&order=" + (descending ? "desc" : "asc");
                List<Map<String, Object>> whole = apiPages(query + "&limit=500");
                assertEquals(60, whole.size(), query);
                assertEquals(whole.stream().sorted(promised(sort.getKey(), descending)).map(crate -> crate.get("crateId"))
                        .toList(), whole.stream().map(crate -> crate.get("crateId")).toList(), query + ": in order");
                List<Long> paged = ids(apiPages(query + "&limit=7"));
                assertEquals(ids(whole), paged, query + ": seven at a time, each once, in the same order");
            }
            // Without an order, each column sorts its own way first.
            assertEquals(ids(apiPages(filtered + "&sort=" + sort.getKey() + "&order="
                    + (sort.getValue() ? "desc" : "asc") + "&limit=500")),
                    ids(apiPages(filtered + "&sort=" + sort.getKey() + "&limit=500")), sort.getKey());
        }
        List<Map<String, Object>> riskiestFirst = apiPages(filtered + "&limit=500");
        assertEquals(ids(apiPages(filtered + "&sort=score&order=asc&limit=500")), ids(riskiestFirst),
                "the riskiest first by default");
        assertTrue(riskiestFirst.stream().anyMatch(crate -> crate.get("scoreChange") != null)
                && riskiestFirst.stream().anyMatch(crate -> crate.get("scoreChange") == null), "changes and gaps");
        // Every crate of every repository, a few at a time, whatever else the schema holds.
        List<Map<String, Object>> everything = apiPages("/api/v1/crates?limit=500");
        assertEquals(ids(everything), ids(apiPages("/api/v1/crates?limit=9")));
        assertEquals(everything.stream().sorted(promised("score", false)).toList(), everything);

        // The filters hold on every page: a page of each filter's crates is the whole list's, filtered.
        String worst = (String) riskiestFirst.getFirst().get("grade");
        Map<String, Predicate<Map<String, Object>>> filters = new LinkedHashMap<>();
        filters.put(filtered + "&repository=" + few, crate -> ((Number) crate.get("repositoryId")).longValue() == few);
        filters.put(filtered + "&grade=" + worst, crate -> crate.get("grade") != null && worst.compareTo((String) crate.get("grade")) <= 0);
        filters.put("/api/v1/crates?name=" + prefix.toUpperCase(Locale.ROOT) + "-1", crate -> ((String) crate.get("name"))
                .startsWith(prefix + "-1"));
        filters.put(filtered + "&repository=" + many + "&grade=" + worst + "&sort=lines",
                crate -> ((Number) crate.get("repositoryId")).longValue() == many
                        && crate.get("grade") != null && worst.compareTo((String) crate.get("grade")) <= 0);
        for (Map.Entry<String, Predicate<Map<String, Object>>> filter : filters.entrySet()) {
            String sort = filter.getKey().contains("sort=lines") ? "&sort=lines" : "";
            List<Long> expected = ids(apiPages(filtered + sort + "&limit=500").stream().filter(filter.getValue()).toList());
            assertFalse(expected.isEmpty(), filter.getKey());
            assertEquals(expected, ids(apiPages(filter.getKey() + "&limit=3")), filter.getKey());
        }

        // The page: the same crates in the same order, page after page, under the JSON's total.
        for (String query : List.of("?name=" + prefix, "?name=" + prefix + "&sort=lines&order=desc",
                "?name=" + prefix + "&repository=" + many + "&sort=change")) {
            List<Long> shown = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (String next = "/crates" + query; next != null; ) {
                String page = given().when().get(next).then().statusCode(200).extract().asString();
                Matcher caption = CAPTION.matcher(page);
                assertTrue(caption.find(), page);
                captions.add(caption.group(1));
                Matcher row = CRATE_ROW.matcher(page);
                int rows = 0;
                while (row.find()) {
                    shown.add(Long.valueOf(row.group(1)));
                    rows++;
                }
                assertTrue(rows <= CratesPage.PAGE_SIZE, next);
                Matcher link = NEXT.matcher(page);
                next = link.find() ? link.group(1).replace("&amp;", "&") : null;
            }
            List<Long> api = ids(apiPages("/api/v1/crates" + query + "&limit=500"));
            assertEquals(api, shown, query);
            assertTrue(captions.size() > 1 || api.size() <= CratesPage.PAGE_SIZE, query + ": more than one page");
            captions.forEach(caption -> assertEquals(Integer.toString(api.size()), caption, query + ": the JSON's total"));
        }
        // Sorted by a column's header: the header says so, and its link turns the order round.
        given().queryParam("name", prefix).queryParam("sort", "lines").when().get("/crates").then().statusCode(200)
                .body(containsString("<th scope=\"col\" aria-sort=\"descending\"><a class=\"sort\" href=\"/crates?name="
                        + prefix + "&amp;sort=lines&amp;order=asc\">Lines</a></th>"),
                        containsString("by lines, descending"),
                        containsString("<input type=\"hidden\" name=\"sort\" value=\"lines\">"));
    }

    /** Bad paging and sorting parameters are 400s that say what is wrong, in the JSON list and on the page. */
    @Test
    void badPagingAndSortingParametersAre400s() {
        for (String limit : List.of("0", "-1", "501")) {
            given().queryParam("limit", limit).when().get("/api/v1/crates").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", equalTo("limit must be between 1 and 500"));
        }
        String notOurs = "is not one this API gave: pass the Link header's next URL, or no cursor for the first page";
        String otherOrder = PageCursor.after("[\"lines\",\"desc\",3,\"r\",\"c\",1]");
        for (String cursor : List.of("%%%", PageCursor.after("12"), PageCursor.after("[\"score\",\"asc\"]"),
                PageCursor.after("[\"stars\",\"asc\",1,\"r\",\"c\",1]"),
                PageCursor.after("[\"score\",\"asc\",\"x\",\"r\",\"c\",1]"))) {
            given().queryParam("cursor", cursor).when().get("/api/v1/crates").then().statusCode(400)
                    .body("detail", containsString(notOurs));
        }
        given().queryParam("cursor", otherOrder).when().get("/api/v1/crates").then().statusCode(400)
                .body("detail", equalTo("the cursor continues the list sorted by lines desc, not by score asc: pass the"
                        + " sort it was made with, or no cursor for the first page"));
        given().queryParam("cursor", otherOrder).queryParam("sort", "lines").when().get("/api/v1/crates").then()
                .statusCode(200);
        given().queryParam("sort", "stars").when().get("/api/v1/crates").then().statusCode(400)
                .body("detail", equalTo("sort must be one of name, repository, score, change, unsafe, panics,"
                        + " documentation, verification, hygiene, unsafe-blocks, unsafe-fns, unsafe-impls or lines,"
                        + " not 'stars'"));
        given().queryParam("order", "up").when().get("/api/v1/crates").then().statusCode(400)
                .body("detail", equalTo("order must be asc or desc, not 'up'"));

        // The page says the same, as a page: no trace of the server's insides.
        for (Map.Entry<String, String> bad : Map.of("sort", "sort must be one of name, repository, score",
                "order", "order must be asc or desc, not &#39;x&#39;",
                "after", "is not where a page of this list starts: follow the page&#39;s Next link").entrySet()) {
            given().queryParam(bad.getKey(), "x").when().get("/crates").then().statusCode(400)
                    .contentType(containsString("text/html")).body(containsString(bad.getValue()),
                            not(containsString("Exception")), not(containsString("at dev.rustlens")));
        }
        given().queryParam("after", otherOrder).when().get("/crates").then().statusCode(400)
                .body(containsString("is not where a page of this list starts"));
    }

    /**
     * The sparkline of {@code what} in the row draws {@code values} as its points, on the scale its
     * description names, and says their count, first and last value.
     */
    private static void assertSparkline(String row, String what, List<Integer> values) {
        Matcher label = Pattern.compile("aria-label=\"" + what + " over the last (\\d+) scans: from (\\d+) to (\\d+) \\([^)]*\\),"
                + " on a scale from (\\d+) to (\\d+) that every row of this column shares\"").matcher(row);
        assertTrue(label.find(), what + ": " + row);
        assertEquals(List.of(values.size(), values.getFirst(), values.getLast()), List.of(Integer.valueOf(label.group(1)),
                Integer.valueOf(label.group(2)), Integer.valueOf(label.group(3))), what);
        Sparkline drawn = new Sparkline(what, values, new Sparkline.Scale(Integer.parseInt(label.group(4)),
                Integer.parseInt(label.group(5))));
        assertTrue(row.contains("aria-label=\"" + drawn.description() + "\"><title>" + drawn.description()
                + "</title><polyline points=\"" + drawn.points() + "\"/>"), what + " drawn from other values: " + row);
    }

    /** Every repository's name by id, from the API, following its pages' next links. */
    private static Map<Long, String> repositoryNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        String next = "/api/v1/repositories?limit=500";
        while (next != null) {
            ExtractableResponse<Response> page = given().when().get(next).then().statusCode(200).extract();
            List<Long> ids = page.jsonPath().getList("id", Long.class);
            List<String> pageNames = page.jsonPath().getList("name", String.class);
            for (int i = 0; i < ids.size(); i++) {
                names.put(ids.get(i), pageNames.get(i));
            }
            String link = page.header("Link");
            next = link == null ? null : link.replaceAll("^<([^>]+)>.*$", "$1");
        }
        return names;
    }

    /**
     * The rows of every page of the overview from {@code address} on, following the pages' next
     * links; the summary line above them, which counts every repository, is the same on each.
     */
    static List<OverviewRow> allPages(String address) {
        List<OverviewRow> rows = new ArrayList<>();
        String next = address;
        String firstSummary = null;
        while (next != null) {
            String page = given().when().get(next).then().statusCode(200).extract().asString();
            Matcher summary = SUMMARY.matcher(page);
            assertTrue(summary.find(), "the summary line");
            firstSummary = firstSummary == null ? summary.group(1) : firstSummary;
            assertEquals(firstSummary, summary.group(1), next + ": the summary of every repository");
            Matcher row = ROW.matcher(page);
            while (row.find()) {
                Matcher grade = GRADE.matcher(row.group(2));
                assertTrue(grade.find(), row.group(2));
                rows.add(new OverviewRow(Long.parseLong(row.group(1)),
                        grade.group(2) == null ? null : Integer.valueOf(grade.group(2)), row.group(2)));
            }
            Matcher link = NEXT.matcher(page);
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        return rows;
    }
}
