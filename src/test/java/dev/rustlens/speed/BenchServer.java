package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packaged rustlens started as its own process for a benchmark: on a schema of its own, on its
 * own port, logging to a file; plus the JDBC connection benchmarks seed it through, and the API calls
 * they make.
 */
final class BenchServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private BenchServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code jar} with the given extra JVM options (-D...) and waits until it is ready. */
    static BenchServer start(Path jar, String schema, int port, Path log, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Ddb.schema=" + schema, "-Dquarkus.http.port=" + port));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        return launch(new ProcessBuilder(command), port, log);
    }

    /** Runs {@code command} (a launcher that execs the server, keeping its process id) and waits until it is ready. */
    static BenchServer launch(ProcessBuilder command, int port, Path log) throws Exception {
        BenchServer server = new BenchServer(command.redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                port);
        try {
            server.awaitReady();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** GETs a JSON answer of the API. */
    JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** POSTs {@code body} as JSON with the admin {@code token}; a status of 300 or more is an error. */
    JsonNode post(String path, Map<String, Object> body, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls the repository's scan list (summaries: a scan's own page would send all its findings) until the scan ends. */
    JsonNode awaitScan(long repositoryId, long id) throws Exception {
        while (true) {
            for (JsonNode scan : get("/api/v1/repositories/" + repositoryId + "/scans?limit=100")) {
                String status = scan.get("status").asText();
                if (scan.get("id").asLong() == id && !status.equals("queued") && !status.equals("running")) {
                    return scan;
                }
            }
            Thread.sleep(50);
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rustlens exited with status " + process.exitValue() + "; see its log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("rustlens did not start within 2 minutes");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection to the local PostgreSQL that the started rustlens uses. */
    static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    /** The size on disk of each table of the schema (with its indexes and TOAST), by table name. */
    static Map<String, Long> tableBytes(String schema) throws Exception {
        Map<String, Long> sizes = new TreeMap<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + schema
                        + "' and c.relkind in ('r', 'm')")) {
            while (result.next()) {
                sizes.put(result.getString(1), result.getLong(2));
            }
        }
        return sizes;
    }

    static void sql(String statement) throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
