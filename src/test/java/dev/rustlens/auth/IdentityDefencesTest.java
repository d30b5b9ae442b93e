package dev.rustlens.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The configured admin token, the admin bootstrap and sign-in against abuse. Sign-ins come from
 * loopback addresses of their own (127.0.0.x), so that their counts touch no other test.
 */
@QuarkusTest
class IdentityDefencesTest {

    @Inject
    AccessService access;

    @TestHTTPResource("/login")
    URI login;

    /** A user created through the API, with a password of at least 10 characters. */
    private static String newUser(String password) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "role", "viewer"))
                .when().post("/api/v1/users").then().statusCode(201);
        return username;
    }

    /** Posts the sign-in form from {@code address}, as a browser there would. */
    private HttpResponse<String> signIn(String address, String username, String password) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://" + login.getAuthority()).POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aDeletedConfiguredTokenStaysRevokedAfterARestart() {
        String configured = Secrets.newSecret("rlt_");
        access.bootstrap("admin", "unused password", Optional.of(configured)); // a start with RUSTLENS_ADMIN_TOKEN set
        given().auth().oauth2(configured).when().get("/api/v1/users/me").then().statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> ApiToken.findByToken(configured).orElseThrow().id);
        given().auth().oauth2(TestTokens.ADMIN).when().delete("/api/v1/tokens/{id}", id).then().statusCode(204);

        AccessService.Bootstrap restart = access.bootstrap("admin", "unused password", Optional.of(configured));
        assertTrue(restart.tokenRevoked(), "the next start sees the value was revoked");
        given().auth().oauth2(configured).when().get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void instancesStartingTogetherBootstrapOnceAndBothStart() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String configured = Secrets.newSecret("rlt_");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<AccessService.Bootstrap>> starts = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    starts.add(instances.submit(() -> {
                        together.await();
                        return access.bootstrap("admin", "unused password", Optional.of(configured));
                    }));
                }
                for (Future<AccessService.Bootstrap> start : starts) {
                    assertFalse(start.get().createdAdmin(), "the admin exists already");
                }
                assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ApiToken.count("tokenHash",
                        (Object) Secrets.digest(configured))), "the token is stored once");
            }
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void wrongPasswordsForOneUserAreLimitedWith429AndRetryAfter() throws Exception {
        String username = newUser("correct horse battery");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertEquals(401, signIn("127.0.0.21", username, "wrong password " + attempt).statusCode());
        }
        HttpResponse<String> limited = signIn("127.0.0.22", username, "correct horse battery");
        assertEquals(429, limited.statusCode(), "even the right password, from another address, waits");
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertTrue(limited.body().contains("Too many failed sign-ins for this user or from this address"), limited.body());
        assertEquals(303, signIn("127.0.0.22", newUser("another good password"), "another good password").statusCode(),
                "other users sign in from that address as usual");
    }

    @Test
    void wrongPasswordsFromOneAddressAreLimitedWhateverTheUserName() throws Exception {
        String username = newUser("correct horse battery");
        for (int attempt = 0; attempt < 20; attempt++) {
            assertEquals(401, signIn("127.0.0.31", "nobody-" + attempt, "guess").statusCode());
        }
        assertEquals(429, signIn("127.0.0.31", username, "correct horse battery").statusCode());
        assertEquals(303, signIn("127.0.0.32", username, "correct horse battery").statusCode(),
                "the same user from another address signs in");
    }

    @Test
    void anUnknownUserTakesAsLongAsAWrongPassword() throws Exception {
        String username = newUser("correct horse battery");
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // interleaved, so that load on the machine hits both alike
            unknown.add(timed(() -> signIn("127.0.0.41", "nobody-" + UUID.randomUUID(), "guess")));
            known.add(timed(() -> signIn("127.0.0.42", username, "a wrong password")));
        }
        // Hashing takes hundreds of milliseconds; a lookup alone takes a few. Equal up to load noise.
        assertTrue(median(unknown) * 3 > median(known), "unknown " + unknown + " ms, known " + known + " ms");
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static long timed(Request request) throws Exception {
        long start = System.nanoTime();
        assertEquals(401, request.send().statusCode());
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
