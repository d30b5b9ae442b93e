package dev.rustlens.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Each operation documents its answers fully, so a client can be generated from the document. */
    @Test
    void everyOperationDocumentsItsSchemasParametersAndProblems() {
        given().get("/api/v1/scoring").then().statusCode(200); // through the contract check, as every API request
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> gaps = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((code, response) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (content != null) {
                    content.forEach((type, media) -> {
                        if (type.contains("json") && !type.contains("sarif") && media.get("schema") == null) {
                            gaps.add(name + " " + code + " " + type + ": no schema");
                        }
                        if (code.startsWith("4") && type.contains("json") && !String.valueOf(media.get("schema")).contains("Problem")) {
                            gaps.add(name + " " + code + ": not the problem schema");
                        }
                    });
                }
            });
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                gaps.add(name + ": no success status");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.get("parameters");
            if (parameters != null) {
                parameters.stream().filter(parameter -> parameter.get("description") == null)
                        .forEach(parameter -> gaps.add(name + ": parameter " + parameter.get("name") + " undescribed"));
                List<Object> names = parameters.stream().map(parameter -> parameter.get("name")).toList();
                if (names.contains("limit") != names.contains("cursor") || names.contains("page")
                        || names.contains("before")) {
                    gaps.add(name + ": a list paged otherwise than by limit and cursor " + names);
                }
            }
        }));
        assertEquals(List.of(), gaps);
        assertTrue(ContractCheck.CHECKED.get() > 0, "the contract check ran over this test's requests");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
