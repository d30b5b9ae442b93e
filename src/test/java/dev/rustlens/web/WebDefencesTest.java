package dev.rustlens.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.auth.SecretAuthentication;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries the security headers, and no page has an inline script for the
 * Content-Security-Policy to allow (forms from another origin are in HostileInputTest).
 */
@QuarkusTest
class WebDefencesTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\"");

    @TestHTTPResource("/login")
    URI login;

    private String session;

    @BeforeEach
    void signInAsAdmin() {
        session = given().header(SameOrigin.header()).redirects().follow(false).formParam("username", "admin")
                .formParam("password", "test-admin-password").post("/login").then().statusCode(303)
                .extract().cookie(SecretAuthentication.SESSION_COOKIE);
    }

    @Test
    void aSameOriginFormSentOverHttp2IsAccepted() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            // The first request upgrades the connection to HTTP/2 (h2c), whose requests have no Host header.
            HttpResponse<Void> upgraded = client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(HttpClient.Version.HTTP_2, upgraded.version());
            HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://" + login.getAuthority())
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody-over-h2&password=guess")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, signIn.version());
            assertEquals(401, signIn.statusCode(), "checked like any sign-in, not refused as cross-site");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/login", "/checks", "/api/v1/repositories", "/static/rustlens.css",
                "/no/such/page")) {
            Response response = given().get(path);
            response.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        }
    }

    @Test
    void noPageHasAnInlineScriptOrEventHandler() {
        for (String path : List.of("/", "/login", "/checks", "/findings", "/admin", "/admin/repositories/new")) {
            String page = given().cookie(SecretAuthentication.SESSION_COOKIE, session).get(path).then().statusCode(200)
                    .extract().asString();
            assertFalse(INLINE_SCRIPT.matcher(page).find(), path + " has an inline script");
        }
    }
}
