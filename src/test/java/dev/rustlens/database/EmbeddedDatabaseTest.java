package dev.rustlens.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When the entry point starts an embedded PostgreSQL, and what it says when it cannot. */
@Tag("fast")
class EmbeddedDatabaseTest {

    private static Properties runningAs(String user) {
        Properties properties = new Properties();
        properties.setProperty("user.name", user);
        properties.setProperty("java.io.tmpdir", "/tmp");
        return properties;
    }

    @Test
    void aConfiguredDatabaseOrNeverMeansNoEmbeddedServer() throws Exception {
        assertTrue(EmbeddedDatabase.startWhenNeeded(Map.of("RUSTLENS_DATABASE_EMBEDDED", "never"), runningAs("rustlens"))
                .isEmpty());
        assertTrue(EmbeddedDatabase.startWhenNeeded(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/x"),
                runningAs("rustlens")).isEmpty());
        Properties address = runningAs("rustlens");
        address.setProperty("rustlens.database.address", "db.internal:5432");
        assertTrue(EmbeddedDatabase.startWhenNeeded(Map.of(), address).isEmpty());
    }

    @Test
    void rootGetsOneLineSayingWhatToDo() {
        EmbeddedDatabase.Unavailable refused = assertThrows(EmbeddedDatabase.Unavailable.class,
                () -> EmbeddedDatabase.startWhenNeeded(Map.of("RUSTLENS_DATABASE_EMBEDDED", "always"), runningAs("root")));
        assertEquals("the embedded PostgreSQL cannot run as root (PostgreSQL refuses to): start rustlens as an"
                + " unprivileged user, or set QUARKUS_DATASOURCE_JDBC_URL to a PostgreSQL server", refused.getMessage());
    }

    @Test
    void theModeIsAutoAlwaysOrNever() throws Exception {
        assertEquals(EmbeddedDatabase.Mode.AUTO, EmbeddedDatabase.mode(Optional.empty()));
        assertEquals(EmbeddedDatabase.Mode.ALWAYS, EmbeddedDatabase.mode(Optional.of(" Always ")));
        assertThrows(EmbeddedDatabase.Unavailable.class, () -> EmbeddedDatabase.mode(Optional.of("yes")));
    }
}
