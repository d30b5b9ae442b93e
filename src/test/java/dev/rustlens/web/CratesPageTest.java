package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
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
                    .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
            assertEquals("portfolio-probe", crates.getString("[0].name"));
            assertEquals(2, crates.getInt("[0].unsafeBlocks"));
            JsonPath detail = given().when().get("/api/v1/crates/{id}", crates.getLong("[0].crateId")).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(detail.getInt("score"), crates.getInt("[0].score"), "the same score as the crate's page");
            assertTrue(crates.getInt("[0].scoreChange") <= 0, "a second unjustified block costs points");
            List<String> kinds = List.of("UNSAFE", "PANICS", "DOCUMENTATION", "VERIFICATION", "HYGIENE");
            kinds.forEach(kind -> assertTrue(crates.getMap("[0].ratings").containsKey(kind), kind));
            // Each rating as the crate's page explains it.
            for (String kind : kinds) {
                assertEquals(detail.getInt("ratings.find { it.kind == '" + kind + "' }.score"),
                        crates.getInt("[0].ratings." + kind), kind);
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
