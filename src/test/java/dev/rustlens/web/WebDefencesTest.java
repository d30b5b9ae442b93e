package dev.rustlens.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.auth.SecretAuthentication;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

    private String session;

    @BeforeEach
    void signInAsAdmin() {
        session = given().header(SameOrigin.header()).redirects().follow(false).formParam("username", "admin")
                .formParam("password", "test-admin-password").post("/login").then().statusCode(303)
                .extract().cookie(SecretAuthentication.SESSION_COOKIE);
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
