package dev.rustlens.auth;

import io.restassured.RestAssured;

/** The admin token the test profile sets up, for tests that also run against the packaged jar. */
public final class TestTokens {

    /** {@code %test.rustlens.admin.token} in application.properties. */
    public static final String ADMIN = "rlt_test-admin-token-for-the-test-suite";

    private TestTokens() {
    }

    /** Sends the admin token with every REST Assured request until {@link #forget()}. */
    public static void sendAdminToken() {
        RestAssured.authentication = RestAssured.oauth2(ADMIN);
    }

    public static void forget() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
