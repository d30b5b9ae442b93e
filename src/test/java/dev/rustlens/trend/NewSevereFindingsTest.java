package dev.rustlens.trend;

import static dev.rustlens.scan.ScanFlowTest.awaitSuccess;
import static dev.rustlens.scan.ScanFlowTest.findingsOf;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's count of new critical findings, summed from the counts stored with each scan:
 * a scan's own rows, a rescan reading the rows of the scan it repeats, less what triage takes out.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class NewSevereFindingsTest {

    /** Two unsafe reads without a SAFETY comment: two new CRITICAL findings on a first scan, in library code. */
    private static final Map<String, String> FILES = Map.of(
            "Cargo.toml", "[package]\nname = \"severe-probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            "Cargo.lock", "version = 3\n",
            "src/lib.rs", "//! Demo.\n\n/// Reads.\npub fn first(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n\n"
                    + "/// Reads too.\npub fn second(p: *const u8) -> u8 {\n    unsafe { *p.add(1) }\n}\n");

    @Inject
    RepositoryReports reports;

    @Test
    void eachScanCountsItsNewCriticalFindingsOnceLessTheTriagedOnes(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("probe"), FILES)) {
            long repositoryId = register(TestRepositories.url(git));
            JsonPath first = awaitSuccess(startScan(repositoryId));
            long firstId = first.getLong("id");
            assertEquals(2, reports.newSevereFindings(List.of(firstId)), "two undocumented unsafe blocks");

            // The same commit again: the rescan reads the first scan's rows and counts, each scan counted on its own.
            long rescanId = awaitSuccess(startScan(repositoryId)).getLong("id");
            assertEquals(2, reports.newSevereFindings(List.of(rescanId)));
            assertEquals(4, reports.newSevereFindings(List.of(firstId, rescanId)));

            String fingerprint = findingsOf(first).getString(
                    "findings.find { it.checkId == 'undocumented_unsafe_block' }.fingerprint");
            given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "false_positive",
                    "reason", "checked by hand")).post("/api/v1/repositories/{id}/triage", repositoryId)
                    .then().statusCode(201);
            assertEquals(1, reports.newSevereFindings(List.of(rescanId)), "the triaged finding no longer counts");
            assertEquals(2, reports.newSevereFindings(List.of(firstId, rescanId)));
            assertEquals(0, reports.newSevereFindings(List.of()));
        }
    }
}
