package dev.rustlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The rustlens server's API as the scanner calls it: JSON in and out, a bearer token when given. */
final class ServerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Storing a large repository's upload takes the server a while. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    private final URI server;
    private final Optional<String> token;

    ServerClient(URI server, Optional<String> token) {
        this.server = server;
        this.token = token;
    }

    /** The URI of an API path ({@code /api/v1/...}) on the server, under the server URL's own path. */
    URI resolve(String apiPath) {
        String base = server.getPath() == null ? "" : server.getPath().replaceAll("/+$", "");
        return server.resolve(base + apiPath);
    }

    /** GETs {@code apiPath}; the body of a 200. */
    byte[] get(String apiPath) throws UsageError {
        return send(HttpRequest.newBuilder(resolve(apiPath)).GET(), 200);
    }

    /** POSTs {@code json} to {@code apiPath}; the body of a 201. */
    byte[] post(String apiPath, byte[] json) throws UsageError {
        return post(apiPath, json, "application/json");
    }

    /** POSTs {@code body} of {@code mediaType} to {@code apiPath}; the body of a 201. */
    byte[] post(String apiPath, byte[] body, String mediaType) throws UsageError {
        return send(HttpRequest.newBuilder(resolve(apiPath)).header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), 201);
    }

    private byte[] send(HttpRequest.Builder request, int expected) throws UsageError {
        request.timeout(ANSWER_TIMEOUT).header("Accept", "application/json");
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UsageError("cannot reach " + built.uri() + ": " + ScanReport.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while waiting for " + built.uri());
        }
        if (response.statusCode() != expected) {
            throw new UsageError("the server answered " + response.statusCode() + " for " + built.method() + " "
                    + built.uri() + hint(response));
        }
        return response.body();
    }

    /** What the server said was wrong (an RFC 9457 problem's detail), or what to check. */
    private static String hint(HttpResponse<byte[]> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return " (check --token or RUSTLENS_TOKEN: uploads need a maintainer's token)";
        }
        try {
            String detail = JSON.readTree(response.body()).path("detail").asText("");
            return detail.isEmpty() ? "" : ": " + detail;
        } catch (IOException e) {
            return ""; // not a problem document: the status says it all
        }
    }
}
