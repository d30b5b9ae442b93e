package dev.rustlens.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.LoopbackGitServer;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.web.SameOrigin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers real git repositories over REST, scans them, and checks what the scan stored. It sends
 * the test profile's admin token, as a script would, so that it runs against the packaged jar too.
 */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
public class ScanFlowTest {

    static final String WORKSPACE_MANIFEST = """
            [workspace]
            members = ["crates/*"]
            exclude = ["crates/ignored"]
            """;

    static final String ALPHA_LIB = """
            //! Alpha: raw memory helpers.

            /// Reads a byte.
            ///
            /// # Safety
            /// `p` must be valid for reads.
            pub unsafe fn read(p: *const u8) -> u8 {
                // SAFETY: the caller guarantees p is valid.
                unsafe { *p }
            }

            pub fn twice(p: *const u8) -> u16 {
                // SAFETY: p points into a live buffer.
                let a = unsafe { *p };
                let b = unsafe { *p.add(1) };
                u16::from(a) + u16::from(b)
            }

            pub struct Handle(*mut u8);

            unsafe impl Send for Handle {}

            #[cfg(test)]
            mod tests {
                #[test]
                fn reads() {
                    let x = 7u8;
                    assert_eq!(unsafe { super::read(&x) }, 7);
                }
            }
            """;

    static final String BETA_LIB = """
            /// Marker for types that may be zeroed.
            pub unsafe trait Zeroable {}

            pub struct Buffer;

            impl Buffer {
                /// # Safety
                /// Never call this.
                pub unsafe fn raw(&self) {}

                pub fn safe(&self) {}
            }
            """;

    static Git workspace(Path dir) throws Exception {
        return TestRepositories.create(dir, Map.of(
                "Cargo.toml", WORKSPACE_MANIFEST,
                "Cargo.lock", "version = 3\n",
                "crates/alpha/Cargo.toml", "[package]\nname = \"alpha\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "crates/alpha/src/lib.rs", ALPHA_LIB,
                "crates/beta/Cargo.toml", "[package]\nname = \"beta\"\nversion = \"0.2.0\"\nedition = \"2021\"\n",
                "crates/beta/src/lib.rs", BETA_LIB,
                "crates/ignored/Cargo.toml", "[package]\nname = \"ignored\"\nversion = \"0.1.0\"\n",
                "crates/ignored/src/lib.rs", "pub fn f() { unsafe {} }\n"));
    }

