package dev.rustlens.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A repository's core modules reach the analysis: unsafe_outside_core reports unsafe code outside them only. */
@QuarkusTest
@ExtendWith(TestTokens.AsAdmin.class)
class CoreModulesTest {

    @Test
    void aRescanOfTheSameCommitHonoursChangedCoreModules(@TempDir Path dir) throws Exception {
        String unsafeRead = "/// Reads.\npub fn read(p: *const u8) -> u8 {\n    // SAFETY: p is valid.\n    unsafe { *p }\n}\n";
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"core-demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "Cargo.lock", "version = 3\n",
                "src/lib.rs", "//! Demo.\npub mod raw;\npub mod api;\n",
                "src/raw.rs", unsafeRead,
                "src/api.rs", unsafeRead))) {
            long id = ScanFlowTest.register(TestRepositories.url(git));
            assertEquals(List.of(), outsideCore(ScanFlowTest.awaitScan(ScanFlowTest.startScan(id))),
                    "without core modules the check is off");

            given().contentType(ContentType.JSON).body(Map.of("coreModules", List.of("crate::raw")))
                    .patch("/api/v1/repositories/{id}", id).then().statusCode(200)
                    .body("coreModules", contains("crate::raw"));
            given().get("/api/v1/repositories/{id}", id).then().body("coreModules", contains("crate::raw"));

            JsonPath rescan = ScanFlowTest.awaitScan(ScanFlowTest.startScan(id));
            assertEquals("succeeded", rescan.getString("status"), rescan.getString("error"));
            assertEquals(List.of("src/api.rs"), outsideCore(rescan), "the same commit is analysed again with raw as core");
        }
    }

    @Test
    void aCoreModuleMustBeAModulePath() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "core-bad", "url", "https://example.com/x.git", "coreModules", List.of("raw ffi")))
                .post("/api/v1/repositories").then().statusCode(400)
                .body("detail", containsString("core module 'raw ffi' is not a module path"));
    }

    private static List<String> outsideCore(JsonPath scan) {
        return ScanFlowTest.findingsOf(scan).getList("findings.findAll { it.checkId == 'unsafe_outside_core' }.path", String.class);
    }
}
