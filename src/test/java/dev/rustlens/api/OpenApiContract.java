package dev.rustlens.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document as a contract for responses: the operation a request names must be
 * documented, with the status it got, and a JSON body must match the schema documented for that
 * status and media type (JSON Schema 2020-12, as OpenAPI 3.1 uses). A request that names no
 * operation may only be a 404 or 405 problem.
 */
final class OpenApiContract {

    private static final String BASE = "https://rustlens.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** One documented path: its template and the pattern of the request paths it stands for. */
    private record Route(String template, Pattern pattern, int variables) {
    }

    OpenApiContract(String openApiJson) {
        try {
            this.document = JSON.readTree(openApiJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("/q/openapi is not JSON", e);
        }
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, openApiJson))));
        names(document.path("paths")).forEach(template -> routes.add(new Route(template,
                Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
                template.split("\\{", -1).length - 1)));
    }

    /**
     * What is wrong with a response to {@code method} on {@code rawPath} (undecoded, without the
     * query) as the document describes it; empty when it keeps the contract.
     */
    List<String> violations(String method, String rawPath, int status, String contentType, byte[] body) {
        String operation = method.toUpperCase(Locale.ROOT) + " " + rawPath + " → " + status;
        Optional<String> template = routes.stream().filter(route -> route.pattern().matcher(rawPath).matches())
                .min(Comparator.comparingInt(Route::variables)).map(Route::template)
                .filter(found -> document.path("paths").path(found).has(method.toLowerCase(Locale.ROOT)));
        if (template.isEmpty()) {
            if ((status == 404 || status == 405) && isProblem(contentType)) {
                return List.of();
            }
            return List.of(operation + ": no operation of the document answers this request");
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/"
                + status;
        JsonNode response = document.at(pointer);
        if (response.isMissingNode() && status / 100 == 2 && redirects(template.get(), method)) {
            return List.of(); // the client followed the redirect; the target's own operation is checked when called
        }
        if (response.isMissingNode()) {
            return List.of(operation + ": status " + status + " is not documented for " + method + " "
                    + template.get());
        }
        if (body.length == 0) {
            return List.of();
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Optional<String> documented = names(response.path("content")).stream()
                .filter(type -> type.split(";", 2)[0].strip().equalsIgnoreCase(mediaType)).findFirst();
        if (documented.isEmpty()) {
            return List.of(operation + ": a body of type '" + mediaType + "' is not documented (documented: "
                    + names(response.path("content")) + ")");
        }
        if (!isJson(mediaType)) {
            return List.of();
        }
        String schemaPointer = pointer + "/content/" + escape(documented.get()) + "/schema";
        JsonNode schema = document.at(schemaPointer);
        if (schema.isMissingNode() || schema.isEmpty()) {
            return List.of(operation + ": no schema is documented for its " + mediaType + " body");
        }
        Set<ValidationMessage> errors = compiled.computeIfAbsent(schemaPointer,
                at -> schemas.getSchema(SchemaLocation.of(BASE + "#" + at)))
                .validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON);
        return errors.stream().limit(10).map(error -> operation + ": " + error).toList();
    }

    /** Whether the operation answers with a redirect (and nothing else of success). */
    private boolean redirects(String template, String method) {
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses");
        return names(responses).stream().anyMatch(code -> code.startsWith("3"))
                && names(responses).stream().noneMatch(code -> code.startsWith("2"));
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** JSON bodies are checked; SARIF keeps to its own published schema, checked by the SARIF tests. */
    private static boolean isJson(String mediaType) {
        return (mediaType.equals("application/json") || mediaType.endsWith("+json"))
                && !mediaType.equals("application/sarif+json");
    }

    /** The property names of an object node, in order. */
    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
