package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhooks page: add (the secret once), a rejected form, deliveries with their errors, redeliver, delete. */
@QuarkusTest
@TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
class WebhookPagesTest {

    /** Nothing listens on port 9 (discard) here: every attempt fails with a connection error. */
    private static final String NOBODY = "https://127.0.0.1:9/hook";

    @Test
    void aWebhookIsAddedShownWithItsDeliveriesRedeliveredAndDeleted(@TempDir Path dir) throws Exception {
        long repositoryId;
        try (Git git = TestRepositories.create(dir, Map.of("Cargo.toml", "[package\n", "src/lib.rs", "pub fn f() {}\n"))) {
            repositoryId = register(TestRepositories.url(git));
        }
        String page = "/repositories/" + repositoryId + "/webhooks";
        given().get("/repositories/{id}/settings", repositoryId).then().statusCode(200).body(containsString(page));

        given().header(SameOrigin.header()).formParam("url", "http://example.com/hook").formParam("events", "scan_failed")
                .post(page).then().statusCode(400).contentType("text/html")
                .body(containsString("must start with https://")).body(containsString("value=\"http://example.com/hook\""));
        given().formParam("url", NOBODY).formParam("events", "scan_failed").post(page).then().statusCode(403);

        String created = given().header(SameOrigin.header()).formParam("url", NOBODY).formParam("events", "scan_failed")
                .post(page).then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        Matcher secret = Pattern.compile("<pre id=\"webhook-secret\">(rlwh_[0-9a-f]{64})</pre>").matcher(created);
        assertTrue(secret.find(), created);
        given().get(page).then().statusCode(200).body(containsString(NOBODY)).body(containsString("No deliveries yet"))
                .body(not(containsString(secret.group(1))));

        long scanId = startScan(repositoryId);
        assertEquals("failed", awaitScan(scanId).getString("status"));
        long hookId = given().get("/api/v1/repositories/{id}/webhooks", repositoryId).then().extract().jsonPath()
                .getLong("[0].id");
        long deliveryId = awaitFailed(repositoryId, hookId);
        given().get(page).then().statusCode(200).body(containsString("scan_failed"))
                .body(containsString("cannot deliver: Connection refused"))
                .body(containsString(page + "/" + hookId + "/deliveries/" + deliveryId + "/redeliver"));

        given().header(SameOrigin.header()).redirects().follow(false)
                .post(page + "/" + hookId + "/deliveries/" + deliveryId + "/redeliver")
                .then().statusCode(303).header("Location", containsString("is+queued+again"));
        given().get(page).then().body(containsString("again of " + deliveryId));

        // Paused from the page: a new failed scan queues no delivery; resumed over the API.
        given().header(SameOrigin.header()).formParam("active", "false").redirects().follow(false)
                .post(page + "/" + hookId + "/active").then().statusCode(303).header("Location", containsString("paused"));
        given().get(page).then().body(containsString("<strong>paused</strong>")).body(containsString("Resume webhook"));
        int deliveriesBefore = given().get("/api/v1/repositories/{id}/webhooks/{hookId}/deliveries", repositoryId, hookId)
                .then().extract().jsonPath().getList("id").size();
        assertEquals("failed", awaitScan(startScan(repositoryId)).getString("status"));
        assertEquals(deliveriesBefore, given().get("/api/v1/repositories/{id}/webhooks/{hookId}/deliveries", repositoryId,
                hookId).then().extract().jsonPath().getList("id").size(), "a paused webhook is told of nothing new");
        given().contentType("application/json").body("{}")
                .patch("/api/v1/repositories/{id}/webhooks/{hookId}", repositoryId, hookId)
                .then().statusCode(400).body("detail", containsString("\"active\": true|false"));
        given().contentType("application/json").body("{\"active\": true}")
                .patch("/api/v1/repositories/{id}/webhooks/{hookId}", repositoryId, hookId)
                .then().statusCode(200).body("active", equalTo(true));

        given().header(SameOrigin.header()).redirects().follow(false).post(page + "/" + hookId + "/delete")
                .then().statusCode(303);
        given().get(page).then().statusCode(200).body(containsString("No webhooks yet"));
        given().header(SameOrigin.header()).post(page + "/" + hookId + "/delete").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void maintainersCannotSeeWebhooks() {
        given().get("/repositories/{id}/webhooks", 1).then().statusCode(403);
    }

    /** Polls until the webhook's only delivery has failed for good; returns its id. */
    private static long awaitFailed(long repositoryId, long hookId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath deliveries = given().get("/api/v1/repositories/{id}/webhooks/{hookId}/deliveries", repositoryId,
                    hookId).then().statusCode(200).extract().jsonPath();
            if ("failed".equals(deliveries.getString("[0].status"))) {
                return deliveries.getLong("[0].id");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the delivery did not fail for good within 30 s");
    }
}
