package dev.rustlens.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.gate.GateCondition;
import dev.rustlens.gate.GateResource.GateRequest;
import dev.rustlens.http.BadRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a quality gate: a file with the body the server's gate API takes, or a repository's gate
 * fetched from a server. Its conditions are checked as the server checks them.
 */
final class GateSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The server's answer carries more than the conditions (the baseline, whether it is the default). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GateSource() {
    }

    /** The gate in {@code file}: {@code {"conditions": [...]}}. */
    static List<GateCondition> fromFile(Path file, Set<String> checks) throws UsageError {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageError("cannot read the gate " + file + ": " + ScanReport.oneLine(e));
        }
        return conditions(body, "the gate " + file, checks);
    }

    /** The gate of repository {@code repository} on the server at {@code server}. */
    static List<GateCondition> fromServer(URI server, long repository, Optional<String> token, Set<String> checks)
            throws UsageError {
        URI uri = server.resolve(stripSlash(server.getPath()) + "/api/v1/repositories/" + repository + "/gate");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UsageError("cannot fetch the gate from " + uri + ": " + ScanReport.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while fetching the gate from " + uri);
        }
        if (response.statusCode() != 200) {
            throw new UsageError("the server answered " + response.statusCode() + " for " + uri
                    + (response.statusCode() == 401 || response.statusCode() == 403 ? " (check --token)" : ""));
        }
        return conditions(response.body(), "the gate from " + uri, checks);
    }

    private static List<GateCondition> conditions(byte[] body, String what, Set<String> checks) throws UsageError {
        GateRequest gate;
        try {
            gate = JSON.readValue(body, GateRequest.class);
        } catch (IOException e) {
            throw new UsageError(what + " is not a gate as JSON: " + ScanReport.oneLine(e));
        }
        if (gate == null || gate.conditions() == null) {
            throw new UsageError(what + " has no \"conditions\": write {\"conditions\": [{\"type\": \"min_grade\","
                    + " \"grade\": \"C\"}]}");
        }
        if (gate.conditions().contains(null)) {
            throw new UsageError(what + " has a null condition");
        }
        try {
            gate.conditions().forEach(condition -> condition.validate(checks));
        } catch (BadRequest e) {
            throw new UsageError(what + ": " + e.getMessage());
        }
        return gate.conditions();
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.replaceAll("/+$", "");
    }
}
