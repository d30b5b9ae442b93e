package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.check.Severity;
import dev.rustlens.gitrepo.ArchiveUploadTest;
import dev.rustlens.gitrepo.TestArchives;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings browser over a scanned repository: filters, pages, code excerpts, fixed findings and bad requests. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class FindingsPageTest {

    private static final String MANIFEST = "[package]\nname = \"parsing\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    /** A library whose line 4 holds markup and whose lines 5 on each unwrap once. */
    static String library(int unwraps) {
        StringBuilder lib = new StringBuilder("//! Parses.\n/// Parses.\npub fn parse(s: &str) -> u32 {\n"
                + "    let _tag = \"<b>bold</b>\";\n");
        for (int i = 0; i < unwraps; i++) {
            lib.append("    let _v").append(i).append(" = s.parse::<u32>().unwrap();\n");
        }
        return lib.append("    0\n}\n").toString();
    }

    /** A repository of {@link #library} with {@code unwraps} unwraps, registered from {@code url} and scanned. */
    private record ScannedLibrary(long repository, String url, JsonPath scan) {
    }

    private static ScannedLibrary scannedLibrary(Path dir, int unwraps) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", library(unwraps)))) {
            String url = TestRepositories.url(git);
            long repository = register(url);
            JsonPath scan = awaitScan(startScan(repository));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            return new ScannedLibrary(repository, url, scan);
        }
    }

    @Test
    void browsesPagesOfFindingsWithEscapedExcerpts(@TempDir Path dir) throws Exception {
        ScannedLibrary scanned = scannedLibrary(dir, 60);
        long repository = scanned.repository();
        JsonPath scan = scanned.scan();

        String first = given().queryParam("repository", repository).queryParam("check", "unwrap_used")
                .when().get("/findings").then().statusCode(200)
                .body(containsString("60 findings in scan #" + scan.getLong("id")),
                        containsString("page 1 of 2"),
                        containsString("<code class=\"location\">src/lib.rs:5:"),
                        containsString("<a href=\"/checks/unwrap_used\"><code>unwrap_used</code></a>"),
                        containsString("<option selected>unwrap_used</option>"),
                        containsString("<label>Severity"),
                        // The finding's line is highlighted between its neighbours, all escaped.
                        containsString("<span class=\"ln\" aria-hidden=\"true\">4</span>    let _tag = &quot;&lt;b&gt;bold&lt;/b&gt;&quot;;\n"
                                + "<span class=\"ln\" aria-hidden=\"true\">5</span><mark>    let _v0 = s.parse::&lt;u32&gt;().unwrap();</mark>\n"
                                + "<span class=\"ln\" aria-hidden=\"true\">6</span>    let _v1"),
                        not(containsString("<b>bold</b>")),
                        containsString("<a href=\"/findings?repository=" + repository
                                + "&amp;check=unwrap_used&amp;page=2\" rel=\"next\">"),
                        not(containsString("rel=\"prev\"")))
                .extract().asString();
        assertEquals(50, first.split("<li class=\"finding\">", -1).length - 1);

        String second = given().queryParam("repository", repository).queryParam("check", "unwrap_used")
                .queryParam("page", 2).when().get("/findings").then().statusCode(200)
                .body(containsString("page 2 of 2"), containsString("src/lib.rs:64:"),
                        containsString("<a href=\"/findings?repository=" + repository
                                + "&amp;check=unwrap_used\" rel=\"prev\">"),
                        not(containsString("rel=\"next\"")))
                .extract().asString();
        assertEquals(10, second.split("<li class=\"finding\">", -1).length - 1);

        // Messages show their Markdown code spans as code.
        assertTrue(first.contains("<p class=\"message\">") && first.contains("<code>.unwrap()</code>")
                && !first.contains("`.unwrap()`"), first);
        // Sorted by severity, worst first, or by check; the links keep the order.
        for (String sort : List.of("severity", "check")) {
            String sorted = given().queryParam("repository", repository).queryParam("sort", sort).when().get("/findings")
                    .then().statusCode(200).body(containsString("<option value=\"" + sort + "\" selected>"),
                            containsString("&amp;sort=" + sort + "&amp;page=2\" rel=\"next\">"))
                    .extract().asString();
            List<String> keys = new ArrayList<>();
            Matcher key = Pattern.compile(sort.equals("severity") ? "<span class=\"severity severity-(\\w+)\">"
                    : "<a href=\"/checks/([a-z_:]+)\"><code>").matcher(sorted);
            while (key.find()) {
                keys.add(sort.equals("severity") ? Integer.toString(4 - Severity.valueOf(key.group(1)).ordinal())
                        : key.group(1));
            }
            assertTrue(keys.stream().distinct().count() > 1 && keys.equals(keys.stream().sorted().toList()),
                    sort + ": " + keys);
        }
        given().queryParam("repository", repository).queryParam("severity", "BLOCKER").when().get("/findings")
                .then().statusCode(200).body(containsString("0 findings"), containsString("No finding matches"));
        given().queryParam("repository", repository).queryParam("path", "src/other").when().get("/findings")
                .then().statusCode(200).body(containsString("0 findings"));
        long other = register(scanned.url());
        given().queryParam("repository", other).queryParam("scan", scan.getLong("id")).when().get("/findings")
                .then().statusCode(400).body(containsString("Scan " + scan.getLong("id") + " is not a scan of repo-"));
        given().queryParam("repository", other).when().get("/findings").then().statusCode(200)
                .body(containsString("No succeeded scan of <code>main</code> yet."));
    }

    @Test
    void showsFixedFindingsWithTheirOldCode(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", MANIFEST, "src/lib.rs", library(3)))) {
            long repository = register(TestRepositories.url(git));
            long firstScan = awaitScan(startScan(repository)).getLong("id");
            TestRepositories.commit(git, Map.of("src/lib.rs", library(2)), "one unwrap less");
            JsonPath second = awaitScan(startScan(repository));
            assertEquals("succeeded", second.getString("status"), second.getString("error"));

            given().queryParam("repository", repository).queryParam("check", "unwrap_used")
                    .queryParam("tracking", "fixed").when().get("/findings").then().statusCode(200)
                    .body(containsString("1 finding in scan #" + second.getLong("id")),
                            containsString("<span class=\"tracking\">fixed</span>"),
                            containsString("<mark>    let _v2 = s.parse::&lt;u32&gt;().unwrap();</mark>"));
            given().queryParam("repository", repository).queryParam("check", "unwrap_used")
                    .queryParam("tracking", "unchanged").when().get("/findings").then().statusCode(200)
                    .body(containsString("2 findings"));
            // An older scan by its id: all three unwraps, new then.
            given().queryParam("scan", firstScan).queryParam("check", "unwrap_used").when().get("/findings")
                    .then().statusCode(200).body(containsString("3 findings in scan #" + firstScan),
                            containsString("<span class=\"tracking\">new</span>"));
        }
    }

    @Test
    void readsExcerptsOfAnArchiveRepositoryFromItsUpload() throws Exception {
        long repository = ArchiveUploadTest.registerArchiveRepository();
        JsonPath scan = ArchiveUploadTest.upload(repository, TestArchives.tarGz(List.of(
                TestArchives.Entry.file("parsing-0.1.0/Cargo.toml", MANIFEST),
                TestArchives.Entry.file("parsing-0.1.0/src/lib.rs", library(1)))));
        assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
        given().queryParam("repository", repository).queryParam("check", "unwrap_used").when().get("/findings")
                .then().statusCode(200)
                .body(containsString("1 finding in scan #" + scan.getLong("id")),
                        containsString("<code class=\"location\">src/lib.rs:5:"),
                        containsString("<mark>    let _v0 = s.parse::&lt;u32&gt;().unwrap();</mark>"));
    }

    @Test
    void aMaintainerTriagesSelectedFindingsFromThePage(@TempDir Path dir) throws Exception {
        ScannedLibrary scanned = scannedLibrary(dir, 3);
        long repository = scanned.repository();
        List<String> unwraps = given().queryParam("check", "unwrap_used")
                .when().get("/api/v1/scans/{id}/findings", scanned.scan().getLong("id")).then().extract().jsonPath()
                .getList("findings.fingerprint", String.class);
        String back = "/findings?repository=" + repository + "&check=unwrap_used";
        given().queryParam("repository", repository).queryParam("check", "unwrap_used").when().get("/findings")
                .then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/repositories/" + repository + "/triage\" id=\"triage-form\""),
                        containsString("<input type=\"hidden\" name=\"back\" value=\"" + back.replace("&", "&amp;") + "\">"),
                        containsString("<input type=\"checkbox\" name=\"fingerprint\" value=\"" + unwraps.get(0)
                                + "\" form=\"triage-form\""),
                        not(containsString("Remove mark")));

        // Two of the three, accepted until a day to come, as the signed-in maintainer.
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        String location = given().header(SameOrigin.header()).redirects().follow(false)
                .formParam("fingerprint", unwraps.get(0)).formParam("fingerprint", unwraps.get(1))
                .formParam("status", "accepted").formParam("reason", "inputs are <checked> upstream")
                .formParam("expires", until).formParam("back", back)
                .when().post("/repositories/{id}/triage", repository).then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.contains(back + "&message=2+findings+are+marked+accepted."), location);
        String page = given().queryParam("repository", repository).queryParam("check", "unwrap_used")
                .queryParam("message", "2 findings are marked accepted.").when().get("/findings").then().statusCode(200)
                .body(containsString("<p class=\"notice\" role=\"status\">2 findings are marked accepted.</p>"),
                        containsString("by maintainer on " + LocalDate.now(ZoneOffset.UTC) + ", until " + until
                                + ": inputs are &lt;checked&gt; upstream"),
                        not(containsString("<checked>")))
                .extract().asString();
        assertEquals(2, page.split("<div class=\"triage-mark\">", -1).length - 1);
        given().when().get("/api/v1/repositories/{id}/triage", repository).then()
                .body("fingerprint", containsInAnyOrder(unwraps.get(0), unwraps.get(1)))
                .body("markedBy", everyItem(equalTo("maintainer")))
                .body("expiresAt", everyItem(startsWith(until + "T00:00")));
        given().queryParam("repository", repository).queryParam("check", "unwrap_used").queryParam("counted", "true")
                .when().get("/findings").then().body(containsString("1 finding in scan"));

        given().header(SameOrigin.header()).redirects().follow(false).formParam("fingerprint", unwraps.get(0))
                .formParam("back", back).when().post("/repositories/{id}/triage/remove", repository)
                .then().statusCode(303);
        given().when().get("/api/v1/repositories/{id}/triage", repository).then()
                .body("fingerprint", equalTo(List.of(unwraps.get(1))));

        // Refused: nothing selected, no reason, an unknown status, a day gone, an unknown finding, another site.
        Map<String, String> refusals = Map.of(
                "Select the findings to mark.", "status=accepted&reason=r",
                "a reason is required", "fingerprint=" + unwraps.get(2) + "&status=accepted&reason=+",
                "status must be accepted or false_positive", "fingerprint=" + unwraps.get(2) + "&status=fine&reason=r",
                "The expiry must be a day after today", "fingerprint=" + unwraps.get(2)
                        + "&status=accepted&reason=r&expires=2020-01-01");
        refusals.forEach((message, form) -> given().header(SameOrigin.header())
                .contentType("application/x-www-form-urlencoded").body(form)
                .when().post("/repositories/{id}/triage", repository).then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString(message)));
        given().header(SameOrigin.header()).formParam("back", back).when().post("/repositories/{id}/triage/remove", repository)
                .then().statusCode(400).body(containsString("Say which finding&#39;s mark to remove."));
        given().header(SameOrigin.header()).formParam("fingerprint", unwraps.get(2))
                .when().post("/repositories/{id}/triage/remove", repository).then().statusCode(404);
        given().header(SameOrigin.header()).formParam("fingerprint", "nope").formParam("status", "accepted")
                .formParam("reason", "r").when().post("/repositories/{id}/triage", repository).then().statusCode(404);
        given().formParam("fingerprint", unwraps.get(2)).formParam("status", "accepted").formParam("reason", "r")
                .when().post("/repositories/{id}/triage", repository).then().statusCode(403);
        // Only this server's findings page is a way back.
        given().header(SameOrigin.header()).redirects().follow(false).formParam("fingerprint", unwraps.get(2))
                .formParam("status", "false_positive").formParam("reason", "r").formParam("back", "https://evil.example/findings")
                .when().post("/repositories/{id}/triage", repository).then().statusCode(303)
                .header("Location", endsWith("/findings?repository=" + repository
                        + "&message=1+finding+is+marked+false+positive."));
    }

    @Test
    @TestSecurity(user = "reader", roles = "viewer")
    void aViewerMayNotTriage() {
        given().header(SameOrigin.header()).formParam("fingerprint", "x").formParam("status", "accepted")
                .formParam("reason", "r").when().post("/repositories/{id}/triage", 1).then().statusCode(403);
        given().header(SameOrigin.header()).formParam("fingerprint", "x")
                .when().post("/repositories/{id}/triage/remove", 1).then().statusCode(403);
    }

    @Test
    void withoutARepositoryAsksForOne() {
        given().when().get("/findings").then().statusCode(200)
                .body(containsString("Choose a repository"), containsString("<label>Repository"));
    }

    @Test
    void refusesBadFilterValuesAndUnknownIds() {
        given().queryParam("severity", "HUGE").when().get("/findings").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("severity must be one of"));
        given().queryParam("tracking", "gone").when().get("/findings").then().statusCode(400)
                .body(containsString("tracking must be one of [new, unchanged, fixed]"));
        given().queryParam("check", "no_such_check").when().get("/findings").then().statusCode(400)
                .body(containsString("There is no check &#39;no_such_check&#39;."));
        given().queryParam("repository", "abc").when().get("/findings").then().statusCode(400)
                .body(containsString("repository must be a number, not &#39;abc&#39;"));
        given().queryParam("sort", "Severity").when().get("/findings").then().statusCode(400)
                .body(containsString("sort must be one of id, path, severity or check, not &#39;Severity&#39;"));
        given().queryParam("page", "0").when().get("/findings").then().statusCode(400)
                .body(containsString("page must be 1 or more"));
        given().queryParam("repository", Long.MAX_VALUE).when().get("/findings").then().statusCode(404)
                .body(containsString("There is no repository " + Long.MAX_VALUE + "."));
        given().queryParam("scan", Long.MAX_VALUE).when().get("/findings").then().statusCode(404)
                .body(containsString("There is no scan " + Long.MAX_VALUE + "."));
    }
}
