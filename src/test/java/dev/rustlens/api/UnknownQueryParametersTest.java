package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A query parameter an API endpoint does not take is refused, not ignored. */
@QuarkusTest
class UnknownQueryParametersTest {

    @Test
    void aMisspeltFilterIsA400NamingWhatTheEndpointTakes() {
        given().queryParam("test", "false").when().get("/api/v1/scans/{id}/findings", Long.MAX_VALUE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("unknown query parameter 'test'; this endpoint takes check, counted, crate,"
                        + " cursor, inTest, limit, path, severity, tracking"));
        given().queryParam("Name", "x").queryParam("zzz", "1").when().get("/api/v1/crates")
                .then().statusCode(400)
                .body("detail", equalTo("unknown query parameters 'Name', 'zzz'; this endpoint takes cursor, grade,"
                        + " limit, name, order, repository, sort"));
        given().queryParam("page", "2").when().get("/api/v1/scoring").then().statusCode(400)
                .body("detail", equalTo("unknown query parameter 'page'; this endpoint takes none"));
        // The parameters an endpoint takes pass on to it.
        given().queryParam("name", "no-such-crate").when().get("/api/v1/crates").then().statusCode(200);
        given().queryParam("inTest", "false").when().get("/api/v1/scans/{id}/findings", Long.MAX_VALUE)
                .then().statusCode(404);
    }
}
