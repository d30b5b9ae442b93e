package dev.rustlens.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this rustlens instance is among those sharing the database: a name that stays the same
 * across its restarts ({@code rustlens.scan.instance-id}, by default the host name and HTTP port),
 * so that it can take back what it was running when it stopped, and a random name for this run,
 * so that a worker of an earlier run is never taken for one of this run.
 */
@ApplicationScoped
public class InstanceIdentity {

    private final String id;
    private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    public InstanceIdentity(RustlensConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.id = config.scan().instanceId().filter(name -> !name.isBlank()).map(String::strip)
                .orElseGet(() -> hostName() + ":" + port);
    }

    /** The instance's name, stable across restarts. */
    public String id() {
        return id;
    }

    /** The name a worker thread of this run records on what it claims. */
    public String worker(String thread) {
        return id + "/" + run + "/" + thread;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
