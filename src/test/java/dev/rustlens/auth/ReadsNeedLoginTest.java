package dev.rustlens.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With {@code rustlens.auth.reads-need-login}, reading needs a token or a signed-in user too. */
@QuarkusTest
@TestProfile(ReadsNeedLoginTest.ReadsNeedLogin.class)
class ReadsNeedLoginTest {

    /** The test profile with closed reads. */
    public static class ReadsNeedLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rustlens.auth.reads-need-login", "true");
        }
    }

    @Test
    void anonymousReadsAreRefused() {
        given().get("/api/v1/repositories").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("sign in or send an API token"));
        given().redirects().follow(false).get("/repositories/1?x=1").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Frepositories%2F1%3Fx%3D1"));
        given().get("/login").then().statusCode(200).body(containsString("Sign in"));
    }

    @Test
    void aScansErrorIsShownToSignedInUsersOnly() throws InterruptedException {
        long repositoryId = given().auth().oauth2(TestTokens.ADMIN).contentType("application/json")
                .body(Map.of("name", "closed-" + UUID.randomUUID(), "url", "https://127.0.0.1:9/nothing.git"))
                .post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
        long scanId = given().auth().oauth2(TestTokens.ADMIN).post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.nanoTime() + 60_000_000_000L;
        String status;
        do {
            Thread.sleep(100);
            status = given().auth().oauth2(TestTokens.ADMIN).get("/api/v1/scans/{id}", scanId).then().extract().path("status");
        } while (!status.equals("failed") && System.nanoTime() < deadline);
        given().auth().oauth2(TestTokens.ADMIN).get("/api/v1/scans/{id}", scanId).then()
                .body("error", equalTo("cannot clone https://127.0.0.1:9/nothing.git: the server cannot be reached"
                        + " (connection refused)"));
        for (String path : List.of("/api/v1/scans/" + scanId, "/api/v1/scans/" + scanId + "/events",
                "/api/v1/repositories/" + repositoryId + "/scans", "/api/v1/repositories/" + repositoryId + "/badge/grade.svg")) {
            given().get(path).then().statusCode(401).body(not(containsString("cannot clone")));
        }
        given().redirects().follow(false).get("/repositories/{id}", repositoryId).then().statusCode(303)
                .body(not(containsString("cannot clone")));
    }

    @Test
    void aViewerTokenReads() {
        String viewer = given().auth().oauth2(TestTokens.ADMIN).contentType("application/json")
                .body(Map.of("name", "reader", "role", "viewer")).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        given().auth().oauth2(viewer).get("/api/v1/repositories").then().statusCode(200);
        given().auth().oauth2("rlt_not-a-token").get("/api/v1/repositories").then().statusCode(401)
                .body("status", equalTo(401), "detail", containsString("not valid"));
    }
}
