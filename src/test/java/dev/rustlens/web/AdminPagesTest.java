package dev.rustlens.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.auth.AccessService;
import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository forms, the quality gate form and the administration of users and tokens. */
@QuarkusTest
class AdminPagesTest {

    @Inject
    AccessService access;

    /** A git repository in {@code dir}, which a file:// URL may name. */
    private static void gitRepository(Path dir) throws Exception {
        TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n")).close();
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void aRejectedRepositoryFormKeepsTheValuesAndMarksEachBadField() {
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        given().header(SameOrigin.header()).redirects().follow(false).formParam("name", name).formParam("url", "not a url")
                .formParam("branch", "main").formParam("schedule", "every night").formParam("coreModules", "raw, bad-module")
                .formParam("username", "bot").formParam("token", "s3cret-token")
                .post("/admin/repositories").then().statusCode(400).contentType("text/html")
                .body(containsString("id=\"url\" name=\"url\" type=\"url\" value=\"not a url\""))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("aria-describedby=\"url-error url-hint\""))
                .body(containsString("<span class=\"field-error\" id=\"url-error\">url is not a valid URL"))
                .body(containsString("id=\"schedule-error\">cron is not a valid Quartz cron expression"))
                .body(containsString("id=\"coreModules-error\">core module &#39;bad-module&#39; is not a module path"))
                .body(containsString("value=\"" + name + "\""))
                .body(not(containsString("s3cret-token")));
        given().get("/api/v1/repositories").then().body("name", not(hasItem(name)));
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void aRepositoryIsAddedAndEditedThroughTheForms(@TempDir Path dir) throws Exception {
        gitRepository(dir);
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = given().header(SameOrigin.header()).redirects().follow(false).formParam("name", name)
                .formParam("url", dir.toUri().toString()).formParam("branch", "main")
                .formParam("username", "bot").formParam("token", "s3cret-token")
                .formParam("schedule", "0 0 3 * * ?").formParam("coreModules", "raw::ffi\ncrate::sys")
                .post("/admin/repositories");
        created.then().statusCode(303).header("Location", containsString("/repositories/"));
        Matcher id = Pattern.compile("/repositories/(\\d+)").matcher(created.header("Location"));
        assertTrue(id.find());
        long repositoryId = Long.parseLong(id.group(1));
        given().get("/api/v1/repositories/{id}", repositoryId).then().statusCode(200)
                .body("hasCredentials", equalTo(true), "schedule", equalTo("0 0 3 * * ?"),
                        "coreModules", equalTo(List.of("raw::ffi", "crate::sys")));

        given().get("/repositories/{id}/settings", repositoryId).then().statusCode(200)
                .body(containsString(">raw::ffi, crate::sys</textarea>"))
                .body(containsString("Credentials are stored (never shown)"))
                .body(not(containsString("s3cret-token")), not(containsString("value=\"bot\"")));

        // Pausing keeps the cron; the settings page says so and offers to resume.
        given().header(SameOrigin.header()).redirects().follow(false)
                .post("/repositories/{id}/schedule/pause", repositoryId).then().statusCode(303);
        given().get("/api/v1/repositories/{id}", repositoryId).then()
                .body("schedule", equalTo("0 0 3 * * ?"), "schedulePausedAt", not(equalTo(null)));
        given().get("/repositories/{id}/settings", repositoryId).then().statusCode(200)
                .body(containsString("is <strong>paused</strong>"), containsString(">Resume schedule</button>"));
        given().header(SameOrigin.header()).redirects().follow(false)
                .post("/repositories/{id}/schedule/resume", repositoryId).then().statusCode(303);
        given().get("/repositories/{id}/settings", repositoryId).then().statusCode(200)
                .body(containsString(">Pause schedule</button>"));

        given().header(SameOrigin.header()).redirects().follow(false).formParam("name", name)
                .formParam("url", dir.toUri().toString())
                .formParam("branch", "develop").formParam("schedule", "").formParam("coreModules", "")
                .formParam("removeCredentials", "true")
                .post("/repositories/{id}/settings", repositoryId).then().statusCode(303);
        given().get("/api/v1/repositories/{id}", repositoryId).then()
                .body("branch", equalTo("develop"), "hasCredentials", equalTo(false), "schedule", equalTo(null),
                        "coreModules", equalTo(List.of()));
        given().header(SameOrigin.header()).redirects().follow(false)
                .post("/repositories/{id}/schedule/pause", repositoryId).then().statusCode(400)
                .contentType("text/html").body(containsString("has no schedule to pause or resume"));
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void theGateFormSavesConditionsAndShowsRejections(@TempDir Path dir) throws Exception {
        gitRepository(dir);
        String name = "gate-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = given().header(SameOrigin.header()).redirects().follow(false).formParam("name", name)
                .formParam("url", dir.toUri().toString()).post("/admin/repositories");
        Matcher id = Pattern.compile("/repositories/(\\d+)").matcher(created.header("Location"));
        assertTrue(id.find());
        long repositoryId = Long.parseLong(id.group(1));
        given().get("/repositories/{id}/gate", repositoryId).then().statusCode(200)
                .body(containsString("uses the default gate"));

        given().header(SameOrigin.header()).redirects().follow(false)
                .formParam("type", "min_grade", "max_new_findings", "")
                .formParam("check", "", "", "")
                .formParam("severity", "", "MAJOR", "")
                .formParam("max", "", "3", "")
                .formParam("grade", "B", "", "")
                .formParam("baseline", "previous_scan").formParam("baselineValue", "")
                .post("/repositories/{id}/gate", repositoryId).then().statusCode(303);
        given().get("/api/v1/repositories/{id}/gate", repositoryId).then()
                .body("conditions.type", equalTo(List.of("min_grade", "max_new_findings")))
                .body("conditions[1].max", equalTo(3), "isDefault", equalTo(false));

        given().header(SameOrigin.header()).formParam("type", "no_new_findings").formParam("check", "no_such_check").formParam("severity", "")
                .formParam("max", "").formParam("grade", "").formParam("baseline", "previous_scan")
                .post("/repositories/{id}/gate", repositoryId).then().statusCode(400)
                .body(containsString("role=\"alert\" id=\"gate-error\">no_new_findings needs"))
                .body(containsString("<option value=\"no_new_findings\" selected>"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
    void anAdminCreatesATokenShownOnceAndDeletesIt() {
        String name = "page-token-" + UUID.randomUUID().toString().substring(0, 8);
        String page = given().header(SameOrigin.header()).formParam("name", name).formParam("role", "maintainer").post("/admin/tokens")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("shown only this once and cannot be shown again")).extract().asString();
        Matcher secret = Pattern.compile("<pre id=\"token-secret\">(rlt_[^<]+)</pre>").matcher(page);
        assertTrue(secret.find(), page);
        // @TestSecurity stands in for whatever credential a request sends, so the token is checked directly;
        // what it does is recorded under its owner's name.
        assertEquals(Optional.of(new AccessService.Principal("token:" + name, Role.maintainer, "admin")),
                access.byToken(secret.group(1)));

        String admin = given().get("/admin").then().statusCode(200).body(containsString(name)).extract().asString();
        assertFalse(admin.contains(secret.group(1)), "the list never shows a secret");
        Matcher delete = Pattern.compile("action=\"/admin/tokens/(\\d+)/delete\"><button type=\"submit\" aria-label=\"Delete token "
                + Pattern.quote(name)).matcher(admin);
        assertTrue(delete.find(), admin);
        given().header(SameOrigin.header()).redirects().follow(false).post("/admin/tokens/{id}/delete", delete.group(1)).then().statusCode(303);
        assertEquals(Optional.empty(), access.byToken(secret.group(1)));

        given().header(SameOrigin.header()).formParam("name", "").formParam("role", "viewer").post("/admin/tokens").then().statusCode(400)
                .body(containsString("id=\"token-error\">token name is required"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
    void anAdminCreatesUsers() {
        String username = "page-user-" + UUID.randomUUID().toString().substring(0, 8);
        given().header(SameOrigin.header()).formParam("username", username).formParam("password", "short").formParam("role", "viewer")
                .post("/admin/users").then().statusCode(400)
                .body(containsString("password must have at least 10 characters"), containsString("value=\"" + username + "\""));
        given().header(SameOrigin.header()).redirects().follow(false).formParam("username", username).formParam("password", "long enough password")
                .formParam("role", "maintainer").post("/admin/users").then().statusCode(303);
        String page = given().get("/admin").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<th scope=\"row\">" + username + "</th><td class=\"text\">maintainer</td>"), page);
        given().header(SameOrigin.header()).formParam("username", "admin").formParam("password", "long enough password").formParam("role", "viewer")
                .post("/admin/users").then().statusCode(409).body(containsString("exists already"));
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void administrationIsForAdmins() {
        given().redirects().follow(false).get("/admin").then().statusCode(403);
        given().header(SameOrigin.header()).redirects().follow(false).formParam("name", "x").formParam("role", "viewer").post("/admin/tokens")
                .then().statusCode(403);
    }
}
