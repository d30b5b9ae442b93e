package dev.rustlens.auth;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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

    /** Sends the admin token with every request of a test class: {@code @ExtendWith(TestTokens.AsAdmin.class)}. */
    public static final class AsAdmin implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            sendAdminToken();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            forget();
        }
    }
}
