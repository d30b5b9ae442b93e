package dev.rustlens.bench.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.text.Echo;

/** Reads JSON fields by dotted path, failing with the file and field named. */
final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    static JsonNode parse(String file, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedResultsException(file, "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** The node at {@code path} (dot-separated), or null when any step is missing. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** The finite number at {@code path}; an error naming the field when it is absent or not a number. */
    static double number(JsonNode root, String path, String file) {
        JsonNode node = at(root, path);
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new MalformedResultsException(file, "field " + Echo.quoted(path) + " must be a finite number");
        }
        return node.asDouble();
    }

    /** The number at {@code path}, or null when it is absent. */
    static Double optionalNumber(JsonNode root, String path, String file) {
        return at(root, path) == null ? null : number(root, path, file);
    }

    /** The non-blank text at {@code path}; an error naming the field otherwise. */
    static String text(JsonNode root, String path, String file) {
        JsonNode node = at(root, path);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new MalformedResultsException(file, "field " + Echo.quoted(path) + " must be a non-empty string");
        }
        return node.asText();
    }
}
