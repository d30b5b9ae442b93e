package dev.rustlens.api;

import dev.rustlens.analysis.check.Severity;
import dev.rustlens.bench.BenchmarkAlert;
import dev.rustlens.finding.FindingFilter;
import dev.rustlens.gate.GateScope;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scoring.Grade;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes /q/openapi with what every API operation shares, so that each one documents the
 * errors it really answers: the RFC 9457 problem schema as a component, and the problem responses
 * that follow from the operation's shape (400 for any query parameter it does not take, 401 for a
 * bad credential, 403 when it needs a role, 404 when its path names something, 413 and 415 when it
 * takes a body, 500 for a bug of ours, 503 when the database is down); and the description of
 * each parameter, worded once per parameter name.
 */
public class ApiContractFilter implements OASFilter {

    /** The component name of the problem schema. */
    static final String PROBLEM = "Problem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Pattern PATH_ID = Pattern.compile("/([a-z-]+)/\\{([A-Za-z]+)}");

    /** What each query parameter means, wherever it appears. */
    private static final Map<String, String> QUERY_PARAMETERS = Map.ofEntries(
            Map.entry("limit", "The most items one page holds."),
            Map.entry("cursor", "Where the page starts: the cursor in the previous page's Link (absent for the first)."),
            Map.entry("q", "Only repositories whose name contains this text (case-insensitive)."),
            Map.entry("kind", "Only repositories of this kind."),
            Map.entry("branch", "The branch (the repository's default branch when absent)."),
            Map.entry("commit", "A commit id, full or abbreviated (7 to 40 hexadecimal digits)."),
            Map.entry("committedAt", "When the commit was made, ISO 8601 with an offset (the upload's time when absent)."),
            Map.entry("target", "The branch a pull request's branch is compared with (the default branch when absent)."),
            Map.entry("pullRequest", "The pull request the scan is of, e.g. its number."),
            Map.entry("wait", "How many seconds to wait for a pending verdict (0 to 600)."),
            Map.entry("from", "The first day of the range, e.g. 2026-01-31."),
            Map.entry("to", "The last day of the range, e.g. 2026-03-31."),
            Map.entry("metric", "Comma-separated series to return (all when absent)."),
            Map.entry("crate", "Only this crate, by name."),
            Map.entry("check", "Only this check id, e.g. `unwrap_used` or an imported lint `clippy::needless_return`."),
            Map.entry("severity", "Only findings of this severity."),
            Map.entry("tracking", "Only findings new since the previous scan of the branch, or unchanged."),
            Map.entry("path", "Only findings in files whose repository-relative path starts with this."),
            Map.entry("inTest", "Only findings in test code (true) or outside it (false)."),
            Map.entry("counted", "Only findings that count against the score (true) or that do not (false)."),
            Map.entry("grade", "Only crates graded this or worse (D keeps D and E)."),
            Map.entry("name", "Only crates whose name contains this text."),
            Map.entry("repository", "Only crates of this repository, by id."),
            Map.entry("scope", "Which gate: the main-branch gate or the pull-request gate."),
            Map.entry("status", "Only alerts of this status."),
            Map.entry("measure", "The measure, e.g. latency or throughput."),
            Map.entry("testbed", "The machine the benchmarks ran on (all when absent)."),
            Map.entry("format", "The format of the uploaded report (told from its content when absent)."),
            Map.entry("root", "The checkout directory the report's absolute paths start with (inferred when absent)."));

    /** The values of the query parameters that take one of a closed set (http.Choices checks them). */
    private static final Map<String, List<String>> QUERY_CHOICES = Map.of(
            "kind", names(GitRepository.Kind.values(), Enum::name),
            "severity", names(Severity.values(), Enum::name),
            "tracking", FindingFilter.TRACKING,
            "grade", names(Grade.values(), Enum::name),
            "scope", names(GateScope.values(), GateScope::key),
            "status", names(BenchmarkAlert.Status.values(), Enum::name));

    /** What each path parameter that is not an id means. */
    private static final Map<String, String> PATH_PARAMETERS = Map.of(
            "branch", "The branch's name, URL-encoded.",
            "fingerprint", "The finding's fingerprint, as findings show it.",
            "measure", "The measure, e.g. latency.",
            "list", "Which list: `files` or `crates`.",
            "format", "Which export of the newest scan: `findings`, `findings.csv`, `findings.sarif`, `crates` or"
                    + " `crates.csv`.");

    private static <E> List<String> names(E[] constants, Function<E, String> name) {
        return Arrays.stream(constants).map(name).toList();
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema(PROBLEM, OASFactory.createSchema()
                .description("An RFC 9457 problem: what went wrong, with a detail to act on.")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A URI naming the kind of problem (about:blank: the status says it)."))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The status's reason phrase."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status code."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What was wrong and how to put it right."))
                .required(List.of("type", "title", "status", "detail")));
        openApi.getComponents().getSchemas().values().forEach(ApiContractFilter::nullableUnlessRequired);
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> complete(path, operation));
            }
        });
    }

    /**
     * Says of each property that is not required that it may be null, as the JSON has it: records
     * write an absent value as null (a scan's {@code finishedAt} while it runs), and a generated
     * client must accept that.
     */
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            nullableUnlessRequired(property);
            if (property.getItems() != null) {
                nullableUnlessRequired(property.getItems());
            }
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                properties.put(name, OASFactory.createSchema().addAnyOf(property)
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
        schema.setProperties(properties);
    }

    private static void complete(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        problem(responses, "400", "Bad input: a parameter or body of the wrong form or value, or a query parameter"
                + " this operation does not take (the detail names it and the ones it takes).");
        problem(responses, "401", "No credential where one is needed, or one that is not valid.");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            problem(responses, "403", "The role is too weak, or a cookie-borne write came from another origin.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Nothing that this path names exists.");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than this server accepts.");
            problem(responses, "415", "The body's Content-Type is not one this operation takes.");
        }
        problem(responses, "500", "An error of the server's own; its log has the details.");
        problem(responses, "503", "The database is down, stalled or busy; try again after Retry-After seconds.");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problem(responses, code, response.getDescription());
            }
        });
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> describe(path, parameter));
        }
    }

    /** Adds the problem response {@code code}, or the problem body to one documented without a body. */
    private static void problem(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(problemContent());
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static void describe(String path, Parameter parameter) {
        if (parameter.getDescription() != null && !parameter.getDescription().isBlank()) {
            return;
        }
        String name = parameter.getName();
        Optional<String> description = parameter.getIn() == Parameter.In.PATH ? pathParameter(path, name)
                : Optional.ofNullable(QUERY_PARAMETERS.get(name));
        description.ifPresent(parameter::setDescription);
        List<String> choices = QUERY_CHOICES.get(name);
        if (parameter.getIn() == Parameter.In.QUERY && choices != null && parameter.getSchema() != null) {
            parameter.getSchema().setEnumeration(List.copyOf(choices));
        }
    }

    private static Optional<String> pathParameter(String path, String name) {
        Matcher match = PATH_ID.matcher(path);
        while (match.find()) {
            if (match.group(2).equals(name) && name.toLowerCase(Locale.ROOT).endsWith("id")) {
                return Optional.of("The " + singular(match.group(1)).replace('-', ' ') + "'s id.");
            }
        }
        return Optional.ofNullable(PATH_PARAMETERS.get(name));
    }

    /** {@code repositories} → {@code repository}, {@code scans} → {@code scan}. */
    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
