package dev.rustlens.coverage;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smallvec 1.9.0 as a real git repository, scanned, with the LCOV and Cobertura reports recorded
 * from its test run (src/test/resources/coverage/smallvec/README.md) imported: figures per file
 * and crate, its unsafe sites checked by hand, the Verification rating, and a pull request whose
 * new code no test runs failing the new-code coverage condition.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CoverageImportTest {

    private static final Path CRATE = Path.of("/usr/share/cargo/registry/smallvec-1.9.0");
    private static final String LIB = "src/lib.rs";

    @Inject
    CoverageQueries queries;

    /** Every file of the packaged crate, by its path in the repository. */
    private static Map<String, String> crateFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(CRATE)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(CRATE.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static byte[] resource(String name) {
        try (InputStream in = CoverageImportTest.class.getResourceAsStream("/coverage/smallvec/" + name)) {
            byte[] bytes = in.readAllBytes();
            return name.endsWith(".gz") ? new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes()
                    : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonPath upload(long repositoryId, String commit, byte[] report, String mediaType) {
        return given().contentType(mediaType).body(report).queryParam("commit", commit)
                .when().post("/api/v1/repositories/{id}/coverage", repositoryId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath scan(long repositoryId, Map<String, String> request) throws InterruptedException {
        JsonPath scanned = awaitScan(given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/repositories/{id}/scans", repositoryId)
                .then().statusCode(202).extract().jsonPath().getLong("id"));
        assertEquals("succeeded", scanned.getString("status"), scanned.getString("error"));
        return scanned;
    }

    @Test
    void reportsRecordedFromSmallvecGiveItsFiguresItsUnsafeSitesAndItsVerificationRating(@TempDir Path dir)
            throws Exception {
        try (Git git = TestRepositories.create(dir, crateFiles())) {
            String commit = git.getRepository().resolve("HEAD").name();
            long id = register(TestRepositories.url(git));

            // Uploaded before any scan of the commit: kept, and applied when the scan is stored.
            JsonPath pending = upload(id, commit, resource("smallvec.lcov.gz"), "text/plain");
            assertEquals("pending", pending.getString("status"));
            assertEquals(3, pending.getInt("files"));
            JsonPath scanned = scan(id, Map.of("branch", "main"));
            long scanId = scanned.getLong("id");
            long crateId = scanned.getLong("crates[0].crateId");

            JsonPath coverage = given().queryParam("commit", commit).when()
                    .get("/api/v1/repositories/{id}/coverage", id).then().statusCode(200).extract().jsonPath();
            assertEquals("/tmp/covrec/smallvec-1.9.0/", coverage.getString("root"));
            assertEquals(List.of(), coverage.getList("unmatched"));
            assertEquals(List.of(LIB, "src/tests.rs", "tests/macro.rs"), coverage.getList("files.path"));
            assertEquals(List.of(633, 636, 10), coverage.getList("files.linesHit"));
            assertEquals(List.of(737, 636, 10), coverage.getList("files.lines"));
            assertEquals(scanId, coverage.getLong("scanId"));
            assertEquals(List.of("smallvec"), coverage.getList("crates.crate"));
            assertEquals(1383, coverage.getInt("crates[0].lines"));
            assertEquals(1279, coverage.getInt("crates[0].linesHit"));
            assertEquals(92.5f, coverage.getFloat("crates[0].percent"));

            // The sites checked by hand in the README, against the tracefile's DA records.
            Map<Integer, CoverageQueries.UnsafeSiteCoverage> lib = new LinkedHashMap<>();
            queries.unsafeSites(scanId, crateId).stream().filter(site -> site.path().equals(LIB))
                    .forEach(site -> lib.put(site.line(), site));
            assertEquals(new CoverageQueries.UnsafeSiteCoverage("BLOCK", LIB, 388, 403, 12, 12, "executed"),
                    lib.get(388), "388 itself has no record, 389 ran twice");
            assertEquals("not_executed", lib.get(665).status());
            assertEquals(665, lib.get(665).endLine());
            assertEquals(new CoverageQueries.UnsafeSiteCoverage("METHOD", LIB, 684, 689, 6, 0, "not_executed"),
                    lib.get(684));
            assertEquals(new CoverageQueries.UnsafeSiteCoverage("METHOD", LIB, 428, 430, 0, 0, "no_data"),
                    lib.get(428));
            assertEquals("executed", lib.get(1970).status());
            int executed = coverage.getInt("crates[0].unsafeSitesExecuted");
            int measured = coverage.getInt("crates[0].unsafeSitesMeasured");
            assertTrue(executed > 0 && executed < measured && measured < coverage.getInt("crates[0].unsafeSites"),
                    executed + " of " + measured);

            JsonPath rated = given().when().get("/api/v1/scans/{id}", scanId).then().extract().jsonPath();
            List<String> parts = rated.getList("crates[0].ratings.find { it.kind == 'VERIFICATION' }.parts.id");
            assertTrue(parts.containsAll(List.of("verification.line_coverage", "verification.unsafe_executed")),
                    parts.toString());
            given().when().get("/crates/{id}", crateId).then().statusCode(200)
                    .body(containsString("1279 of 1383 lines with coverage data"))
                    .body(containsString("<code>src/lib.rs:684</code>"));
            given().queryParam("commit", commit).when().get("/api/v1/repositories/{id}/coverage/crates.csv", id)
                    .then().statusCode(200).body(containsString("smallvec,3,1383,1279,92.5,"));

            // The same run as Cobertura, uploaded after the scan: applied at once, the same figures.
            JsonPath cobertura = upload(id, commit, resource("smallvec.cobertura.xml"), "application/xml");
            assertEquals("applied", cobertura.getString("status"));
            assertEquals(List.of(scanId), cobertura.getList("scans", Long.class));
            assertEquals(3, cobertura.getInt("matchedFiles"));
            assertEquals(1279, cobertura.getInt("linesHit"));
            assertEquals(queries.unsafeSites(scanId, crateId).size(), lib.size()
                    + queries.unsafeSites(scanId, crateId).stream().filter(site -> !site.path().equals(LIB)).count());

            // A rescan of the commit keeps the report: it applies to every scan of its commit.
            long rescanId = scan(id, Map.of("branch", "main", "commit", commit)).getLong("id");
            assertEquals(1279, queries.crates(rescanId).getFirst().linesHit());
            // The rescan shared the scan's unsafe sites until the report gave it coverage of its own copy.
            assertEquals(queries.unsafeSites(scanId, crateId), queries.unsafeSites(rescanId, crateId));
            given().queryParam("branch", "main").when().get("/api/v1/repositories/{id}/coverage/trend", id)
                    .then().statusCode(200).body("percent", equalTo(List.of(92.5f, 92.5f)));
            given().when().get("/repositories/{id}", id).then().statusCode(200)
                    .body(containsString("data-coverage=\"/api/v1/repositories/" + id + "/coverage/trend?branch=main\""));

            // A dependency's file in the report (as llvm-cov lists it without -ignore-filename-regex) is reported.
            String dependency = "/usr/share/cargo/registry/libc-0.2.139/src/lib.rs";
            byte[] withDependency = (new String(resource("smallvec.lcov.gz"), StandardCharsets.UTF_8) + "SF:" + dependency
                    + "\nDA:1,3\nend_of_record\n").getBytes(StandardCharsets.UTF_8);
            JsonPath reported = upload(id, commit, withDependency, "text/plain");
            assertEquals(List.of(Map.of("path", dependency, "reason",
                    "outside the checkout directory /tmp/covrec/smallvec-1.9.0/")), reported.getList("unmatched"));
            assertEquals(1279, reported.getInt("linesHit"), "only the matched files count");
            given().when().get("/crates/{id}", crateId).then().statusCode(200)
                    .body(containsString("Report paths that name no file of the commit: 1"))
                    .body(containsString(dependency));
        }
    }

    @Test
    void aPullRequestWhoseNewCodeNoTestRunsFailsTheNewCodeCoverageCondition(@TempDir Path dir) throws Exception {
        Map<String, String> files = crateFiles();
        try (Git git = TestRepositories.create(dir, files)) {
            RevCommit base = git.log().call().iterator().next();
            git.checkout().setCreateBranch(true).setName("feature-swap").call();
            Map<String, String> changed = new LinkedHashMap<>(files);
            changed.put(LIB, files.get(LIB) + new String(resource("swap-ends.txt"), StandardCharsets.UTF_8));
            RevCommit feature = TestRepositories.commitAt(git, changed, "swap_ends", Instant.parse("2026-12-01T10:00:00Z"));
            git.checkout().setName("main").call();
            long id = register(TestRepositories.url(git));
            given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                    .body(Map.of("conditions", List.of(Map.of("type", "new_code_coverage", "percent", 80))))
                    .when().put("/api/v1/repositories/{id}/gate", id).then().statusCode(200);
            given().queryParam("scope", "pull_request").when().get("/repositories/{id}/gate", id).then().statusCode(200)
                    .body(containsString("<option value=\"new_code_coverage\" selected>"))
                    .body(containsString("name=\"percent\" type=\"number\" min=\"0\" max=\"100\" step=\"0.1\" value=\"80.0\""));
            given().queryParam("scope", "pull_request").contentType(ContentType.JSON)
                    .body(Map.of("conditions", List.of(Map.of("type", "new_code_coverage", "percent", 101))))
                    .when().put("/api/v1/repositories/{id}/gate", id).then().statusCode(400)
                    .body("detail", containsString("new_code_coverage needs \"percent\""));

            scan(id, Map.of("branch", "feature-swap", "pullRequest", "12"));
            String condition = "verdict.conditions.find { it.condition.type == 'new_code_coverage' }";
            JsonPath noReport = given().queryParam("branch", "feature-swap").queryParam("wait", 60)
                    .when().get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                    .body("status", equalTo("failed")).extract().jsonPath();
            assertEquals("no coverage report for commit " + feature.name(), noReport.getString(condition + ".actual"));

            upload(id, base.name(), resource("smallvec.lcov.gz"), "text/plain");
            JsonPath imported = upload(id, feature.name(), resource("smallvec-swap-ends.lcov.gz"), "text/plain");
            assertEquals("/tmp/covrec/feature/smallvec-1.9.0/", imported.getString("root"));
            JsonPath judged = given().queryParam("branch", "feature-swap").when()
                    .get("/api/v1/repositories/{id}/gate/status", id).then().statusCode(200)
                    .body("status", equalTo("failed")).extract().jsonPath();
            // The ten new lines with DA records (2129-2139 but the comment at 2135), none run.
            assertEquals("0.0% (0 of 10 lines)", judged.getString(condition + ".actual"));
            assertEquals(">= 80.0%", judged.getString(condition + ".expected"));
        }
    }

    @Test
    void aMalformedReportIsRefusedNamingItsLineAndNothingIsStored(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, crateFiles())) {
            String commit = git.getRepository().resolve("HEAD").name();
            long id = register(TestRepositories.url(git));
            String lcov = new String(resource("smallvec.lcov.gz"), StandardCharsets.UTF_8);
            String broken = lcov.replaceFirst("\nDA:(\\d+),(\\d+)\n", "\nDA:$1,many\n");
            int line = (int) lcov.substring(0, lcov.indexOf("\nDA:") + 1).lines().count() + 1;
            given().contentType("text/plain").body(broken).queryParam("commit", commit)
                    .when().post("/api/v1/repositories/{id}/coverage", id).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("LCOV report, line " + line + ": a hit count must be a whole number >= 0,"
                            + " not 'many'"));
            given().contentType("application/xml").body("<coverage><packages>".getBytes(StandardCharsets.UTF_8))
                    .queryParam("commit", commit).when().post("/api/v1/repositories/{id}/coverage", id)
                    .then().statusCode(400).body("detail", containsString("Cobertura report, line 1: not well-formed XML"));
            given().contentType("text/plain").body(lcov).queryParam("commit", "main")
                    .when().post("/api/v1/repositories/{id}/coverage", id).then().statusCode(400)
                    .body("detail", containsString("the full 40-character id"));
            given().contentType("text/plain").body(lcov).queryParam("commit", commit).queryParam("format", "jacoco")
                    .when().post("/api/v1/repositories/{id}/coverage", id).then().statusCode(400)
                    .body("detail", equalTo("format must be lcov or cobertura, not 'jacoco'"));
            given().queryParam("commit", commit).when().get("/api/v1/repositories/{id}/coverage", id)
                    .then().statusCode(404);
        }
    }
}
