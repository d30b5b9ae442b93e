package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-wide crates table and the overview's summary line, against real scans. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CratesPageTest {

    private static final String UNSAFE_LIB = "//! Reads.\n/// Reads.\npub fn first(p: *const u8) -> u8 {\n"
            + "    unsafe { *p }\n}\n";

    @Test
    void everyCrateOfEveryRepositoryIsListedWithItsScoreAndChange(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"portfolio-probe\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
                "src/lib.rs", UNSAFE_LIB))) {
            long repository = register(TestRepositories.url(git));
            awaitScan(startScan(repository));
            TestRepositories.commit(git, Map.of("src/lib.rs", UNSAFE_LIB + "\n/// Reads too.\npub fn second(p: *const u8)"
                    + " -> u8 {\n    unsafe { *p.add(1) }\n}\n"), "a second unsafe read");
            awaitScan(startScan(repository));

            JsonPath crates = given().queryParam("repository", repository).when().get("/api/v1/crates")
                    .then().statusCode(200).body("$", hasSize(1)).extract().jsonPath();
            assertEquals("portfolio-probe", crates.getString("[0].name"));
            assertEquals(2, crates.getInt("[0].unsafeBlocks"));
            JsonPath detail = given().when().get("/api/v1/crates/{id}", crates.getLong("[0].crateId")).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(detail.getInt("score"), crates.getInt("[0].score"), "the same score as the crate's page");
            assertTrue(crates.getInt("[0].scoreChange") <= 0, "a second unjustified block costs points");
            List<String> kinds = List.of("UNSAFE", "PANICS", "DOCUMENTATION", "VERIFICATION", "HYGIENE");
            kinds.forEach(kind -> assertTrue(crates.getMap("[0].ratings").containsKey(kind), kind));

            given().queryParam("name", "PROBE").when().get("/crates").then().statusCode(200)
                    .body(containsString(">portfolio-probe</a> <small>0.3.0</small>"),
                            containsString("<td>2</td><td>0</td>"));
            given().queryParam("repository", repository).queryParam("grade", "A").queryParam("name", "nothing-like-it")
                    .when().get("/crates").then().statusCode(200)
                    .body(containsString("No crate matches."), not(containsString("portfolio-probe")));
            given().queryParam("grade", "F").when().get("/crates").then().statusCode(400)
                    .body(containsString("grade must be one of A, B, C, D or E, not &#39;F&#39;"));
            given().queryParam("repository", "x").when().get("/api/v1/crates").then().statusCode(400)
                    .body("detail", containsString("repository must be a repository id"));

            String overview = given().when().get("/").then().statusCode(200)
                    .body(containsString("gates failing"), containsString("new critical"),
                            containsString("<a href=\"/crates\">every crate, riskiest first</a>"),
                            containsString("<a href=\"/findings?counted=true&amp;sort=severity\">"))
                    .extract().asString();
            // The repository's row: its unsafe blocks' sparkline with the current value and the change, on
            // the column's scale from zero, described for screen readers.
            String row = overview.substring(overview.indexOf("<tr id=\"repository-" + repository + "\">"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(Pattern.compile("aria-label=\"Unsafe blocks over the last 2 scans: from 1 to 2 \\(up 1\\),"
                    + " on a scale from 0 to \\d+ that every row of this column shares\"").matcher(row).find(), row);
            assertTrue(row.contains("<span class=\"spark-value\">2 <span class=\"spark-change\" aria-hidden=\"true\">▲1</span>"
                    + "<span class=\"visually-hidden\">up 1</span></span>"), row);
            assertTrue(row.contains("Score over the last 2 scans: from "), row);
        }
    }
}
