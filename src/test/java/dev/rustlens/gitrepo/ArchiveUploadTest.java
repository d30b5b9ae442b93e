package dev.rustlens.gitrepo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.gitrepo.TestArchives.Entry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
public class ArchiveUploadTest {

    static final Path MEMCHR = Path.of("/usr/share/cargo/registry/memchr-2.5.0");

    @ConfigProperty(name = "rustlens.work-dir")
    Path workDir;

    /** Registers a repository fed by archive uploads and returns its id. */
    public static long registerArchiveRepository() {
        return given().contentType(ContentType.JSON).body(Map.of("name", "upload-" + UUID.randomUUID(), "kind", "archive"))
                .when().post("/api/v1/repositories")
                .then().statusCode(201).body("kind", equalTo("archive")).body("branch", equalTo("upload"))
                .extract().jsonPath().getLong("id");
    }

    /** Uploads an archive and waits for the end of the scan it queued. */
    public static JsonPath upload(long repositoryId, byte[] archive) throws InterruptedException {
        long scanId = given().contentType("application/gzip").body(archive)
                .when().post("/api/v1/repositories/{id}/archives", repositoryId)
                .then().statusCode(202).body("scan.status", equalTo("queued"))
                .extract().jsonPath().getLong("scan.id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath scan = given().when().get("/api/v1/scans/{id}", scanId).then().extract().jsonPath();
            if (!List.of("queued", "running").contains(scan.getString("status"))) {
                return scan;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan " + scanId + " did not end");
    }

    @Test
    void aCrateUploadIsScannedAndAChangedReuploadReusesTheUnchangedFiles() throws Exception {
        long repositoryId = registerArchiveRepository();
        JsonPath first = upload(repositoryId, TestArchives.crate(MEMCHR, Map.of()));
        assertEquals("succeeded", first.getString("status"), first.getString("error"));
        assertEquals("memchr", first.getString("crates[0].name"));
        // memchr's figures, verified by hand (RealCrateTest).
        assertEquals(18, first.getInt("crates[0].unsafeBlocks"));
        assertEquals(36, first.getInt("crates[0].unsafeFunctions")); // sse42.rs is unlinked
        assertEquals(23, first.getInt("crates[0].unsafeMethods"));
        int rustFiles = first.getInt("filesAnalyzed") + first.getInt("filesReused");

        JsonPath second = upload(repositoryId, TestArchives.crate(MEMCHR,
                // A change never seen before, whatever the content cache holds from earlier runs.
                Map.of("src/cow.rs", Files.readString(MEMCHR.resolve("src/cow.rs")) + "\n// " + UUID.randomUUID() + "\n")));
        assertEquals("succeeded", second.getString("status"), second.getString("error"));
        assertEquals(1, second.getInt("filesAnalyzed"));
        assertEquals(rustFiles - 1, second.getInt("filesReused"));
        assertEquals(first.getLong("id"), second.getLong("previousScanId"));
    }

    @Test
    void aBadArchiveIsRefusedWholeAndLeavesNothingBehind() throws Exception {
        long repositoryId = registerArchiveRepository();
        for (byte[] bad : List.of(TestArchives.tarGz(List.of(Entry.file("ok/lib.rs", "fn f() {}"),
                Entry.file("../escape.rs", "fn g() {}"))), "not an archive".getBytes())) {
            given().contentType("application/gzip").body(bad)
                    .when().post("/api/v1/repositories/{id}/archives", repositoryId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("archive"));
        }
        try (Stream<Path> left = Files.list(workDir.resolve("archives").resolve(Long.toString(repositoryId)))) {
            assertEquals(List.of(), left.toList());
        }
        given().when().get("/api/v1/repositories/{id}/scans", repositoryId).then().body("size()", equalTo(0));
    }

    @Test
    void gitAndArchiveRepositoriesKeepToTheirOwnWays() throws Exception {
        long archiveId = registerArchiveRepository();
        given().when().post("/api/v1/repositories/{id}/scans", archiveId)
                .then().statusCode(409).body("detail", containsString("upload"));
        given().contentType(ContentType.JSON).body(Map.of("cron", "0 0 3 * * ?"))
                .when().put("/api/v1/repositories/{id}/schedule", archiveId).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("name", "x-" + UUID.randomUUID(), "kind", "archive",
                "url", "https://example.com/x.git"))
                .when().post("/api/v1/repositories").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("name", "y-" + UUID.randomUUID(), "kind", "svn",
                "url", "https://example.com/x.git"))
                .when().post("/api/v1/repositories").then().statusCode(400);
        long gitId = given().contentType(ContentType.JSON).body(Map.of("name", "g-" + UUID.randomUUID(),
                "url", "https://example.com/g.git"))
                .when().post("/api/v1/repositories").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType("application/gzip").body(TestArchives.crate(MEMCHR, Map.of()))
                .when().post("/api/v1/repositories/{id}/archives", gitId).then().statusCode(409);
        given().contentType("application/gzip").body(new byte[] {1})
                .when().post("/api/v1/repositories/{id}/archives", 999_999).then().statusCode(404);
    }
}
