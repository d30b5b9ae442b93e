package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unchanged rescan of the corpus crate memchr shares the first scan's finding rows and unsafe
 * sites instead of copying them, and reads as the first scan does in the API, the exports and the summary; a
 * clippy stream imported for the commit afterwards gives it rows of its own, and both scans then
 * read the same again.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class SharedFindingsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anUnchangedRescanSharesTheFirstScansFindingsUntilTheyChange(@TempDir Path dir) throws Exception {
        DiagnosticImportTest.Memchr memchr = DiagnosticImportTest.memchr(dir);
        try (Git git = memchr.git()) {
            long id = register(TestRepositories.url(git));
            long first = awaitSuccess(startScan(id)).getLong("id");
            Map<String, Object> firstPoint = trendPoint(id, first);
            long rescan = awaitSuccess(startScan(id)).getLong("id");
            // The trend's point of the commit is now the rescan's, read from the first scan's counts.
            assertEquals(firstPoint, trendPoint(id, rescan));
            assertEquals(List.of(first), column("select findings_of from scan where id = ?1", rescan));
            assertEquals(List.of(0L), column("select count(*) from finding where scan_id = ?1", rescan),
                    "the rescan wrote no finding rows");
            assertEquals(List.of(0L), column("select count(*) from unsafe_site u join crate_snapshot s"
                    + " on s.id = u.crate_snapshot_id where s.scan_id = ?1", rescan), "nor unsafe sites");
            List<Object> sites = unsafeSites(first);
            assertTrue(sites.size() > 50, "memchr has unsafe code: " + sites.size());
            assertEquals(sites, unsafeSites(rescan));
            assertSameFindings(first, rescan);
            // The findings of every repository list the current scan's, the rescan's, under its id.
            JsonPath across = given().queryParam("repository", id).queryParam("limit", 500).queryParam("sort", "path")
                    .when().get("/api/v1/findings").then().statusCode(200).extract().jsonPath();
            assertEquals(findings(rescan).getInt("total"), across.getInt("total"));
            assertEquals(List.of(rescan), across.getList("findings.scanId", Long.class).stream().distinct().toList());
            int before = findings(rescan).getInt("total");
            assertTrue(before > 20, "memchr has findings: " + before);

            // A triage mark scores the newest scan, the rescan, again: from its own snapshots, still sharing the rows.
            JsonPath counted = given().queryParam("counted", true).queryParam("limit", 1)
                    .when().get("/api/v1/scans/{id}/findings", rescan).then().statusCode(200).extract().jsonPath();
            given().contentType(ContentType.JSON).body(Map.of("fingerprint", counted.getString("findings[0].fingerprint"),
                    "status", "false_positive", "reason", "checked by hand")).when()
                    .post("/api/v1/repositories/{id}/triage", id).then().statusCode(201);
            assertEquals(List.of(first), column("select findings_of from scan where id = ?1", rescan));
            JsonPath triaged = given().queryParam("limit", 500).queryParam("tracking", counted.getString(
                    "findings[0].tracking")).when().get("/api/v1/scans/{id}/findings", rescan).then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(triaged.getList("findings.triage.status").contains("false_positive"), triaged.prettify());
            assertTrue(triaged.getList("findings.worth").stream().anyMatch(Objects::nonNull),
                    "what fixing a finding is worth comes from the rescan's snapshots");
            // Without the mark, the rescan scored again from the shared rows scores as the first scan.
            given().when().delete("/api/v1/repositories/{id}/triage/{fingerprint}", id,
                    counted.getString("findings[0].fingerprint")).then().statusCode(204);
            assertEquals(List.of(first), column("select findings_of from scan where id = ?1", rescan));
            assertEquals(scan(first).<Object>get("crates.score"), scan(rescan).<Object>get("crates.score"));
            assertEquals(scan(first).<Object>get("crates.ratings"), scan(rescan).<Object>get("crates.ratings"));

            JsonPath answer = DiagnosticImportTest.upload(id, memchr.base().name(),
                    "/diagnostics/memchr-2.5.0-clippy.jsonl.gz");
            assertEquals(List.of(first, rescan), answer.getList("scans.scanId", Long.class).stream().sorted().toList());
            assertEquals(List.of(), column("select findings_of from scan where id = ?1 and findings_of is not null",
                    rescan), "changing its findings gave the rescan rows of its own");
            assertNotEquals(List.of(0L), column("select count(*) from finding where scan_id = ?1", rescan));
            assertSameFindings(first, rescan);
            int imported = answer.getInt("scans[0].imported");
            assertTrue(imported > 0, "clippy's lints added as findings");
            assertEquals(before + imported, findings(rescan).getInt("total"));
        }
    }

    /** The two scans list the same findings (rows, counts, CSV) and summarise them alike. */
    private static void assertSameFindings(long first, long rescan) {
        JsonPath a = findings(first);
        JsonPath b = findings(rescan);
        assertEquals(a.getLong("total"), b.getLong("total"));
        assertEquals(withoutIds(a.getList("findings")), withoutIds(b.getList("findings")));
        String csvA = given().when().get("/api/v1/scans/{id}/findings.csv", first).then().statusCode(200)
                .extract().asString();
        String csvB = given().when().get("/api/v1/scans/{id}/findings.csv", rescan).then().statusCode(200)
                .extract().asString();
        assertEquals(csvA.replaceAll("(?m)^[0-9]+,", ""), csvB.replaceAll("(?m)^[0-9]+,", ""));
        for (String field : List.of("findingsNew", "findingsFixed", "score", "grade", "crates.findings", "crates.name")) {
            assertEquals(scan(first).<Object>get(field), scan(rescan).<Object>get(field), field);
        }
    }

    /** A finding's id names its row, which differs once the rescan has rows of its own. */
    private static List<Map<String, Object>> withoutIds(List<Map<String, Object>> findings) {
        return findings.stream().map(finding -> {
            Map<String, Object> copy = new TreeMap<>(finding);
            copy.remove("id");
            return copy;
        }).toList();
    }

    private static JsonPath findings(long scanId) {
        return given().queryParam("limit", 500).when().get("/api/v1/scans/{id}/findings", scanId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The repository's one trend point, which must be scan {@code scanId}'s, without its scan id. */
    private static Map<String, Object> trendPoint(long repositoryId, long scanId) {
        JsonPath trend = given().when().get("/api/v1/repositories/{id}/trends", repositoryId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(scanId), trend.getList("points.scanId", Long.class));
        Map<String, Object> point = new TreeMap<>(trend.getMap("points[0]"));
        point.remove("scanId");
        assertTrue(((Map<?, ?>) point.get("findingsBySeverity")).size() > 1, point.toString());
        return point;
    }

    /** Every unsafe site of the scan, as the API lists them page by page. */
    static List<Object> unsafeSites(long scanId) {
        List<Object> sites = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("limit", 40);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/scans/{id}/unsafe-sites", scanId).then().statusCode(200)
                    .extract().jsonPath();
            sites.addAll(page.getList("unsafeSites"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return sites;
    }

    private static JsonPath scan(long scanId) {
        return given().when().get("/api/v1/scans/{id}", scanId).then().statusCode(200).extract().jsonPath();
    }

    private List<Long> column(String sql, long scanId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .createNativeQuery(sql, Long.class).setParameter(1, scanId).getResultList());
    }
}
