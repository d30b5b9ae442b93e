package dev.rustlens.database;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Optional;

/**
 * The server's entry point: picks its PostgreSQL (the configured one, the local one, or an
 * embedded one when there is none) before Quarkus reads its configuration, then runs Quarkus.
 */
@QuarkusMain
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String... args) {
        Optional<EmbeddedDatabase> embedded;
        try {
            embedded = EmbeddedDatabase.startWhenNeeded(System.getenv(), System.getProperties());
        } catch (EmbeddedDatabase.Unavailable e) {
            System.err.println("rustlens cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        embedded.ifPresent(database -> {
            System.setProperty("rustlens.database.address", database.address());
            // JVM shutdown hooks run together: this one waits until Quarkus has stopped (scans
            // requeued, connections closed) before it stops the database under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Application application = Application.currentApplication();
                if (application != null) {
                    application.awaitShutdown();
                }
                database.close();
            }, "embedded PostgreSQL shutdown"));
        });
        Quarkus.run(args);
    }
}
