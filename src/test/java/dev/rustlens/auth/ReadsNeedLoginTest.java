package dev.rustlens.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
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
    void aViewerTokenReads() {
        String viewer = given().auth().oauth2(TestTokens.ADMIN).contentType("application/json")
                .body(Map.of("name", "reader", "role", "viewer")).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        given().auth().oauth2(viewer).get("/api/v1/repositories").then().statusCode(200);
        given().auth().oauth2("rlt_not-a-token").get("/api/v1/repositories").then().statusCode(401)
                .body("status", equalTo(401), "detail", containsString("not valid"));
    }
}