    public static long register(String url) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "repo-" + UUID.randomUUID(), "url", url, "branch", "main"))
                .when().post("/api/v1/repositories")
                .then().statusCode(201).header("Location", containsString("/api/v1/repositories/"))
                .extract().jsonPath().getLong("id");
    }

    public static long startScan(long repositoryId) {
        return given().when().post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).header("Location", containsString("/api/v1/scans/"))
                .body("status", equalTo("queued"))
                .extract().jsonPath().getLong("id");
    }

    /** The findings of a scan (the first 500, more than any fixture has), from the link its summary gives. */
    public static JsonPath findingsOf(JsonPath scan) {
        return given().queryParam("limit", 500).when().get(scan.getString("links.findings")).then().statusCode(200)
                .extract().jsonPath();
    }

    /** How a scan tracks each of its findings (new, unchanged), by fingerprint: what two scans can be compared by. */
    public static Map<String, String> trackingByFingerprint(JsonPath scan) {
        return findingsOf(scan).getMap("findings.collectEntries { [it.fingerprint, it.tracking] }", String.class,
                String.class);
    }

    /** Polls until the scan ends, which must be a success (the failure's error otherwise says why). */
    public static JsonPath awaitSuccess(long scanId) throws InterruptedException {
        JsonPath scan = awaitScan(scanId);
        assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
        return scan;
    }

    /** Polls until the scan ends; a scan that never ends fails the test. */
    public static JsonPath awaitScan(long scanId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath scan = given().when().get("/api/v1/scans/{id}", scanId).then().statusCode(200).extract().jsonPath();
            String status = scan.getString("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return scan;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan " + scanId + " did not end within 60 s");
    }

    @Test
    void scansATwoCrateWorkspaceWithExactUnsafeCounts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir)) {
            long repositoryId = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repositoryId));

            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            assertEquals(git.getRepository().resolve("HEAD").name(), scan.getString("commit"));
            try (RevWalk walk = new RevWalk(git.getRepository())) {
                Instant committed = walk.parseCommit(git.getRepository().resolve("HEAD"))
                        .getCommitterIdent().getWhenAsInstant();
                assertEquals(committed, OffsetDateTime.parse(scan.getString("committedAt")).toInstant());
            }
            assertEquals(2, scan.getList("crates").size());
            assertTrue(scan.getLong("durationMillis") >= 0);

            // alpha: three blocks outside tests (the one in #[cfg(test)] is counted apart), one
            // unsafe fn, one unsafe impl.
            assertEquals("alpha", scan.getString("crates[0].name"));
            assertEquals("crates/alpha", scan.getString("crates[0].path"));
            assertEquals(3, scan.getInt("crates[0].unsafeBlocks"));
            assertEquals(1, scan.getInt("crates[0].unsafeFunctions"));
            assertEquals(0, scan.getInt("crates[0].unsafeMethods"));
            assertEquals(1, scan.getInt("crates[0].unsafeImpls"));
            assertEquals(0, scan.getInt("crates[0].unsafeTraits"));
            assertEquals(1, scan.getInt("crates[0].metrics.unsafe_in_tests"));
            assertEquals(1, scan.getInt("crates[0].files"));

            // beta: one unsafe trait, one unsafe method.
            assertEquals("beta", scan.getString("crates[1].name"));
            assertEquals(0, scan.getInt("crates[1].unsafeBlocks"));
            assertEquals(0, scan.getInt("crates[1].unsafeFunctions"));
            assertEquals(1, scan.getInt("crates[1].unsafeMethods"));
            assertEquals(0, scan.getInt("crates[1].unsafeImpls"));
            assertEquals(1, scan.getInt("crates[1].unsafeTraits"));
            assertEquals("0.2.0", scan.getString("crates[1].version"));
        }
    }

    @Test
    void aRescanReusesTheResultsOfUnchangedFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir)) {
            long repositoryId = register(TestRepositories.url(git));
            JsonPath first = awaitScan(startScan(repositoryId));
            assertEquals(2, first.getInt("filesAnalyzed") + first.getInt("filesReused"));

            JsonPath unchanged = awaitScan(startScan(repositoryId));
            assertEquals("succeeded", unchanged.getString("status"));
            assertEquals(0, unchanged.getInt("filesAnalyzed"), "nothing is parsed again");
            assertEquals(2, unchanged.getInt("filesReused"));
            assertEquals(first.getInt("crates[0].unsafeBlocks"), unchanged.getInt("crates[0].unsafeBlocks"));
            assertEquals(trackingByFingerprint(first).keySet(), trackingByFingerprint(unchanged).keySet());

            // Compared, like the first scan, with what came before the commit: a rescan tells the same news.
            assertEquals(first.getInt("findingsNew"), unchanged.getInt("findingsNew"));
            assertEquals(trackingByFingerprint(first), trackingByFingerprint(unchanged));
            assertEquals(first.getString("previousScanId"), unchanged.getString("previousScanId"));
            assertEquals(List.of(unchanged.getLong("id"), first.getLong("id")), given()
                    .when().get("/api/v1/repositories/{id}/scans?limit=2", repositoryId)
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class));
            io.restassured.response.Response newest = given()
                    .when().get("/api/v1/repositories/{id}/scans?limit=1", repositoryId);
            assertEquals(List.of(unchanged.getLong("id")), newest.then().statusCode(200).extract().jsonPath()
                    .getList("id", Long.class));
            String next = newest.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
            assertEquals(List.of(first.getLong("id")), given().urlEncodingEnabled(false).when().get(next)
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class));
            given().when().get("/api/v1/repositories/{id}/scans?limit=0", repositoryId).then().statusCode(400)
                    .body("detail", containsString("limit"));
            assertEquals(0, unchanged.getInt("findingsFixed"));

            // Lines inserted above every finding, one unsafe block justified, one unwrap added.
            String edited = "// a header line\n// and another\n" + ALPHA_LIB
                    .replace("    let b = unsafe { *p.add(1) };", "    // SAFETY: p points to two bytes.\n    let b = unsafe { *p.add(1) };")
                    + "\npub fn added_" + UUID.randomUUID().toString().replace('-', '_')
                    + "(x: Option<u8>) -> u8 { x.unwrap() }\n";
            TestRepositories.commit(git, Map.of("crates/alpha/src/lib.rs", edited), "touch alpha");
            JsonPath changed = awaitScan(startScan(repositoryId));
            assertEquals(1, changed.getInt("filesAnalyzed"), "only the changed file is parsed");
            assertEquals(1, changed.getInt("filesReused"));
            assertEquals(3, changed.getInt("crates[0].unsafeBlocks"));
            assertEquals(unchanged.getLong("id"), changed.getLong("previousScanId"));
            JsonPath fixed = given().when().get(changed.getString("links.fixedFindings")).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("undocumented_unsafe_block"), fixed.getList("findings.checkId"));
            assertEquals(List.of("fixed"), fixed.getList("findings.tracking"));
            assertEquals(unchanged.getLong("id"), fixed.getLong("previousScanId"));
            List<Object> allSites = given().queryParam("limit", 500).when().get(changed.getString("links.unsafeSites"))
                    .then().statusCode(200).extract().jsonPath().getList("unsafeSites");
            assertTrue(allSites.size() > 2, allSites.toString());
            List<Object> paged = new ArrayList<>();
            String sitePage = changed.getString("links.unsafeSites") + "?limit=2";
            while (sitePage != null) {
                io.restassured.response.Response page = given().urlEncodingEnabled(false).when().get(sitePage);
                paged.addAll(page.then().statusCode(200).extract().jsonPath().getList("unsafeSites"));
                sitePage = page.header("Link") == null ? null : page.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
            }
            assertEquals(allSites, paged, "the pages hold every site once, in order");
            assertTrue(findingsOf(changed).getList("findings.findAll { it.tracking == 'new' }.checkId").contains("unwrap_used"));
            assertEquals("unchanged", findingsOf(changed).getString(
                    "findings.find { it.checkId == 'missing_safety_doc' || it.checkId == 'clippy_pedantic_disabled' }.tracking"));
        }
    }

    @Test
    void aScanCancelledWhileItFetchesEndsCancelledAndItsResultsAreNotStored(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (Git git = workspace(dir);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), LoopbackGitServer.Mode.HOLD)) {
            long repositoryId = register(server.url());
            long scanId = startScan(repositoryId);
            // The server holds the fetch: the scan is running, at a known point, when it is cancelled.
            assertTrue(server.awaitRequests(1, 30), "a worker is fetching the scan's commit");
            given().when().post("/api/v1/scans/{id}/cancel", scanId).then().statusCode(200);
            server.release();
            JsonPath cancelled = awaitScan(scanId);
            assertEquals("cancelled", cancelled.getString("status"));
            assertEquals("cancelled on request", cancelled.getString("error"));

            // The branch is free again; the next scan runs to its end, and the cancelled one stays as it was.
            JsonPath next = awaitScan(startScan(repositoryId));
            assertEquals("succeeded", next.getString("status"), next.getString("error"));
            JsonPath after = given().when().get("/api/v1/scans/{id}", scanId).then().statusCode(200).extract().jsonPath();
            assertEquals("cancelled", after.getString("status"));
            assertEquals(0, after.getList("crates").size(), "nothing the cancelled scan computed is stored");
            assertNull(next.get("previousScanId"), "a cancelled scan is no baseline");

            given().when().post("/api/v1/scans/{id}/cancel", scanId).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("already ended"));
            given().when().post("/api/v1/scans/{id}/cancel", 987654321).then().statusCode(404);
        }
    }

    @Test
    void aBrokenManifestFailsTheScanWithAMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package\nname = \"broken\"\n",
                "src/lib.rs", "pub fn f() {}\n"))) {
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("failed", scan.getString("status"));
            assertTrue(scan.getString("error").startsWith("Cargo.toml: invalid TOML"), scan.getString("error"));
            assertEquals(git.getRepository().resolve("HEAD").name(), scan.getString("commit"));
        }
    }

    @Test
    void aFileThatDoesNotParseIsRecordedAndTheRestIsCounted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"half\"\nversion = \"0.1.0\"\n",
                "src/lib.rs", "mod good;\nmod bad;\n",
                "src/good.rs", "pub fn g() { unsafe { core::hint::unreachable_unchecked() } }\n",
                "src/bad.rs", "pub fn b( {\n  unsafe { x() }\n"))) {
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("succeeded", scan.getString("status"));
            assertEquals(1, scan.getInt("crates[0].metrics.parse_errors"));
            assertTrue(scan.getInt("crates[0].unsafeBlocks") >= 1);
            assertEquals("src/bad.rs", findingsOf(scan).getString("findings.find { it.checkId == 'parse_error' }.path"));
        }
    }

    @Test
    void anUnreachableUrlFailsTheScanWithAMessage() throws Exception {
        long repositoryId = register("https://127.0.0.1:9/nobody/nothing.git");
        JsonPath scan = awaitScan(startScan(repositoryId));
        assertEquals("failed", scan.getString("status"));
        assertTrue(scan.getString("error").startsWith("cannot clone https://127.0.0.1:9/nobody/nothing.git"),
                scan.getString("error"));
    }

    @Test
    void scansARepositoryServedOverHttps(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir);
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), LoopbackGitServer.Mode.SERVE)) {
            JsonPath scan = awaitScan(startScan(register(server.url())));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            assertEquals(git.getRepository().resolve("HEAD").name(), scan.getString("commit"));
        }
    }

    @Test
    void aMissingBranchFailsTheScanWithAMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir)) {
            long repositoryId = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "repo-" + UUID.randomUUID(), "url", TestRepositories.url(git), "branch", "develop"))
                    .when().post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
            JsonPath scan = awaitScan(startScan(repositoryId));
            assertEquals("failed", scan.getString("status"));
            assertTrue(scan.getString("error").contains("develop"), scan.getString("error"));
            given().when().get("/repositories/{id}", repositoryId).then().statusCode(200)
                    .body(containsString("<span class=\"status status-failed\">failed</span><br><small class=\"scan-error\">"
                            + scan.getString("error").replace("'", "&#39;")));
        }
    }

    @Test
    void aSecondScanRequestReturnsTheOneAlreadyQueued(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir)) {
            long repositoryId = register(TestRepositories.url(git));
            long first = given().when().post("/api/v1/repositories/{id}/scans", repositoryId)
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            JsonPath second = given().when().post("/api/v1/repositories/{id}/scans", repositoryId)
                    .then().statusCode(202).extract().jsonPath();
            if (second.getString("status").equals("queued") || second.getString("status").equals("running")) {
                assertEquals(first, second.getLong("id"));
            }
            awaitScan(first);
            awaitScan(second.getLong("id"));
        }
    }

    @Test
    void theOverviewAndTheRepositoryPageShowTheScannedRepository(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = workspace(dir)) {
            String name = "page-" + UUID.randomUUID();
            long repositoryId = given().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "url", TestRepositories.url(git), "branch", "main"))
                    .when().post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
            awaitScan(startScan(repositoryId));
            String html = given().when().get("/").then().statusCode(200).contentType(ContentType.HTML)
                    .extract().asString();
            assertTrue(html.contains("<table class=\"overview\">"), "the overview table");
            int rowStart = html.indexOf("<tr id=\"repository-" + repositoryId + "\">");
            assertTrue(rowStart >= 0, "the repository's row");
            String row = html.substring(rowStart, html.indexOf("</tr>", rowStart));
            assertTrue(row.contains("<th scope=\"row\"><a href=\"/repositories/" + repositoryId + "\">" + name + "</a></th>"), row);
            assertTrue(row.contains("<span class=\"grade grade-"), "the grade: " + row);
            assertTrue(row.contains("<span class=\"status status-succeeded\""), "the last scan's status: " + row);
            assertTrue(Pattern.compile("<time datetime=\"\\d{4}-").matcher(row).find(), "the last scan's time: " + row);
            assertTrue(row.contains("<td>first scan</td>"),
                    "a first scan has nothing to be new against: " + row);
            assertTrue(row.contains(">passed</span>") || row.contains(">failed</span>"), "the gate status: " + row);
            given().when().get("/static/sortable-table.js").then().statusCode(200);
            String page = given().when().get("/repositories/{id}", repositoryId).then().statusCode(200)
                    .contentType(ContentType.HTML).extract().asString();
            assertTrue(Pattern.compile("<tr><th scope=\"row\"><a href=\"/crates/\\d+\">alpha</a></th><td><span class=\"grade grade-")
                    .matcher(page).find(), "alpha's row, linking its crate page");
            assertTrue(page.contains("Quality gate: <span"), "the gate verdict is shown");
            assertTrue(page.contains("data-trends=\"/api/v1/repositories/" + repositoryId + "/trends\""), "the trend chart");
            assertTrue(page.contains("<table data-sortable>"), "the sortable crates table");
            assertTrue(page.contains("<a href=\"/findings?repository=" + repositoryId + "&amp;check="), "findings by check link the browser");
            assertTrue(page.contains("No benchmark results yet") && page.contains("/repositories/" + repositoryId + "/benchmarks"),
                    "the benchmarks summary");
            assertTrue(page.contains("<td>3</td><td>1</td><td>0</td><td>1</td>"), "alpha's unsafe counts are shown");
            String afterScanNow = given().header(SameOrigin.header()).redirects().follow(false).when().post("/repositories/{id}/scan", repositoryId)
                    .then().statusCode(303).extract().header("Location");
            assertTrue(afterScanNow.contains("/repositories/" + repositoryId + "?message=Scan"), afterScanNow);
            given().header(SameOrigin.header()).contentType("application/x-www-form-urlencoded").formParam("last", "0").redirects().follow(false)
                    .when().post("/repositories/{id}/backfill", repositoryId).then().statusCode(303)
                    .header("Location", containsString("Backfill+failed"));
            given().when().get("/repositories/{id}", 999_999).then().statusCode(404);
            assertTrue(Files.exists(dir));
        }
    }

    @Test
    void registrationRejectsBadInputWithProblemDetails() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "url", "ssh://git@example.com/x.git"))
                .when().post("/api/v1/repositories")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("unsupported URL scheme 'ssh'"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "url", "http://example.com/x.git"))
                .when().post("/api/v1/repositories").then().statusCode(400).body("detail", containsString("'http'"));
        given().contentType(ContentType.JSON).body(Map.of("name", "metadata", "url", "https://169.254.169.254/latest"))
                .when().post("/api/v1/repositories").then().statusCode(400)
                .body("detail", equalTo("169.254.169.254 is a cloud metadata address, which rustlens does not connect to"
                        + " (an admin can allow its range with rustlens.outbound.allow)"));
        given().contentType(ContentType.JSON).body(Map.of("name", "bad name!", "url", "https://example.com/x.git"))
                .when().post("/api/v1/repositories").then().statusCode(400).body("detail", containsString("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "y", "url", "https://example.com/x.git", "branch", "a..b"))
                .when().post("/api/v1/repositories").then().statusCode(400).body("detail", containsString("branch"));
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/repositories").then().statusCode(400).body("detail", containsString("JSON"));
        given().when().post("/api/v1/repositories/{id}/scans", 987654321).then().statusCode(404)
                .body("detail", notNullValue());
        given().when().get("/api/v1/scans/{id}", 987654321).then().statusCode(404);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = "dup-" + UUID.randomUUID();
        Map<String, String> body = Map.of("name", name, "url", "https://example.com/x.git");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/repositories").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/repositories")
                .then().statusCode(409).body("detail", containsString(name));
        given().when().get("/api/v1/repositories").then().statusCode(200).body("name", hasItem(name));
    }

    @Test
    void twoCratesWithOnePackageNameAreToldApartByVersion(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "vendor/dup-0.1/Cargo.toml", "[package]\nname = \"dup\"\nversion = \"0.1.0\"\n",
                "vendor/dup-0.1/src/lib.rs", "pub fn old() {}\n",
                "vendor/dup-1.0/Cargo.toml", "[package]\nname = \"dup\"\nversion = \"1.0.0\"\n",
                "vendor/dup-1.0/src/lib.rs", "pub fn new() {}\n"))) {
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            assertEquals(List.of("dup", "dup@1.0.0"), scan.getList("crates.name"));
        }
    }
}
