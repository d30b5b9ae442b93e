package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the JSON API (not the pages) with its token scheme, and Swagger UI is served. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesTheApiAndItsSecurity() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("rustlens API"))
                .body("paths", hasKey("/api/v1/repositories"))
                .body("paths", hasKey("/api/v1/scans/{id}/findings.sarif"))
                .body("paths", hasKey("/api/v1/tokens"))
                .body("paths", hasKey("/api/v1/repositories/{id}/uploads"))
                .body("paths", not(hasKey("/repositories/{id}")))
                .body("paths", not(hasKey("/login")))
                .body("components.securitySchemes.apiToken.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/repositories'.post.security", notNullValue())
                .body("paths.'/api/v1/repositories'.post.summary", containsString("Register"))
                .body("paths.'/api/v1/repositories'.post.tags", hasItem("Repositories"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
