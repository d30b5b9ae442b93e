package dev.rustlens.notify;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks end to end: real events (a failed scan, gate verdicts, a benchmark alert) delivered
 * over HTTPS to local receivers, signed, retried, redelivered; a receiver that hangs holds back
 * no other; bad URLs and refused addresses are clear errors.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.HangingLonger.class)
@TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
class WebhookDeliveryTest {

    /**
     * A read timeout of 4 s, not the tests' 2 s: a hanging receiver then holds its attempt long
     * enough for a redelivery to another receiver to be polled (once a second) and sent while it
     * waits. With 2 s the two raced, and the test failed when the redelivery came late.
     */
    public static class HangingLonger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rustlens.outbound.read-timeout", "4s");
        }
    }

    private static final String HOOKS = "/api/v1/repositories/{id}/webhooks";
    private static final String DELIVERIES = HOOKS + "/{hookId}/deliveries";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Inject
    EntityManager entityManager;

    /** A registered repository whose scans fail: its manifest is broken. */
    private long failingRepository() throws Exception {
        try (Git git = TestRepositories.create(dir.resolve(UUID.randomUUID().toString()),
                Map.of("Cargo.toml", "[package\nname = \"broken\"\n", "src/lib.rs", "pub fn f() {}\n"))) {
            return register(TestRepositories.url(git));
        }
    }

    private static long failScan(long repositoryId) throws InterruptedException {
        long scanId = startScan(repositoryId);
        assertEquals("failed", awaitScan(scanId).getString("status"));
        return scanId;
    }

    /** Registers a webhook; the answer carries its id and secret. */
    private static JsonPath webhook(long repositoryId, String url, String... events) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of(events)))
                .when().post(HOOKS, repositoryId).then().statusCode(201)
                .header("Location", containsString("/webhooks/")).header("Cache-Control", "no-store")
                .body("secret", containsString("rlwh_")).extract().jsonPath();
    }

    private static JsonPath deliveries(long repositoryId, long hookId) {
        return given().when().get(DELIVERIES, repositoryId, hookId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls a webhook's delivery until it matches; fails the test at the deadline. */
    private static JsonPath awaitDelivery(long repositoryId, long hookId, long deliveryId, Predicate<JsonPath> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            JsonPath all = deliveries(repositoryId, hookId);
            JsonPath delivery = JsonPath.from(all.prettify()).setRootPath("find { it.id == " + deliveryId + " }");
            if (done.test(delivery)) {
                return delivery;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery " + deliveryId + " did not get there in time: " + delivery.prettify());
            }
            Thread.sleep(50);
        }
    }

    private static void assertSigned(WebhookReceiver.Received request, String secret) {
        assertEquals(WebhookSignature.sign(secret, request.body()), request.header("X-Rustlens-Signature-256"));
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
    }

    @Test
    void aFailedScanIsDeliveredSignedRetriedAfterA500AndRedelivered() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500)) {
            long repositoryId = failingRepository();
            JsonPath hook = webhook(repositoryId, receiver.url(), "scan_failed");
            long hookId = hook.getLong("id");
            String secret = hook.getString("secret");
            given().when().get(HOOKS, repositoryId).then().statusCode(200).body("$", hasSize(1))
                    .body("[0].url", equalTo(receiver.url())).body("[0].events", equalTo(List.of("scan_failed")))
                    .body("[0].createdBy", equalTo("admin")).body("$", everyItem(not(hasKey("secret"))));

            long scanId = failScan(repositoryId);
            List<WebhookReceiver.Received> requests = receiver.await(2, WITHIN);
            WebhookReceiver.Received first = requests.get(0);
            WebhookReceiver.Received retry = requests.get(1);
            assertSigned(first, secret);
            assertSigned(retry, secret);
            assertEquals(first.text(), retry.text(), "a retry sends the same body");
            assertEquals("scan_failed", first.header("X-Rustlens-Event"));
            String deliveryId = first.header("X-Rustlens-Delivery");
            assertEquals(deliveryId, retry.header("X-Rustlens-Delivery"), "a retry is the same delivery");
            assertTrue(retry.atNanos() - first.atNanos() >= Duration.ofMillis(200).toNanos(),
                    "the retry waits rustlens.webhooks.first-retry");
            JsonPath body = JsonPath.from(first.text());
            assertEquals("scan_failed", body.getString("event"));
            assertEquals(repositoryId, body.getLong("repository.id"));
            assertEquals(scanId, body.getLong("scan.id"));
            assertEquals("main", body.getString("scan.branch"));
            assertTrue(body.getString("scan.error").contains("Cargo.toml"), body.getString("scan.error"));
            assertNull(body.get("gate"), "only the event's own part is sent");

            JsonPath delivered = awaitDelivery(repositoryId, hookId, Long.parseLong(deliveryId),
                    d -> "succeeded".equals(d.getString("status")));
            assertEquals(2, delivered.getInt("attempts"));
            assertEquals(200, delivered.getInt("responseStatus"));
            assertEquals("thanks", delivered.getString("responseBody"));
            assertEquals(first.text(), delivered.getString("payload"));

            long redelivery = given().when().post(DELIVERIES + "/{deliveryId}/redeliver", repositoryId, hookId,
                    deliveryId).then().statusCode(202).body("redeliveryOf", equalTo(Integer.parseInt(deliveryId)))
                    .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
            WebhookReceiver.Received again = receiver.await(3, WITHIN).get(2);
            assertEquals(Long.toString(redelivery), again.header("X-Rustlens-Delivery"));
            assertEquals(first.text(), again.text(), "a redelivery sends the same payload");
            assertSigned(again, secret);
            awaitDelivery(repositoryId, hookId, redelivery, d -> "succeeded".equals(d.getString("status")));
            // Newest first, a page at a time: the redelivery, then (after the Link) the first delivery.
            io.restassured.response.Response newest = given().queryParam("limit", 1).when()
                    .get(DELIVERIES, repositoryId, hookId);
            assertEquals(List.of(redelivery), newest.then().statusCode(200).extract().jsonPath().getList("id", Long.class));
            String next = newest.header("Link").replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
            assertEquals(List.of(Long.parseLong(deliveryId)), given().urlEncodingEnabled(false).when().get(next)
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class));
            given().when().post(DELIVERIES + "/{deliveryId}/redeliver", repositoryId, hookId, 999_999_999L)
                    .then().statusCode(404);
        }
    }

    @Test
    void aReceiverThatHangsDoesNotHoldBackAnother() throws Exception {
        try (WebhookReceiver hanging = WebhookReceiver.hanging(); WebhookReceiver healthy = WebhookReceiver.answering()) {
            long repositoryId = failingRepository();
            long hangingId = webhook(repositoryId, hanging.url(), "scan_failed").getLong("id");
            long healthyId = webhook(repositoryId, healthy.url(), "scan_failed").getLong("id");
            failScan(repositoryId);
            hanging.await(1, WITHIN);
            healthy.await(1, WITHIN);
            long held = deliveries(repositoryId, hangingId).getLong("[0].id");
            long sent = deliveries(repositoryId, healthyId).getLong("[0].id");
            awaitDelivery(repositoryId, healthyId, sent, d -> "succeeded".equals(d.getString("status")));

            // While the hanging receiver holds the first attempt (its outcome not recorded yet), a
            // redelivery to the healthy one is sent: senders work side by side.
            awaitDelivery(repositoryId, hangingId, held, d -> d.getInt("attempts") == 1 && hanging.held() == 1);
            long redelivery = given().when().post(DELIVERIES + "/{deliveryId}/redeliver", repositoryId, healthyId, sent)
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            healthy.await(2, WITHIN);
            JsonPath stillHeld = awaitDelivery(repositoryId, hangingId, held, d -> true);
            assertEquals(1, stillHeld.getInt("attempts"));
            assertNull(stillHeld.get("lastAttemptAt"), "the hanging attempt was still under way");
            awaitDelivery(repositoryId, healthyId, redelivery, d -> "succeeded".equals(d.getString("status")));

            // The hanging receiver's attempts end at the read timeout, are retried, then fail.
            JsonPath failed = awaitDelivery(repositoryId, hangingId, held, d -> "failed".equals(d.getString("status")));
            assertEquals(3, failed.getInt("attempts"));
            assertTrue(failed.getString("error").contains("did not answer in time"), failed.getString("error"));
            assertNull(failed.get("responseStatus"));
        }
    }

    @Test
    void everyEventKindReachesTheWebhooksThatTakeIt() throws Exception {
        try (WebhookReceiver gates = WebhookReceiver.answering(); WebhookReceiver alerts = WebhookReceiver.answering()) {
            long repositoryId;
            try (Git git = TestRepositories.create(dir.resolve("gated"), Map.of(
                    "Cargo.toml", "[package]\nname = \"gated\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                    "src/lib.rs", "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"
                            + "pub fn first(v: &[u8]) -> u8 {\n    *v.first().unwrap()\n}\n"))) {
                repositoryId = register(TestRepositories.url(git));
            }
            JsonPath gateHook = webhook(repositoryId, gates.url(), "gate_status");
            JsonPath alertHook = webhook(repositoryId, alerts.url(), "benchmark_alert");
            gate(repositoryId, List.of());

            // The branch's first verdict: passed, on a gate without conditions.
            long scanId = startScan(repositoryId);
            JsonPath scan = awaitScan(scanId);
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            JsonPath firstVerdict = JsonPath.from(gates.await(1, WITHIN).get(0).text());
            assertEquals("gate_status", firstVerdict.getString("event"));
            assertEquals("passed", firstVerdict.getString("gate.status"));
            assertNull(firstVerdict.get("gate.previousStatus"));
            assertEquals(scanId, firstVerdict.getLong("gate.scanId"));
            assertEquals(scan.getString("commit"), firstVerdict.getString("gate.commit"));

            // A stricter gate fails the same scan: passed becomes failed; the same verdict again tells nobody.
            assertNotEquals("A", scan.getString("grade"));
            gate(repositoryId, List.of(Map.of("type", "min_grade", "grade", "A")));
            gate(repositoryId, List.of(Map.of("type", "min_grade", "grade", "A")));
            WebhookReceiver.Received changed = gates.await(2, WITHIN).get(1);
            assertSigned(changed, gateHook.getString("secret"));
            JsonPath failed = JsonPath.from(changed.text());
            assertEquals("failed", failed.getString("gate.status"));
            assertEquals("passed", failed.getString("gate.previousStatus"));
            assertEquals(false, failed.getBoolean("gate.conditions[0].passed"));
            assertTrue(failed.getString("gate.conditions[0].description").contains("A"));

            // Eight steady results, then one 10% slower: an alert opens.
            double[] steady = {100, 101, 99, 100, 100, 101, 99, 100};
            for (int i = 0; i < steady.length; i++) {
                bench(repositoryId, "s" + i, steady[i]);
            }
            bench(repositoryId, "slow", 110);
            WebhookReceiver.Received alert = alerts.await(1, WITHIN).get(0);
            assertEquals("benchmark_alert", alert.header("X-Rustlens-Event"));
            assertSigned(alert, alertHook.getString("secret"));
            JsonPath opened = JsonPath.from(alert.text());
            assertEquals("parse", opened.getString("alert.benchmark"));
            assertEquals("slow", opened.getString("alert.commit"));
            assertEquals(10.0, opened.getDouble("alert.changePercent"), 1e-9);

            // Each webhook was told of its own events only; the rows were queued with the events.
            assertEquals(List.of("gate_status", "gate_status"),
                    deliveries(repositoryId, gateHook.getLong("id")).getList("event"));
            assertEquals(List.of("benchmark_alert"), deliveries(repositoryId, alertHook.getLong("id")).getList("event"));
        }
    }

    private static void gate(long repositoryId, List<Map<String, String>> conditions) {
        given().contentType(ContentType.JSON).body(Map.of("conditions", conditions))
                .when().put("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(200);
    }

    private static void bench(long repositoryId, String commit, double latency) {
        given().queryParam("commit", commit).queryParam("branch", "main").queryParam("testbed", "ci")
                .contentType(ContentType.JSON).body("{\"parse\": {\"latency\": {\"value\": " + latency + "}}}")
                .when().post("/api/v1/repositories/{id}/benchmarks", repositoryId).then().statusCode(200);
    }

    @Test
    void badUrlsAndEventsAreClearErrors() throws Exception {
        long repositoryId = failingRepository();
        given().contentType(ContentType.JSON).body(Map.of("url", "http://example.com/hook"))
                .when().post(HOOKS, repositoryId).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must start with https://"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://169.254.169.254/latest"))
                .when().post(HOOKS, repositoryId).then().statusCode(400)
                .body("detail", containsString("cloud metadata address, which rustlens does not connect to"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://user:pw@example.com/hook"))
                .when().post(HOOKS, repositoryId).then().statusCode(400).body("detail", containsString("credentials"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.com/hook", "events", List.of("push")))
                .when().post(HOOKS, repositoryId).then().statusCode(400).body("detail", containsString("unknown event"));
        given().contentType(ContentType.JSON).body("{}").when().post(HOOKS, repositoryId).then().statusCode(400)
                .body("detail", containsString("url is required"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.com/hook"))
                .when().post(HOOKS, 999_999_999L).then().statusCode(404);
        webhook(repositoryId, "https://example.com/hook", "scan_failed");
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.com/hook"))
                .when().post(HOOKS, repositoryId).then().statusCode(409).body("detail", containsString("already"));
        given().when().get(DELIVERIES, repositoryId, 999_999_999L).then().statusCode(404);
        given().when().delete(HOOKS + "/{hookId}", repositoryId, 999_999_999L).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void onlyAdminsManageWebhooks() throws Exception {
        long repositoryId = failingRepository();
        given().when().get(HOOKS, repositoryId).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.com/hook"))
                .when().post(HOOKS, repositoryId).then().statusCode(403);
    }

    @Test
    void anAddressThePolicyRefusesIsADeliveryErrorAndDeletingStopsDeliveries() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering()) {
            long repositoryId = failingRepository();
            long hookId = webhook(repositoryId, receiver.url(), "scan_failed").getLong("id");
            // An address allowed when the webhook was registered and refused now (the allow list shrank).
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update webhook set url = 'https://10.1.2.3/hook' where id = ?1").setParameter(1, hookId).executeUpdate());
            failScan(repositoryId);
            long deliveryId = deliveries(repositoryId, hookId).getLong("[0].id");
            JsonPath failed = awaitDelivery(repositoryId, hookId, deliveryId, d -> "failed".equals(d.getString("status")));
            assertEquals(3, failed.getInt("attempts"));
            assertTrue(failed.getString("error").contains("10.1.2.3 is a private address, which rustlens does not connect to"),
                    failed.getString("error"));
            assertEquals(0, receiver.received().size());

            given().when().delete(HOOKS + "/{hookId}", repositoryId, hookId).then().statusCode(204);
            given().when().get(HOOKS, repositoryId).then().statusCode(200).body("$", hasSize(0));
            given().when().get(DELIVERIES, repositoryId, hookId).then().statusCode(404);
        }
    }
}
