package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.rustlens.gitrepo.ArchiveUploadTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** A value a parameter does not take is a 400 naming the parameter and the values it takes, worded alike everywhere. */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class BadChoicesTest {

    private static void refused(String path, String parameter, String value, String detail, Object... pathParams) {
        given().queryParam(parameter, value).when().get(path, pathParams).then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo(detail));
    }

    @Test
    void everyEnumeratedQueryParameterNamesWhatItTakes() {
        long repository = ArchiveUploadTest.registerArchiveRepository();
        refused("/api/v1/repositories", "kind", "Git", "kind must be git or archive, not 'Git'");
        refused("/api/v1/scans/{id}/findings", "severity", "major",
                "severity must be one of INFO, MINOR, MAJOR, CRITICAL or BLOCKER, not 'major'", Long.MAX_VALUE);
        refused("/api/v1/scans/{id}/findings", "tracking", "fixed", "tracking must be new or unchanged, not 'fixed'",
                Long.MAX_VALUE);
        refused("/api/v1/repositories/{id}/gate", "scope", "pr", "scope must be main or pull_request, not 'pr'",
                repository);
        refused("/api/v1/repositories/{id}/benchmarks/alerts", "status", "closed",
                "status must be one of open, acknowledged or resolved, not 'closed'", repository);
        refused("/api/v1/crates", "grade", "F", "grade must be one of A, B, C, D or E, not 'F'");
        given().queryParam("metric", "score,Score").when().get("/api/v1/repositories/{id}/trends", repository)
                .then().statusCode(400).body("detail", startsWith("metric must be one of "));
    }
}
