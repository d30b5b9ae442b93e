package dev.rustlens.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.gate.GateCondition;
import dev.rustlens.gate.GateResource.GateRequest;
import dev.rustlens.http.BadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads a quality gate: a file with the body the server's gate API takes, or a repository's gate
 * fetched from a server. Its conditions are checked as the server checks them.
 */
final class GateSource {

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

    /** The gate of repository {@code repository} on the server. */
    static List<GateCondition> fromServer(ServerClient server, long repository, Set<String> checks) throws UsageError {
        String path = "/api/v1/repositories/" + repository + "/gate";
        return conditions(server.get(path), "the gate from " + server.resolve(path), checks);
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
}
