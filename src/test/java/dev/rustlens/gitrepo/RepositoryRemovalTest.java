package dev.rustlens.gitrepo;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.source.Digests;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.web.SameOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a repository deletes every row stored of it, its clone, and nothing of other repositories. */
@QuarkusTest
@TestSecurity(user = "admin", roles = {"viewer", "maintainer", "admin"})
class RepositoryRemovalTest {

    private static final Map<String, String> CRATE = Map.of(
            "Cargo.toml", "[package]\nname = \"doomed\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            "src/lib.rs", "//! Doomed.\n\n/// Reads.\npub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");

    @Inject
    RustlensConfig config;
    @Inject
    EntityManager entityManager;

    private long scanned(Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, CRATE)) {
            long id = register(TestRepositories.url(git));
            assertEquals("succeeded", awaitScan(startScan(id)).getString("status"));
            return id;
        }
    }

    /** The repository's clone, if there is one (named as GitMirror names it: id, then a digest of the URL). */
    private List<Path> clones(long repositoryId) {
        String url = given().when().get("/api/v1/repositories/{id}", repositoryId).then().extract().jsonPath().getString("url");
        return Stream.of(config.workDir().resolve("repos").resolve(repositoryId + "-" + Digests.sha256Hex(url, 6) + ".git"))
                .filter(Files::isDirectory).toList();
    }

    private long rows(String table, long repositoryId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + table + " where repository_id = ?1").setParameter(1, repositoryId)
                .getSingleResult()).longValue());
    }

    @Test
    void deletingARepositoryDeletesItsRowsAndItsCloneAndLeavesOthersAlone(@TempDir Path dir, @TempDir Path other)
            throws Exception {
        long id = scanned(dir);
        long kept = scanned(other);
        assertEquals(1, clones(id).size(), "the scan made a clone");
        assertTrue(rows("scan", id) > 0 && rows("crate", id) > 0);
        Path clone = clones(id).getFirst();

        given().when().delete("/api/v1/repositories/{id}", id).then().statusCode(204);
        given().when().get("/api/v1/repositories/{id}", id).then().statusCode(404);
        for (String table : List.of("scan", "crate", "quality_gate", "finding_triage", "benchmark", "backfill", "webhook")) {
            assertEquals(0, rows(table, id), table);
        }
        assertTrue(Files.notExists(clone), "the clone is deleted");
        given().when().delete("/api/v1/repositories/{id}", id).then().statusCode(404);

        assertEquals(1, clones(kept).size());
        given().when().get("/api/v1/repositories/{id}/score", kept).then().statusCode(200);
    }

    @Test
    void thePageDeletesOnlyWhenTheNameIsTypedAgain(@TempDir Path dir) throws Exception {
        long id = scanned(dir);
        String name = given().when().get("/api/v1/repositories/{id}", id).then().extract().jsonPath().getString("name");
        given().when().get("/repositories/{id}/settings", id).then().statusCode(200)
                .body(containsString("action=\"/repositories/" + id + "/delete\""));
        given().header(SameOrigin.header()).formParam("confirm", "not-" + name)
                .when().post("/repositories/{id}/delete", id).then().statusCode(400)
                .body(containsString("Type the repository&#39;s name, " + name));
        given().when().get("/api/v1/repositories/{id}", id).then().statusCode(200);
        given().header(SameOrigin.header()).formParam("confirm", name).redirects().follow(false)
                .when().post("/repositories/{id}/delete", id).then().statusCode(303)
                .header("Location", containsString("/admin?message=Repository+" + name + "+is+deleted"));
        given().when().get("/repositories/{id}", id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
    void maintainersCannotDeleteARepository() {
        given().when().delete("/api/v1/repositories/{id}", 1).then().statusCode(403);
        given().header(SameOrigin.header()).formParam("confirm", "x").when().post("/repositories/{id}/delete", 1)
                .then().statusCode(403);
    }
}
