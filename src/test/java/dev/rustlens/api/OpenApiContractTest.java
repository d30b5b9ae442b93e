package dev.rustlens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The contract check fails an undocumented operation, status or media type, and a body its schema does not match. */
@Tag("fast")
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = new OpenApiContract("""
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/api/v1/things/{id}": {"get": {"responses": {
               "200": {"description": "a thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "404": {"description": "none", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
              "/api/v1/things/{id}/latest": {"get": {"responses": {"303": {"description": "moved"}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
               "properties": {"id": {"type": "integer"}, "name": {"type": ["string", "null"]}}}}}}
            """);

    private static List<String> check(String method, String path, int status, String type, String body) {
        return CONTRACT.violations(method, path, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentedAnswerKeepsTheContract() {
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 200, "application/json;charset=UTF-8",
                "{\"id\": 7, \"name\": null}"));
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 404, "application/problem+json", "{}"));
        assertEquals(List.of(), check("GET", "/api/v1/nothing", 404, "application/problem+json", "{}"));
    }

    @Test
    void anUndocumentedStatusOrOperationBreaksIt() {
        assertTrue(check("GET", "/api/v1/things/7", 409, "application/problem+json", "{}").getFirst()
                .contains("status 409 is not documented"));
        assertTrue(check("POST", "/api/v1/things/7", 200, "application/json", "{}").getFirst()
                .contains("no operation of the document answers"));
        assertTrue(check("GET", "/api/v1/things/7", 200, "text/csv", "a,b").getFirst()
                .contains("'text/csv' is not documented"));
    }

    @Test
    void aBodyItsSchemaDoesNotMatchBreaksIt() {
        List<String> violations = check("GET", "/api/v1/things/7", 200, "application/json", "{\"name\": 3}");
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void aFollowedRedirectIsLeftToItsTarget() {
        assertEquals(List.of(), check("GET", "/api/v1/things/7/latest", 200, "application/json", "{}"));
    }
}
