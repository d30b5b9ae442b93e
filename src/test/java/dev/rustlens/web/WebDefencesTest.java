package dev.rustlens.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.auth.SecretAuthentication;
import dev.rustlens.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms and cookie-borne API calls from another origin are refused; every answer carries the
 * security headers, and no page has an inline script for the Content-Security-Policy to allow.
 */
@QuarkusTest
class WebDefencesTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\"");

    private String session;

    @BeforeEach
    void signInAsAdmin() {
        session = given().header(SameOrigin.header()).redirects().follow(false).formParam("username", "admin")
                .formParam("password", "test-admin-password").post("/login").then().statusCode(303)
                .extract().cookie(SecretAuthentication.SESSION_COOKIE);
    }

    private static int tokenCount() {
        return given().auth().oauth2(TestTokens.ADMIN).get("/api/v1/tokens").then().extract().jsonPath()
                .getList("id").size();
    }

    @Test
    void aFormPostedFromAnotherOriginChangesNothing() {
        int before = tokenCount();
        for (Map<String, String> headers : List.of(Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "http://localhost.evil.example"), Map.of("Origin", "null"),
                Map.of("Referer", "https://evil.example/page"), Map.<String, String>of())) {
            given().headers(headers).cookie(SecretAuthentication.SESSION_COOKIE, session)
                    .formParam("name", "forged-" + UUID.randomUUID()).formParam("role", "admin")
                    .post("/admin/tokens").then().statusCode(403).contentType(ContentType.HTML)
                    .body(containsString("cross-site request refused"));
        }
        assertEquals(before, tokenCount(), "no token was created");
        given().header(SameOrigin.header()).cookie(SecretAuthentication.SESSION_COOKIE, session)
                .formParam("name", "same-origin-" + UUID.randomUUID()).formParam("role", "viewer")
                .post("/admin/tokens").then().statusCode(200);
        assertEquals(before + 1, tokenCount());
    }

    @Test
    void aSignInFormFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example").redirects().follow(false).formParam("username", "admin")
                .formParam("password", "test-admin-password").post("/login").then().statusCode(403)
                .header("Set-Cookie", equalTo(null));
    }

    @Test
    void anApiCallCarryingTheSessionCookieMustComeFromThisOriginButScriptsWithTokensNeedNone() {
        Map<String, String> token = Map.of("name", "cookie-" + UUID.randomUUID(), "role", "viewer");
        given().header("Origin", "https://evil.example").cookie(SecretAuthentication.SESSION_COOKIE, session)
                .contentType(ContentType.JSON).body(token).post("/api/v1/tokens").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("cross-site request refused"));
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON).body(token).post("/api/v1/tokens")
                .then().statusCode(201);
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
