package dev.rustlens.faults;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged server on a machine without a database server: it starts an embedded PostgreSQL
 * with its data in the work directory, stops it when it stops, and finds its data again at the
 * next start. PostgreSQL refuses to run as root, so under root (CI) the server runs as nobody.
 */
class EmbeddedDatabaseIT {

    private Path work;
    private Path application;

    @BeforeEach
    void directoriesTheServerUserCanUse() throws IOException {
        // Not a @TempDir, nor under the checkout: either may be private to root, and the server may
        // run as nobody. The system's temporary directory is open to every user.
        work = Files.createTempDirectory("rustlens-embedded-db-");
        application = Files.createTempDirectory("rustlens-embedded-app-");
        Files.setPosixFilePermissions(application, PosixFilePermissions.fromString("rwxr-xr-x"));
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal nobody = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(work, nobody);
        }
    }

    @AfterEach
    void stopAnOrphanedServer() throws IOException {
        // A failed test may leave PostgreSQL running: its postmaster.pid names it.
        Path pid = work.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).ifPresent(ProcessHandle::destroy);
        }
        for (Path directory : List.of(work, application)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void withoutADatabaseServerItRunsItsOwnAndKeepsItsDataAcrossRestarts() throws Exception {
        Map<String, String> settings = Map.of("RUSTLENS_DATABASE_EMBEDDED", "always");
        try (PackagedRustlens first = embedded(settings).start()) {
            assertTrue(first.log().contains("started an embedded PostgreSQL"), first.logTail());
            first.api().contentType(ContentType.JSON).body(Map.of("username", "kept-user", "password", "kept-password-1",
                    "role", "viewer")).post("/api/v1/users").then().statusCode(201);
            first.terminate();
            assertTrue(first.exitedWithin(60), "stops on SIGTERM");
            assertTrue(first.log().contains("stopped the embedded PostgreSQL"), first.logTail());
        }
        assertFalse(Files.exists(work.resolve("postgres").resolve("postmaster.pid")), "PostgreSQL stopped with it");

        try (PackagedRustlens second = embedded(settings).start()) {
            second.api().get("/api/v1/users").then().statusCode(200).body("username", hasItem("kept-user"));
            second.terminate();
            assertTrue(second.exitedWithin(60));
        }
    }

    @Test
    void anUnknownModeStopsTheStartWithOneLine() throws Exception {
        try (PackagedRustlens rustlens = embedded(Map.of("RUSTLENS_DATABASE_EMBEDDED", "sometimes"))) {
            rustlens.launch();
            assertTrue(rustlens.exitedWithin(60));
            try (Stream<String> lines = rustlens.log().lines()) {
                assertTrue(lines.anyMatch(line -> line.equals(
                        "rustlens cannot start: RUSTLENS_DATABASE_EMBEDDED must be auto, always or never, not 'sometimes'")),
                        rustlens.log());
            }
        }
    }

    private PackagedRustlens embedded(Map<String, String> settings) throws IOException {
        // Files of the test tree that the server user may not read are left out.
        return new PackagedRustlens("embedded", "rustlens", work, settings)
                .without("RUSTLENS_OUTBOUND_TRUSTED_CERTIFICATES").unprivileged(application.resolve("quarkus-app"));
    }
}
