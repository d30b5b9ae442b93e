package dev.rustlens.finding;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Validates SARIF documents against the SARIF 2.1.0 JSON schema (a copy of ../shared/schemas in the test resources). */
public final class SarifSchema {

    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    /** The schema violations of {@code sarif}; empty when it is valid. */
    public static List<Error> errors(String sarif) {
        return SCHEMA.validate(JsonMapper.builder().build().readTree(sarif));
    }

    private static Schema load() {
        try (InputStream schemaText = SarifSchema.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
