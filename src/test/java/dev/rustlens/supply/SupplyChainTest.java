package dev.rustlens.supply;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.rustlens.analysis.advisories.AdvisoryDirectory;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository of real crates (src/test/resources/supply-chain) scanned end to end: its lock file
 * read, its registry packages analysed from Debian's crate directory once for the server, matched
 * against the advisory fixture, exported as JSON, CSV and a CycloneDX SBOM valid against its schema,
 * gated, and matched again when the advisory database changes.
 */
@QuarkusTest
@TestProfile(SupplyChainProfile.class)
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class SupplyChainTest {

    @Inject
    AdvisoryDatabase database;
    @Inject
    EntityManager entityManager;

    @Test
    void aScanReadsItsLockFileMatchesAdvisoriesExportsAndGatesThem(@TempDir Path dir, @TempDir Path other)
            throws Exception {
        SupplyChainProfile.awaitDatabase(database);
        try (Git git = TestRepositories.create(dir, SupplyChainFixture.files("before"))) {
            long repositoryId = register(TestRepositories.url(git));
            long first = awaitSuccess(startScan(repositoryId)).getLong("id");
            JsonPath report = given().get("/api/v1/scans/{id}/dependencies", first).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("Cargo.lock"), report.getList("lockfiles.lockPath"));
            assertEquals(4, report.getInt("lockfiles[0].lockVersion"));
            assertEquals(List.of("app", "tool"), report.getList("lockfiles[0].members"));
            // Debian's packages of these crates carry no checksum: cargo wrote a placeholder, a problem we report.
            assertEquals(4, report.getList("lockfiles[0].problems").size(), report.getString("lockfiles[0].problems"));
            assertEquals(12, report.getList("packages").size());
            assertEquals("dev", package_(report, "rustc-serialize", "kind"));
            assertEquals("2", package_(report, "libc", "depth"));
            assertEquals("analysed", package_(report, "libc", "exposure.status"));
            assertTrue(Integer.parseInt(package_(report, "libc", "exposure.unsafeBlocks")) > 0);
            assertEquals("not_fetched", package_(report, "time", "exposure.status"));
            assertEquals("[RUSTSEC-2026-0009]", package_(report, "time", "advisories.id"));
            assertEquals("[RUSTSEC-2026-0186]", package_(report, "memmap2", "advisories.id"));
            assertEquals("[RUSTSEC-2025-0025]", package_(report, "rustc-serialize", "advisories.id"));
            assertEquals("[]", package_(report, "smallvec", "advisories.id"), "patched by >= 1.6.1");
            assertEquals(3, report.getInt("totals.withAdvisories"));
            assertTrue(report.getString("totals.summary").startsWith("unsafe in the dependency tree: "),
                    report.getString("totals.summary"));

            // The advisories are findings at the package's line of the lock file.
            JsonPath vulnerabilities = given().queryParam("check", "advisory_vulnerability")
                    .get("/api/v1/scans/{id}/findings", first).then().statusCode(200).extract().jsonPath();
            assertEquals(1, vulnerabilities.getList("findings").size());
            assertEquals("Cargo.lock", vulnerabilities.getString("findings[0].path"));
            assertEquals(lineOf("before/Cargo.lock", "name = \"time\"") - 1, vulnerabilities.getInt("findings[0].line"));
            assertTrue(vulnerabilities.getString("findings[0].message").contains("RUSTSEC-2026-0009"));
            given().queryParam("check", "advisory_unmaintained").get("/api/v1/scans/{id}/findings", first).then()
                    .statusCode(200).body("findings[0].inTestCode", equalTo(true));

            String csv = given().get("/api/v1/scans/{id}/dependencies.csv", first).then().statusCode(200).extract()
                    .asString();
            assertEquals(13, csv.split("\r\n").length, csv);
            String sbom = given().get("/api/v1/scans/{id}/sbom", first).then().statusCode(200)
                    .contentType("application/vnd.cyclonedx+json").extract().asString();
            assertEquals(Set.of(), cycloneDx().validate(new ObjectMapper().readTree(sbom)));
            JsonPath bom = JsonPath.from(sbom);
            assertEquals(12, bom.getList("components").size());
            assertEquals(List.of("RUSTSEC-2025-0025", "RUSTSEC-2026-0009", "RUSTSEC-2026-0186"),
                    bom.getList("vulnerabilities.id", String.class).stream().sorted().toList());
            assertEquals("excluded", bom.getString("components.find { it.name == 'rustc-serialize' }.scope"));

            given().contentType(ContentType.JSON).body(Map.of("conditions", List.of(
                    Map.of("type", "no_vulnerable_dependencies"), Map.of("type", "no_new_unsound_dependencies"),
                    Map.of("type", "no_new_unsafe_dependencies"))))
                    .put("/api/v1/repositories/{id}/gate", repositoryId).then().statusCode(200);
            JsonPath verdict = given().get("/api/v1/scans/{id}/gate", first).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(false, true, true), verdict.getList("conditions.passed"), verdict.prettify());
            assertEquals("1 with a vulnerability advisory: time 0.3.9 (RUSTSEC-2026-0009)",
                    verdict.getString("conditions[0].actual"));

            // A new dependency with unsafe code: the change says so, and the gate stops it.
            TestRepositories.commit(git, SupplyChainFixture.files("after"), "tool uses memchr");
            long second = awaitSuccess(startScan(repositoryId)).getLong("id");
            JsonPath changed = given().get("/api/v1/repositories/{id}/dependencies", repositoryId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(second, changed.getLong("scanId"));
            assertEquals(List.of("memchr"), changed.getList("changes.added.name"));
            assertTrue(changed.getLong("changes.unsafeBlocksAdded") > 0, changed.getString("changes"));
            JsonPath stopped = given().get("/api/v1/scans/{id}/gate", second).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(false, true, false), stopped.getList("conditions.passed"), stopped.prettify());
            assertTrue(stopped.getString("conditions[2].actual").startsWith("1: memchr 2.5.0"),
                    stopped.getString("conditions[2].actual"));

            // A second repository with the same dependencies analyses none of them again.
            long analyses = packageAnalyses();
            try (Git copy = TestRepositories.create(other, SupplyChainFixture.afterTree())) {
                awaitSuccess(startScan(register(TestRepositories.url(copy))));
            }
            assertEquals(analyses, packageAnalyses(), "the server analyses each package version once");

            // A pull request on the same dependencies, gated on new code only.
            git.checkout().setCreateBranch(true).setName("review").call();
            Map<String, String> reviewed = new HashMap<>(SupplyChainFixture.files("after"));
            reviewed.put("NOTES.md", "Reviewed the dependency tree.\n");
            TestRepositories.commit(git, reviewed, "notes on the review");
            long pullRequest = awaitSuccess(given().contentType(ContentType.JSON)
                    .body(Map.of("branch", "review", "pullRequest", "7"))
                    .post("/api/v1/repositories/{id}/scans", repositoryId).then().statusCode(202).extract().jsonPath()
                    .getLong("id")).getLong("id");
            assertEquals(second, given().get("/api/v1/scans/{id}", pullRequest).then().statusCode(200).extract()
                    .jsonPath().getLong("previousScanId"), "the pull request is compared with its merge-base's scan");

            // The database changes: the newest scan of each branch is matched again without a rescan,
            // and so are the scans they are compared with, so an advisory against a package both
            // commits lock is unchanged in the later one, not new.
            TestRepositories.commit(SupplyChainProfile.DATABASE, AdvisoryDirectory.files(
                    Path.of("src/test/resources/advisory-db-update")), "crossbeam-epoch advisory");
            assertEquals(AdvisoryDatabase.Result.CHANGED, database.refresh().result());
            for (long scan : List.of(first, second, pullRequest)) {
                JsonPath rematched = given().queryParam("check", "advisory_vulnerability")
                        .get("/api/v1/scans/{id}/findings", scan).then().statusCode(200).extract().jsonPath();
                assertEquals(List.of("RUSTSEC-2026-0009", "RUSTSEC-2026-0204"), rematched.getList("findings.message",
                        String.class).stream().map(message -> message.replaceAll(".*(RUSTSEC-\\d{4}-\\d{4}).*", "$1"))
                        .sorted().toList(), "scan " + scan);
                assertEquals(scan == first ? "new" : "unchanged", rematched.getString(
                        "findings.find { it.message.contains('RUSTSEC-2026-0204') }.tracking"), "scan " + scan);
            }
            assertEquals(0, given().get("/api/v1/scans/{id}", pullRequest).then().statusCode(200).extract().jsonPath()
                    .getInt("findingsFixed"), "nothing the pull request did not do");
            given().get("/api/v1/dependencies/advisories").then().statusCode(200)
                    .body("advisories.find { it.advisory.id == 'RUSTSEC-2026-0204' }.uses.repositoryId",
                            hasItem((int) repositoryId));

            // Scanned again unchanged, the head shares the findings of its scan, whose advisory
            // findings are the ones the database gives now.
            long again = awaitSuccess(startScan(repositoryId)).getLong("id");
            assertEquals(second, QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                    .createNativeQuery("select findings_of from scan where id = ?1", Long.class).setParameter(1, again)
                    .getSingleResult()));
            for (String check : List.of("advisory_vulnerability", "advisory_unmaintained")) {
                assertEquals(advisoryFindings(second, check), advisoryFindings(again, check), check);
            }
        }
    }

    /** The scan's findings of an advisory check, in the JSON the API gives them, their ids left out. */
    private static List<Map<String, Object>> advisoryFindings(long scan, String check) {
        List<Map<String, Object>> findings = given().queryParam("check", check).get("/api/v1/scans/{id}/findings", scan)
                .then().statusCode(200).extract().jsonPath().getList("findings");
        assertTrue(!findings.isEmpty(), check);
        return findings.stream().map(finding -> {
            Map<String, Object> copy = new HashMap<>(finding);
            copy.remove("id");
            return copy;
        }).toList();
    }

    /** The value at {@code path} of the named package of a dependency report, as text. */
    private static String package_(JsonPath report, String name, String path) {
        Object value = report.get("packages.find { it.name == '" + name + "' }." + path);
        return String.valueOf(value);
    }

    private long packageAnalyses() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .createNativeQuery("select count(*) from package_analysis", Long.class).getSingleResult());
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(SupplyChainFixture.ROOT.resolve(file));
        return lines.indexOf(text) + 1;
    }

    /** CycloneDX 1.6's JSON schema with the schemas it refers to, as the CycloneDX library ships them. */
    private static JsonSchema cycloneDx() throws IOException {
        Map<String, String> schemas = Map.of("http://cyclonedx.org/schema/spdx.schema.json", resource("spdx.schema.json"),
                "http://cyclonedx.org/schema/jsf-0.82.schema.json", resource("jsf-0.82.schema.json"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(schemas)))
                .getSchema(resource("bom-1.6.schema.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = org.cyclonedx.model.Bom.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the CycloneDX library has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
