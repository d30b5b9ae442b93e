package dev.rustlens.gitrepo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.scan.ScanFlowTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CredentialsTest {

    static final String TOKEN = "ghp_" + "s3cr3t-t0ken-never-shown";

    @Inject
    CredentialCipher cipher;

    @Test
    void credentialsAreStoredEncryptedUsedForFetchingAndNeverShown(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n",
                "Cargo.toml", "[package]\nname = \"private\"\nversion = \"0.1.0\"\n"))) {
            String registered = given().contentType(ContentType.JSON).body(Map.of("name", "private-" + UUID.randomUUID(),
                    "url", TestRepositories.url(git), "credentials", Map.of("username", "bot", "token", TOKEN)))
                    .when().post("/api/v1/repositories")
                    .then().statusCode(201).body("hasCredentials", equalTo(true)).extract().asString();
            assertFalse(registered.contains(TOKEN), registered);
            long id = JsonPath.from(registered).getLong("id");

            for (String path : new String[] {"/api/v1/repositories", "/api/v1/repositories/" + id}) {
                String body = given().when().get(path).then().statusCode(200).extract().asString();
                assertFalse(body.contains(TOKEN) || body.contains("s3cr3t"), body);
            }
            byte[] stored = QuarkusTransaction.requiringNew().call(() -> GitRepository.<GitRepository>findById(id).credentials);
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("s3cr3t"));
            assertEquals(new CredentialCipher.Credentials("bot", TOKEN), cipher.decrypt(stored));

            // The scan fetches with the decrypted credentials (file:// ignores them, but they must decrypt).
            long scanId = given().when().post("/api/v1/repositories/{id}/scans", id).then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            JsonPath scan = ScanFlowTest.awaitScan(scanId);
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));

            given().contentType(ContentType.JSON).body(Map.of("removeCredentials", true))
                    .when().patch("/api/v1/repositories/{id}", id)
                    .then().statusCode(200).body("hasCredentials", equalTo(false));
        }
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("name", "leaky-" + UUID.randomUUID(),
                "url", "https://bot:" + TOKEN + "@example.com/repo.git"))
                .when().post("/api/v1/repositories")
                .then().statusCode(400).body("detail", containsString("credentials"))
                .body(not(containsString(TOKEN)));
    }

    @Test
    void patchChangesNameAndBranchWithValidation(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            long id = given().contentType(ContentType.JSON).body(Map.of("name", "p-" + UUID.randomUUID(),
                    "url", TestRepositories.url(git))).when().post("/api/v1/repositories")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            String name = "renamed-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body(Map.of("name", name, "branch", "develop"))
                    .when().patch("/api/v1/repositories/{id}", id)
                    .then().statusCode(200).body("name", equalTo(name)).body("branch", equalTo("develop"));
            given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x"))
                    .when().patch("/api/v1/repositories/{id}", id)
                    .then().statusCode(400).body("detail", containsString("scheme"));
            given().contentType(ContentType.JSON).body(Map.of("branch", "a..b"))
                    .when().patch("/api/v1/repositories/{id}", id).then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                    .when().patch("/api/v1/repositories/{id}", 999_999).then().statusCode(404);
        }
    }
}
