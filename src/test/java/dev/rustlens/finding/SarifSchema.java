package dev.rustlens.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates SARIF documents against the SARIF 2.1.0 JSON schema (a copy of ../shared/schemas in the test resources). */
public final class SarifSchema {

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    /** The schema violations of {@code sarif}; empty when it is valid. */
    public static List<String> errors(String sarif) {
        try {
            return SCHEMA.validate(new ObjectMapper().readTree(sarif)).stream().map(Object::toString).toList();
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonSchema load() {
        try (InputStream schemaText = SarifSchema.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
