package dev.rustlens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rustlens.auth.SecretAuthentication;
import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.ArchiveUploadTest;
import dev.rustlens.gitrepo.TestArchives;
import dev.rustlens.gitrepo.TestArchives.Entry;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.scan.ScanFlowTest;
import dev.rustlens.web.SameOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.api.Git;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input, surface by surface: repository URLs, source files, source archives, request
 * bodies and parameters, identities and page forms. Each refused case gets its status and a short
 * message that repeats at most a short prefix of the input and no server path, and leaves the
 * server answering and its data as they were.
 */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
class HostileInputTest {

    /** Longer than any message is: lists of valid values included, an answer never carries the input back. */
    private static final int MAX_DETAIL = 1_000;
    private static final String LONG = "x".repeat(100_000);
    /** Longer than a message may quote, short enough for a URL or a form field (longer ones get 413 or 414). */
    private static final String WIDE = "x".repeat(1_500);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "rustlens.work-dir")
    Path workDir;

    /** What must not change when a request is refused: the rows it could have written. */
    private record State(long repositories, long scans, long backfills, long tokens, long users) {
    }

    private State state() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select (select count(*) from repository), (select count(*) from scan), (select count(*) from backfill),
                           (select count(*) from api_token), (select count(*) from app_user)""").getSingleResult();
            return new State(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
        });
    }

    /**
     * Sends a refused request: its status, a detail (or page) containing {@code message}, short,
     * without server paths; afterwards nothing is stored and the server still answers.
     */
    private ValidatableResponse refused(RequestSpecification request, Function<RequestSpecification, Response> send,
            int status, String message) {
        State before = state();
        ValidatableResponse response = send.apply(request.redirects().follow(false)).then().statusCode(status);
        String body = response.extract().asString();
        assertTrue(body.contains(message), "expected '" + message + "' in " + body.substring(0, Math.min(500, body.length())));
        assertFalse(body.contains(workDir.toString()), "no server path in the answer: " + body);
        assertFalse(body.contains("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "no long echo of the input: " + body);
        if (response.extract().contentType().startsWith("application/problem+json")) {
            response.body("detail.length()", lessThan(MAX_DETAIL));
        }
        assertEquals(before, state(), "nothing was stored");
        given().get("/q/health/ready").then().statusCode(200);
        return response;
    }

    private static String adminSession() {
        return given().auth().none().header(SameOrigin.header()).redirects().follow(false).formParam("username", "admin")
                .formParam("password", "test-admin-password").post("/login").then().statusCode(303)
                .extract().cookie(SecretAuthentication.SESSION_COOKIE);
    }

    private ValidatableResponse register(Map<String, Object> body, int status, String message) {
        return refused(given().contentType(ContentType.JSON).body(body), request -> request.post("/api/v1/repositories"),
                status, message);
    }

    @Nested
    class RepositoryUrls {

        @Test
        void schemesOtherThanHttpsAndFileAreRefused() {
            for (String url : List.of("ssh://git@example.com/x.git", "git://example.com/x.git", "http://example.com/x",
                    "ftp://example.com/x", "jar:file:/x!/", LONG + "://x")) {
                register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", url), 400, "unsupported URL scheme");
            }
            register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", "ext::sh -c touch% /tmp/pwned"), 400,
                    "url is not a valid URL");
        }

        @Test
        void internalAddressesAreRefusedBeforeAnythingIsStored() {
            for (String url : List.of("https://10.0.0.1/x.git", "https://169.254.169.254/latest/meta-data/",
                    "https://[::ffff:192.168.0.1]/x.git", "https://[fd00::1]/x.git", "https://0.0.0.0/x.git",
                    "https://224.0.0.1/x.git", "https://[64:ff9b::a00:1]/x.git", "https://100.64.0.1/x.git")) {
                register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", url), 400,
                        "which rustlens does not connect to (an admin can allow its range with rustlens.outbound.allow)");
            }
        }

        @Test
        void aFileUrlOutsideTheRootsGetsOneAnswerWhetherThePathExistsOrNot() throws Exception {
            Files.createDirectories(workDir.resolve("repos"));
            for (String url : List.of("file:///etc/", "file:///no/such/directory/" + UUID.randomUUID(),
                    workDir.resolve("repos").toUri().toString(), "file:///tmp/../etc/")) {
                register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", url), 400,
                        "file:// URLs may only name a git repository under the directories this server allows");
            }
        }

        @Test
        void credentialsInTheUrlAndHugeUrlsAreRefusedShortly() {
            register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", "https://user:secret@example.com/x.git"), 400,
                    "url must not carry credentials").body(not(containsString("secret")));
            register(Map.of("name", "hostile-" + UUID.randomUUID(), "url", "https://example.com/" + LONG + " x"), 400,
                    "url is not a valid URL");
        }
    }

    @Nested
    class SourceFiles {

        @Test
        void bidiControlsAndMegabyteLinesAreShownEscapedAndCutInPagesAndExports(@TempDir Path dir) throws Exception {
            String trojan = "pub fn f(x: Option<u8>) -> u8 { x.unwrap() } // \u202E } \u2066 hidden \u2069\n";
            String generated = "pub const TABLE: &str = \"" + "y".repeat(3_000_000) + "\"; pub fn g(x: Option<u8>) -> u8"
                    + " { x.unwrap() }\n";
            try (Git git = TestRepositories.create(dir, Map.of(
                    "Cargo.toml", "[package]\nname = \"trojan\"\nversion = \"0.1.0\"\n",
                    "src/lib.rs", "mod generated;\n" + trojan,
                    "src/generated.rs", generated))) {
                JsonPath scan = ScanFlowTest.awaitScan(ScanFlowTest.startScan(ScanFlowTest.register(TestRepositories.url(git))));
                assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
                long repositoryId = scan.getLong("repositoryId");

                String page = given().get("/findings?repository={id}&check=unwrap_used", repositoryId).then()
                        .statusCode(200).extract().asString();
                assertTrue(page.contains("\\u{202E} } \\u{2066} hidden \\u{2069}"), "the controls are written out");
                assertFalse(page.contains("\u202E") || page.contains("\u2066"), "no raw control reaches the page");
                assertTrue(page.length() < 200_000, "the 3 MB line is cut: the page has " + page.length() + " characters");
                assertTrue(page.contains("…yyyy") && page.contains("x.unwrap() }"), "the cut keeps the finding in view");

                String csv = given().get("/api/v1/scans/{id}/findings.csv", scan.getLong("id")).then().statusCode(200)
                        .extract().asString();
                assertFalse(csv.contains("\u202E"), csv);
                String sarif = given().get("/api/v1/scans/{id}/findings.sarif", scan.getLong("id")).then().statusCode(200)
                        .extract().asString();
                assertFalse(sarif.contains("\u202E"), "no raw control in SARIF");
            }
        }

        @Test
        void sarifUrisArePercentEncoded(@TempDir Path dir) throws Exception {
            try (Git git = TestRepositories.create(dir, Map.of(
                    "Cargo.toml", "[package]\nname = \"odd-paths\"\nversion = \"0.1.0\"\n",
                    "src/lib.rs", "pub fn f(x: Option<u8>) -> u8 { x.unwrap() }\n#[path = \"we?ird #1%.rs\"]\nmod weird;\n",
                    "src/we?ird #1%.rs", "pub fn g(x: Option<u8>) -> u8 { x.unwrap() }\n"))) {
                JsonPath scan = ScanFlowTest.awaitScan(ScanFlowTest.startScan(ScanFlowTest.register(TestRepositories.url(git))));
                List<String> uris = given().get("/api/v1/scans/{id}/findings.sarif", scan.getLong("id")).then()
                        .statusCode(200).extract().jsonPath()
                        .getList("runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri }", String.class);
                assertTrue(uris.contains("src/we%3Fird%20%231%25.rs"), uris.toString());
            }
        }
    }

    @Nested
    class SourceArchives {

        private long repository() {
            return ArchiveUploadTest.registerArchiveRepository();
        }

        private ValidatableResponse upload(long id, byte[] archive, int status, String message) {
            ValidatableResponse response = refused(given().contentType("application/gzip").body(archive),
                    request -> request.post("/api/v1/repositories/{id}/archives", id), status, message);
            try (Stream<Path> left = Files.exists(workDir.resolve("archives/" + id))
                    ? Files.list(workDir.resolve("archives/" + id)) : Stream.empty()) {
                assertEquals(0, left.count(), "nothing half-unpacked is left");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return response;
        }

        @Test
        void aBrokenArchiveIsRefusedWithoutItsBytesOrServerPaths() throws Exception {
            long id = repository();
            upload(id, ("\u001f\u008b" + LONG).getBytes(StandardCharsets.ISO_8859_1), 400,
                    "not a readable gzip-compressed tar archive");
            upload(id, LONG.getBytes(StandardCharsets.UTF_8), 400, "not a readable gzip-compressed tar archive");
            upload(id, TestArchives.tarGz(List.of()), 400, "the archive holds no files");
        }

        @Test
        void entriesLeavingTheUploadOrWithHugeNamesAndHeadersAreRefusedShortly() throws Exception {
            long id = repository();
            upload(id, TestArchives.tarGz(List.of(Entry.file("../../etc/cron.d/x", "* * * * * root sh"))), 400,
                    "points outside the archive");
            upload(id, TestArchives.tarGz(List.of(Entry.file("/etc/passwd", "root"))), 400, "has an absolute or unsafe path");
            upload(id, TestArchives.tarGz(List.of(Entry.file("a/" + "n".repeat(50_000) + "/../../../../x", "x"))), 400,
                    "points outside the archive");
            upload(id, withPaxHeader("mtime", LONG), 400, "not a readable gzip-compressed tar archive");
            upload(id, withPaxHeader("size", LONG), 400, "not a readable gzip-compressed tar archive");
        }

        @Test
        void aFullDiskIsTheServersTroubleNotTheArchives() throws Exception {
            long id = repository();
            Path uploads = Files.createDirectories(workDir.resolve("archives/" + id));
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "rustlens-test-full",
                    uploads.toString()).redirectErrorStream(true).start();
            assumeTrue(mount.waitFor() == 0, "a small full disk is a tmpfs, which only root may mount here");
            try {
                upload(id, TestArchives.tarGz(List.of(Entry.file("crate/src/lib.rs", "// filler\n".repeat(50_000)))), 507,
                        "this server's disk is full");
            } finally {
                new ProcessBuilder("umount", uploads.toString()).start().waitFor();
            }
        }

        /** A tar whose one file comes after a PAX extended header setting {@code key} to {@code value}. */
        private static byte[] withPaxHeader(String key, String value) throws Exception {
            String body = " " + key + "=" + value + "\n";
            int length = body.length();
            String record = length + body;
            while (record.length() != length) { // the length counts its own digits
                length = record.length();
                record = length + body;
            }
            return TestArchives.tarGz(List.of(new Entry("PaxHeaders/src/lib.rs", record.getBytes(StandardCharsets.UTF_8),
                    TarConstants.LF_PAX_EXTENDED_HEADER_LC, null), Entry.file("src/lib.rs", "x")));
        }
    }

    @Nested
    class RequestBodiesAndParameters {

        @Test
        void aNulCharacterInABodyOrAParameterIsA400() {
            refused(given().contentType(ContentType.JSON).body("{\"name\": \"a\\u0000b\", \"role\": \"viewer\"}"),
                    request -> request.post("/api/v1/tokens"), 400, "text must not contain the NUL character");
            refused(given().queryParam("q", "a\u0000b"), request -> request.get("/api/v1/repositories"), 400,
                    "text must not contain the NUL character");
            refused(given().contentType(ContentType.JSON).body("{\"name\": \"n\", \"url\": \"https://example.com/\\u0000\"}"),
                    request -> request.post("/api/v1/repositories"), 400, "text must not contain the NUL character");
        }

        @Test
        void malformedJsonAndWrongTypesAreRefusedWithoutEchoingTheBody() {
            refused(given().contentType(ContentType.JSON).body("{\"name\": " + LONG), request -> request.post("/api/v1/repositories"),
                    400, "the request body is not valid JSON");
            refused(given().contentType(ContentType.JSON).body("{\"name\": " + "[".repeat(5_000)),
                    request -> request.post("/api/v1/repositories"), 400, "the request body is not valid JSON");
            refused(given().contentType(ContentType.JSON).body(Map.of("last", LONG)),
                    request -> request.post("/api/v1/repositories/1/backfill"), 400, "the request body is not valid JSON");
        }

        @Test
        void badParametersAreEchoedAsAShortPrefixAtMost() {
            refused(given().queryParam("kind", WIDE), request -> request.get("/api/v1/repositories"), 400,
                    "kind must be git or archive, not 'xxxx");
            refused(given().queryParam("limit", WIDE), request -> request.get("/api/v1/repositories"), 400,
                    "a path, query or form parameter has the wrong form");
            long repositoryId = ArchiveUploadTest.registerArchiveRepository();
            refused(given().queryParam("metric", WIDE), request -> request.get("/api/v1/repositories/{id}/trends",
                    repositoryId), 400, "metric must be one of");
            refused(given().queryParam("check", WIDE), request -> request.get("/findings"), 400,
                    "There is no check &#39;xxxx");
        }
    }

    @Nested
    class Identities {

        @Test
        void madeUpOrMalformedCredentialsAreRefused() {
            for (String token : List.of("rlt_made-up", "rlt_" + LONG.substring(0, 4_000), "'; drop table api_token; --")) {
                refused(given().auth().oauth2(token), request -> request.get("/api/v1/users/me"), 401,
                        "the API token is not valid");
            }
            refused(given().auth().none().cookie(SecretAuthentication.SESSION_COOKIE, "rls_" + LONG.substring(0, 2_000)),
                    request -> request.get("/api/v1/users/me"), 401, "the session has expired");
        }

        @Test
        void aHugeUserNameInTheSignInFormIsShownBackAsAPrefix() {
            refused(given().auth().none().header(SameOrigin.header()).formParam("username", WIDE)
                    .formParam("password", "whatever it is"), request -> request.post("/login"), 401,
                    "The user name or the password is wrong.");
        }
    }

    @Nested
    class PageForms {

        @Test
        void formsFromAnotherOriginAreRefusedAndChangeNothing() {
            for (Map<String, String> headers : List.of(Map.of("Origin", "https://evil.example"),
                    Map.of("Origin", "null"), Map.of("Referer", "https://evil.example/page"), Map.<String, String>of())) {
                refused(given().auth().none().headers(headers).formParam("name", "forged").formParam("role", "admin"),
                        request -> request.post("/admin/tokens"), 403, "cross-site request refused");
                refused(given().auth().none().headers(headers).formParam("username", "admin")
                        .formParam("password", "test-admin-password"), request -> request.post("/login"), 403,
                        "cross-site request refused").header("Set-Cookie", equalTo(null));
            }
        }

        @Test
        void aSignedInBrowsersApiWriteFromAnotherOriginIsRefusedAScriptsIsNot() {
            String session = adminSession();
            refused(given().auth().none().header("Origin", "https://evil.example")
                    .cookie(SecretAuthentication.SESSION_COOKIE, session).contentType(ContentType.JSON)
                    .body(Map.of("name", "forged", "role", "admin")), request -> request.post("/api/v1/tokens"), 403,
                    "cross-site request refused");
            given().contentType(ContentType.JSON).body(Map.of("name", "script-" + UUID.randomUUID(), "role", "viewer"))
                    .post("/api/v1/tokens").then().statusCode(201);
        }

        @Test
        void aFormWithANulCharacterOrAHugeValueIsRefusedShortly() {
            String session = adminSession();
            refused(given().auth().none().header(SameOrigin.header()).cookie(SecretAuthentication.SESSION_COOKIE, session)
                    .formParam("name", "a\u0000b").formParam("role", "viewer"),
                    request -> request.post("/admin/tokens"), 400, "text must not contain the NUL character");
            refused(given().auth().none().header(SameOrigin.header()).cookie(SecretAuthentication.SESSION_COOKIE, session)
                    .formParam("name", "x").formParam("role", WIDE),
                    request -> request.post("/admin/tokens"), 400, "unknown role &#39;xxxx");
        }
    }
}
