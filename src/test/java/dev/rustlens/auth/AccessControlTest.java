package dev.rustlens.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.web.SameOrigin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

/** Tokens, roles, sign-in and sign-out, and every write endpoint refusing a missing or weak credential. */
@QuarkusTest
class AccessControlTest {

    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");

    /** A write endpoint: its method, its path with every parameter set to 1, and a media type it reads. */
    record Endpoint(String method, String path, String consumes) {
        boolean page() {
            return !path.startsWith("/api/");
        }
    }

    @Test
    void everyWriteEndpointRefusesAnonymousCallersAndViewers() throws IOException {
        String viewer = createToken("viewer");
        List<Endpoint> endpoints = writeEndpoints();
        assertTrue(endpoints.size() >= 20, "found " + endpoints);
        for (Endpoint endpoint : endpoints) {
            // A page's form is posted from one of rustlens's own pages; from another origin it is refused.
            Response anonymous = call(endpoint, endpoint.page() ? given().header(SameOrigin.header()).redirects().follow(false)
                    : given().redirects().follow(false));
            if (endpoint.page()) {
                call(endpoint, given().header("Origin", "https://evil.example").redirects().follow(false)).then()
                        .statusCode(403);
                assertTrue(anonymous.statusCode() == 303 && anonymous.header("Location").contains("/login?next="),
                        endpoint + " sent anonymous callers " + anonymous.statusCode() + " " + anonymous.header("Location"));
                continue;
            }
            anonymous.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401), "detail", containsString("API token"));
            call(endpoint, given().auth().oauth2(viewer)).then().statusCode(403).contentType("application/problem+json").body("detail", containsString("role"));
        }
    }

    @Test
    void writeEndpointsAreFoundInTheCompiledResources() throws IOException {
        List<Endpoint> endpoints = writeEndpoints();
        List<String> found = endpoints.stream().map(endpoint -> endpoint.method() + " " + endpoint.path()).toList();
        assertTrue(found.contains("POST /api/v1/repositories"), found.toString());
        assertTrue(found.contains("DELETE /api/v1/tokens/1"), found.toString());
        assertTrue(found.contains("POST /repositories/1/scan"), found.toString());
        assertFalse(found.contains("POST /login"), "signing in needs no credential");
    }

    @Test
    void readsAreOpenByDefault() {
        given().get("/api/v1/repositories").then().statusCode(200);
        given().get("/").then().statusCode(200).body(containsString("Sign in"));
    }

    @Test
    void anAdminCreatesATokenThatIsShownOnceAndWorksUntilDeleted() {
        String name = "ci-" + UUID.randomUUID();
        Response created = given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "maintainer")).post("/api/v1/tokens");
        created.then().statusCode(201).header("Location", containsString("/api/v1/tokens/"))
                .body("token", startsWith("rlt_"), "role", equalTo("maintainer"));
        String secret = created.path("token");
        int id = created.path("id");

        given().auth().oauth2(secret).get("/api/v1/users/me").then().statusCode(200)
                .body("name", equalTo("token:" + name), "roles", hasItem("maintainer"), "roles", not(hasItem("admin")));
        String listed = given().auth().oauth2(TestTokens.ADMIN).get("/api/v1/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo(name))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
                .extract().asString();
        assertFalse(listed.contains(secret), "the secret is never listed");
        assertFalse(listed.contains("tokenHash"), listed);

        given().auth().oauth2(secret).get("/api/v1/tokens").then().statusCode(403);
        given().auth().oauth2(TestTokens.ADMIN).delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(secret).get("/api/v1/users/me").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not valid"));
        given().auth().oauth2(TestTokens.ADMIN).delete("/api/v1/tokens/" + id).then().statusCode(404);
    }

    @Test
    void tokenAndUserRequestsAreValidated() {
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "owner"))
                .post("/api/v1/tokens").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown role 'owner'"));
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(400).body("detail", containsString("name is required"));
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", "short-" + UUID.randomUUID().toString().substring(0, 8), "password", "abc", "role", "viewer"))
                .post("/api/v1/users").then().statusCode(400).body("detail", containsString("at least 10 characters"));
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "long enough password", "role", "viewer"))
                .post("/api/v1/users").then().statusCode(409).body("detail", containsString("exists already"));
        given().auth().oauth2("rlt_made-up").get("/api/v1/users/me").then().statusCode(401);
        given().get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void usersSignInToThePagesAndOut() {
        String username = "maint-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "correct horse battery", "role", "maintainer"))
                .post("/api/v1/users").then().statusCode(201).body("username", equalTo(username))
                .body(not(containsString("correct horse")));

        given().header(SameOrigin.header()).redirects().follow(false).formParam("username", username)
                .formParam("password", "wrong password!")
                .formParam("next", "/").post("/login")
                .then().statusCode(401).contentType(ContentType.HTML).body(containsString("The user name or the password is wrong."));
        Response signedIn = given().header(SameOrigin.header()).redirects().follow(false).formParam("username", username)
                .formParam("password", "correct horse battery").formParam("next", "https://evil.example/").post("/login");
        signedIn.then().statusCode(303).header("Location", matchesPattern("http://localhost:[0-9]+/"));
        String session = signedIn.getCookie(SecretAuthentication.SESSION_COOKIE);
        assertNotNull(session);
        assertTrue(signedIn.getDetailedCookie(SecretAuthentication.SESSION_COOKIE).isHttpOnly());

        given().cookie(SecretAuthentication.SESSION_COOKIE, session).get("/api/v1/users/me").then().statusCode(200)
                .body("name", equalTo(username));
        given().cookie(SecretAuthentication.SESSION_COOKIE, session).get("/").then().statusCode(200)
                .body(containsString(username), containsString("Sign out"));

        given().header(SameOrigin.header()).redirects().follow(false).cookie(SecretAuthentication.SESSION_COOKIE, session)
                .post("/logout")
                .then().statusCode(303);
        given().cookie(SecretAuthentication.SESSION_COOKIE, session).get("/api/v1/users/me").then().statusCode(401);
        given().cookie(SecretAuthentication.SESSION_COOKIE, session).get("/").then().statusCode(200)
                .body(containsString("Sign in"));
    }

    @Test
    void aPageActionSendsAnonymousVisitorsToSignInAndBackToThePage() {
        given().header(SameOrigin.header()).redirects().follow(false).header("Referer", "http://localhost/repositories/7")
                .post("/repositories/7/scan").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Frepositories%2F7"));
        given().get("/login?next=/repositories/7").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/repositories/7\""));
        given().get("/login?next=//evil.example").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/\""));
    }

    /** Calls an endpoint with a body of the kind it reads, so that only the credential decides. */
    private static Response call(Endpoint endpoint, RequestSpecification request) {
        request.contentType(endpoint.consumes());
        if (endpoint.consumes().startsWith("application/x-www-form-urlencoded")) {
            request.formParam("last", "1");
        } else if (endpoint.consumes().startsWith("application/json") || endpoint.consumes().startsWith("text/")) {
            request.body("{}");
        } else {
            request.body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    private static String createToken(String role) {
        return given().auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", role + "-" + UUID.randomUUID(), "role", role)).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");
    }

    /** Every write method of every JAX-RS resource, read from the compiled classes. */
    static List<Endpoint> writeEndpoints() throws IOException {
        Indexer indexer = new Indexer();
        java.nio.file.Path classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String verb : WRITES) {
            for (AnnotationInstance annotation : index.getAnnotations(DotName.createSimple("jakarta.ws.rs." + verb))) {
                MethodInfo method = annotation.target().asMethod();
                ClassInfo resource = method.declaringClass();
                String path = join(value(resource.declaredAnnotation(Path.class)), value(method.annotation(Path.class)));
                if (!path.equals("/login") && !path.equals("/logout")) {
                    AnnotationInstance consumes = method.annotation(Consumes.class);
                    if (consumes == null) {
                        consumes = resource.declaredAnnotation(Consumes.class);
                    }
                    String mediaType = consumes == null ? "application/json" : consumes.value().asStringArray()[0];
                    endpoints.add(new Endpoint(verb, path.replaceAll("\\{[^}]+}", "1"), mediaType));
                }
            }
        }
        return endpoints;
    }

    private static String value(AnnotationInstance path) {
        return path == null ? "" : path.value().asString();
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
