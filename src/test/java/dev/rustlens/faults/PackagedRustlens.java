package dev.rustlens.faults;

import static io.restassured.RestAssured.given;

import dev.rustlens.gitrepo.LoopbackGitServer;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app) run as its own process, as an operator runs it:
 * production profile, settings from environment variables, on a free loopback port. Tests stop it
 * as a service manager would (SIGTERM) or as a crash does (SIGKILL).
 */
final class PackagedRustlens implements AutoCloseable {

    /** The admin token every instance is started with. */
    static final String ADMIN_TOKEN = "rlt_fault-tests-admin-token-0123456789";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path SERVER_LAUNCHER = Path.of("bin", "rustlens-server");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Map<String, String> environment;
    private final List<String> launcher = new ArrayList<>();
    private Path jar = JAR;
    private Path serverLauncher = SERVER_LAUNCHER;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * An instance named {@code instance} using the database schema {@code schema}, its work
     * directory {@code workDir}, and {@code settings} (environment variables) on top.
     */
    PackagedRustlens(String instance, String schema, Path workDir, Map<String, String> settings) throws IOException {
        this.port = freePort();
        this.log = Files.createDirectories(Path.of("target", "fault-tests")).resolve(instance + "-" + port + ".log");
        environment = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "DB_SCHEMA", schema,
                "RUSTLENS_WORK_DIR", workDir.toString(),
                "RUSTLENS_SCAN_INSTANCE_ID", instance,
                "RUSTLENS_ADMIN_TOKEN", ADMIN_TOKEN,
                "RUSTLENS_ADMIN_PASSWORD", "fault-tests-password",
                "RUSTLENS_OUTBOUND_ALLOW", "127.0.0.0/8,::1/128",
                "RUSTLENS_OUTBOUND_TRUSTED_CERTIFICATES", LoopbackGitServer.CERTIFICATE.toString(),
                "RUSTLENS_OUTBOUND_READ_TIMEOUT", "2s"));
        environment.put("RUSTLENS_GIT_RETRIES", "0");
        environment.putAll(settings);
    }

    /** Starts without the variable {@code name} (e.g. no admin token), as an operator who did not set it. */
    PackagedRustlens without(String name) {
        environment.remove(name);
        return this;
    }

    /**
     * Runs the process as the unprivileged user {@code nobody} when this test runs as root (as CI
     * does), through setpriv, which executes java in its place so that signals reach it. The
     * packaged application and its launcher are run from {@code readableCopy}, a copy that user can
     * read wherever the checkout is.
     */
    PackagedRustlens unprivileged(Path readableCopy) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            launcher.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
            jar = readableCopy.resolve(JAR.getFileName());
            serverLauncher = readableCopy.resolve(SERVER_LAUNCHER.getFileName());
            if (Files.exists(jar)) {
                return this; // copied for an earlier instance
            }
            Path application = JAR.toAbsolutePath().getParent();
            try (var files = Files.walk(application)) {
                for (Path file : files.toList()) {
                    Path copy = readableCopy.resolve(application.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(
                            Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Files.copy(SERVER_LAUNCHER, serverLauncher);
            Files.setPosixFilePermissions(serverLauncher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return this;
    }

    /** Starts the process and waits until it is ready; fails with the end of its log if it is not. */
    PackagedRustlens start() throws IOException, InterruptedException {
        launch();
        awaitReady();
        return this;
    }

    /** Starts the process without waiting: {@link #awaitReady()} then. */
    void launch() throws IOException {
        // As README.md starts it: bin/rustlens-server, which execs java in its place (signals reach it).
        List<String> command = new ArrayList<>(launcher);
        command.add(serverLauncher.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("RUSTLENS_HOME", jar.toAbsolutePath().getParent().toString());
        process = builder.start();
    }

    void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("rustlens exited with " + process.exitValue() + " while starting:\n" + logTail());
                }
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("rustlens was not ready within " + START_LIMIT + ":\n" + logTail());
    }

    /** REST Assured aimed at this instance, with the admin token. */
    RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(port).auth().oauth2(ADMIN_TOKEN);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends SIGTERM, as a service manager stops a service. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Whether the process ended within {@code seconds}. */
    boolean exitedWithin(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** The exit status of an ended process. */
    int exitValue() {
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out
     * for {@code bind(0)} may be taken by another process's outgoing connection (a database or
     * fetch) before the server binds it, which once made a start fail with "port in use".
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
