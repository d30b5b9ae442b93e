package dev.rustlens.web;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a count on a page says is what its link opens: every link to the findings browser whose
 * text starts with a number, on the repository page and the crate page, lists that many findings.
 * The crate has findings in test code and a triaged one, the cases where such counts went apart.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class CountLinksTest {

    private static final String LIB = """
            //! Reads.

            /// Reads the first byte.
            pub fn first(p: *const u8) -> u8 {
                unsafe { *p }
            }

            /// Reads the second byte.
            pub fn second(p: *const u8) -> u8 {
                unsafe { *p.add(1) }
            }

            /// Parses.
            pub fn parse(s: &str) -> u32 {
                s.parse().unwrap()
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn parses() {
                    assert_eq!(super::parse("1"), 1);
                    let _ = "2".parse::<u32>().unwrap();
                    let _ = unsafe { *[1u8].as_ptr() };
                }
            }
            """;

    private static final Pattern COUNT_LINK = Pattern.compile("<a href=\"(/findings\\?[^\"]+)\">(\\d+)[^<]*</a>");
    private static final Pattern LISTED = Pattern.compile("<p class=\"meta\" role=\"status\">(\\d+) findings? in scan");

    @Test
    void everyCountLinkOpensAListOfThatLength(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"counted\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "src/lib.rs", LIB))) {
            long repository = register(TestRepositories.url(git));
            JsonPath scan = awaitScan(startScan(repository));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            String fingerprint = given().queryParam("check", "undocumented_unsafe_block").queryParam("inTest", false)
                    .when().get("/api/v1/scans/{id}/findings", scan.getLong("id")).then().statusCode(200)
                    .extract().jsonPath().getString("findings[0].fingerprint");
            given().contentType(ContentType.JSON).body(Map.of("fingerprint", fingerprint, "status", "accepted",
                    "reason", "the caller passes a readable byte")).when().post("/api/v1/repositories/{id}/triage", repository)
                    .then().statusCode(201);

            List<String> checked = new ArrayList<>();
            for (String page : List.of("/repositories/" + repository, "/crates/" + scan.getLong("crates[0].crateId"))) {
                Matcher link = COUNT_LINK.matcher(given().when().get(page).then().statusCode(200).extract().asString());
                while (link.find()) {
                    String target = link.group(1).replace("&amp;", "&");
                    String list = given().urlEncodingEnabled(false).when().get(target).then().statusCode(200)
                            .extract().asString();
                    Matcher listed = LISTED.matcher(list);
                    assertTrue(listed.find(), target + " lists findings");
                    assertEquals(link.group(2), listed.group(1), page + " says " + link.group(0) + "; the link lists "
                            + listed.group(1));
                    checked.add(target);
                }
            }
            assertTrue(checked.size() >= 4, "the pages' count links: " + checked);
        }
    }
}
