package dev.rustlens.finding;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class FindingExportTest {

    /** A crate in a directory whose name a spreadsheet would take for a formula, with a few findings. */
    static long scannedFixture(Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "=calc/Cargo.toml", "[package]\nname = \"calc\"\nversion = \"0.1.0\"\n",
                "=calc/src/lib.rs", """
                        pub fn a(p: *const u8) -> u8 { unsafe { *p } }
                        pub fn b(s: &str) -> u32 { s.parse().unwrap() }
                        pub fn c(s: &str) -> u32 { s.parse().expect("a number") }
                        """))) {
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            return scan.getLong("id");
        }
    }

    @Test
    void pagesCoverEveryFindingOnceAndFiltersNarrowThem(@TempDir Path dir) throws Exception {
        long scanId = scannedFixture(dir);
        JsonPath first = given().queryParam("limit", 2).when().get("/api/v1/scans/{id}/findings", scanId)
                .then().statusCode(200).header("Link", containsString("rel=\"next\"")).extract().jsonPath();
        long total = first.getLong("total");
        assertTrue(total > 4, "the fixture has several findings: " + total);
        List<Long> ids = new ArrayList<>(first.getList("findings.id", Long.class));
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = given().queryParam("limit", 2).queryParam("cursor", cursor)
                    .when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("findings.id", Long.class));
            cursor = page.getString("nextCursor");
        }
        assertEquals(total, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size());

        JsonPath unwraps = given().queryParam("check", "unwrap_used").queryParam("crate", "calc")
                .when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
        assertEquals(1, unwraps.getLong("total"));
        assertNull(unwraps.get("nextCursor"));
        assertEquals("=calc/src/lib.rs", unwraps.getString("findings[0].path"));
        assertEquals(0, given().queryParam("path", "src/").when().get("/api/v1/scans/{id}/findings", scanId)
                .then().extract().jsonPath().getLong("total"));

        given().queryParam("limit", 0).when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("severity", "HUGE").when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(400);
        given().queryParam("tracking", "fixed").when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(400);
        given().when().get("/api/v1/scans/{id}/findings", 999_999).then().statusCode(404);
    }

    @Test
    void theCsvExportHasEveryFindingWithFormulasNeutralised(@TempDir Path dir) throws Exception {
        long scanId = scannedFixture(dir);
        long total = given().when().get("/api/v1/scans/{id}/findings", scanId).then().extract().jsonPath().getLong("total");
        String csv = given().when().get("/api/v1/scans/{id}/findings.csv", scanId).then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,crate,check,severity,path,line,column,end_line,end_column,message,in_test_code,suppression,"
                + "fingerprint,tracking,rating,rating_points_if_fixed,score_points_if_fixed,triage_status,triage_reason,"
                + "triage_marked_by,triage_marked_at,triage_expires_at,triage_active,also_reported_by", lines[0]);
        assertEquals(total + 1, lines.length);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",calc,") && lines[i].contains(",'=calc/"), lines[i]);
        }
        String unwrapOnly = given().queryParam("check", "unwrap_used").when().get("/api/v1/scans/{id}/findings.csv", scanId)
                .then().statusCode(200).extract().asString();
        assertEquals(2, unwrapOnly.split("\r\n").length);
        given().when().get("/api/v1/scans/{id}/findings.csv", 999_999).then().statusCode(404);
    }

    @Test
    void theSarifExportValidatesAgainstTheSarifSchema(@TempDir Path dir) throws Exception {
        long scanId = scannedFixture(dir);
        long total = given().when().get("/api/v1/scans/{id}/findings", scanId).then().extract().jsonPath().getLong("total");
        String sarif = given().when().get("/api/v1/scans/{id}/findings.sarif", scanId).then().statusCode(200)
                .contentType(containsString("application/sarif+json")).extract().asString();

        assertEquals(List.of(), SarifSchema.errors(sarif), sarif);

        JsonPath document = JsonPath.from(sarif);
        assertEquals(total, document.getList("runs[0].results").size());
        assertEquals("rustlens", document.getString("runs[0].tool.driver.name"));
        int index = document.getInt("runs[0].results.find { it.ruleId == 'unwrap_used' }.ruleIndex");
        assertEquals("unwrap_used", document.getString("runs[0].tool.driver.rules[" + index + "].id"));
        assertTrue(document.getString("runs[0].tool.driver.rules[" + index + "].help.markdown").startsWith("# unwrap_used"));
        assertEquals("=calc/src/lib.rs", document.getString(
                "runs[0].results.find { it.ruleId == 'unwrap_used' }.locations[0].physicalLocation.artifactLocation.uri"));
        assertEquals(32, document.getString("runs[0].results[0].partialFingerprints.'rustlens/v1'").length());
        assertTrue(document.getString("runs[0].tool.driver.rules.find { it.id == 'undocumented_unsafe_block' }"
                + ".properties.'security-severity'").startsWith("8"));
        given().when().get("/api/v1/scans/{id}/findings.sarif", 999_999).then().statusCode(404);

        long repositoryId = given().when().get("/api/v1/scans/{id}", scanId).then().extract().jsonPath().getLong("repositoryId");
        given().redirects().follow(false).queryParam("check", "unwrap_used")
                .when().get("/api/v1/repositories/{id}/findings.sarif", repositoryId)
                .then().statusCode(303).header("Location", containsString("/api/v1/scans/" + scanId
                        + "/findings.sarif?check=unwrap_used"));
        given().when().get("/api/v1/repositories/{id}/findings.csv", repositoryId).then().statusCode(200)
                .contentType(containsString("text/csv"));
        given().when().get("/api/v1/repositories/{id}/findings.sarif", 999_999).then().statusCode(404);
    }

    @Test
    void everyExportCarriesTheTriageMark(@TempDir Path dir) throws Exception {
        long scanId = scannedFixture(dir);
        long repositoryId = given().when().get("/api/v1/scans/{id}", scanId).then().extract().jsonPath().getLong("repositoryId");
        String accepted = fingerprint(scanId, "unwrap_used");
        String lapsed = fingerprint(scanId, "expect_used");
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", accepted, "status", "accepted",
                "reason", "=input is validated, \"always\"")).when().post("/api/v1/repositories/{id}/triage", repositoryId)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("fingerprint", lapsed, "status", "false_positive",
                "reason", "until the parser lands", "expiresAt", "2020-01-01T00:00:00Z"))
                .when().post("/api/v1/repositories/{id}/triage", repositoryId).then().statusCode(201);

        JsonPath json = given().when().get("/api/v1/scans/{id}/findings", scanId).then().statusCode(200).extract().jsonPath();
        String acceptedMark = "findings.find { it.fingerprint == '" + accepted + "' }.triage";
        assertEquals("accepted", json.getString(acceptedMark + ".status"));
        assertEquals("=input is validated, \"always\"", json.getString(acceptedMark + ".reason"));
        assertEquals("maintainer", json.getString(acceptedMark + ".markedBy"));
        assertNotNull(json.getString(acceptedMark + ".markedAt"));
        assertNull(json.get(acceptedMark + ".expiresAt"));
        assertTrue(json.getBoolean(acceptedMark + ".active"));
        String lapsedMark = "findings.find { it.fingerprint == '" + lapsed + "' }.triage";
        assertEquals("false_positive", json.getString(lapsedMark + ".status"));
        assertEquals(false, json.getBoolean(lapsedMark + ".active"));
        assertTrue(json.getString(lapsedMark + ".expiresAt").startsWith("2020-01-01T00:00"));
        assertNull(json.get("findings.find { it.checkId == 'undocumented_unsafe_block' }.triage"));

        String csv = given().when().get("/api/v1/scans/{id}/findings.csv", scanId).then().statusCode(200).extract().asString();
        String acceptedLine = Arrays.stream(csv.split("\r\n")).filter(line -> line.contains(accepted)).findFirst().orElseThrow();
        assertTrue(acceptedLine.contains(",accepted,\"'=input is validated, \"\"always\"\"\",maintainer,"), acceptedLine);
        assertTrue(acceptedLine.endsWith(",,true,"), acceptedLine);
        String lapsedLine = Arrays.stream(csv.split("\r\n")).filter(line -> line.contains(lapsed)).findFirst().orElseThrow();
        assertTrue(lapsedLine.contains(",false_positive,until the parser lands,maintainer,"), lapsedLine);
        assertTrue(lapsedLine.endsWith(",false,"), lapsedLine);

        String sarif = given().when().get("/api/v1/scans/{id}/findings.sarif", scanId).then().statusCode(200).extract().asString();
        assertEquals(List.of(), SarifSchema.errors(sarif), sarif);
        JsonPath document = JsonPath.from(sarif);
        String acceptedResult = "runs[0].results.find { it.partialFingerprints.'rustlens/v1' == '" + accepted + "' }";
        assertEquals(1, document.getList(acceptedResult + ".suppressions").size());
        String suppression = acceptedResult + ".suppressions[0]";
        assertEquals("external", document.getString(suppression + ".kind"));
        assertEquals("accepted", document.getString(suppression + ".status"));
        assertEquals("=input is validated, \"always\"", document.getString(suppression + ".justification"));
        assertEquals("accepted", document.getString(suppression + ".properties.triageStatus"));
        assertEquals("maintainer", document.getString(suppression + ".properties.markedBy"));
        assertEquals(OffsetDateTime.parse(json.getString(acceptedMark + ".markedAt")).toInstant(),
                OffsetDateTime.parse(document.getString(suppression + ".properties.markedAt")).toInstant());
        assertNull(document.get("runs[0].results.find { it.partialFingerprints.'rustlens/v1' == '" + lapsed + "' }"
                + ".suppressions"), "a lapsed mark no longer dismisses the finding");
    }

    private static String fingerprint(long scanId, String checkId) {
        return given().queryParam("check", checkId).when().get("/api/v1/scans/{id}/findings", scanId).then()
                .statusCode(200).extract().jsonPath().getString("findings[0].fingerprint");
    }
}
