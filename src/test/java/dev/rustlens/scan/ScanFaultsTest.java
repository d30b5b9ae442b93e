package dev.rustlens.scan;

import static dev.rustlens.scan.ScanFlowTest.awaitScan;
import static dev.rustlens.scan.ScanFlowTest.register;
import static dev.rustlens.scan.ScanFlowTest.startScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans against a real PostgreSQL that misbehaves while the results are stored, through triggers
 * that fire for one test crate only: a lost connection is retried, other database errors fail the
 * scan with a short message and never with SQL.
 */
@QuarkusTest
@TestSecurity(user = "maintainer", roles = {"viewer", "maintainer"})
class ScanFaultsTest {

    @Inject
    EntityManager entityManager;

    /** A repository of one crate with a name no other test uses, so that a trigger can pick it out. */
    private static Git crate(Path dir, String name) throws Exception {
        return TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n",
                "src/lib.rs", "pub fn f(x: Option<u8>) -> u8 { x.unwrap() }\n"));
    }

    /** Makes storing a snapshot of crate {@code name} run {@code action} (PL/pgSQL), once when {@code once}. */
    private void onStore(String name, String action, boolean once) {
        String id = name.replace('-', '_');
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("create sequence " + id + "_fired").executeUpdate();
            entityManager.createNativeQuery("""
                    create function %1$s() returns trigger language plpgsql as $$
                    begin
                        if (select c.name from crate c where c.id = new.crate_id) = '%2$s'
                                and (%3$s or nextval('%1$s_fired') = 1) then
                            %4$s;
                        end if;
                        return new;
                    end $$""".formatted(id, name, once ? "false" : "true", action)).executeUpdate();
            entityManager.createNativeQuery("create trigger " + id + " before insert on crate_snapshot for each row"
                    + " execute function " + id + "()").executeUpdate();
        });
    }

    private void dropTrigger(String name) {
        String id = name.replace('-', '_');
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("drop trigger " + id + " on crate_snapshot").executeUpdate();
            entityManager.createNativeQuery("drop function " + id + "()").executeUpdate();
            entityManager.createNativeQuery("drop sequence " + id + "_fired").executeUpdate();
        });
    }

    /** A scan of a crate named {@code name} while storing it runs {@code action}; the trigger is gone afterwards. */
    private JsonPath scanWhileStoring(Path dir, String name, String action, boolean once) throws Exception {
        onStore(name, action, once);
        try (Git git = crate(dir, name)) {
            return awaitScan(startScan(register(TestRepositories.url(git))));
        } finally {
            dropTrigger(name);
        }
    }

    private static String crateName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Test
    void aConnectionLostWhileStoringIsRetriedAndTheScanSucceeds(@TempDir Path dir) throws Exception {
        String name = crateName("blip");
        JsonPath scan = scanWhileStoring(dir, name, "perform pg_terminate_backend(pg_backend_pid())", true);
        assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
        assertEquals(name, scan.getString("crates[0].name"));
        assertTrue(ScanFlowTest.findingsOf(scan).getList("findings.checkId").contains("unwrap_used"), "the findings are stored");
    }

    @Test
    void aNulCharacterThatPostgresqlRejectsNeverFailsTheScan(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir, Map.of(
                "Cargo.toml", "[package]\nname = \"nul\\u0000crate\"\nversion = \"0.1.0\\u0000\"\n",
                "src/lib.rs", "pub fn f(x: Option<u8>) -> u8 { x.unwrap() } // \0 in a comment\n"))) {
            JsonPath scan = awaitScan(startScan(register(TestRepositories.url(git))));
            assertEquals("succeeded", scan.getString("status"), scan.getString("error"));
            assertEquals("nul\uFFFDcrate", scan.getString("crates[0].name"));
            assertTrue(ScanFlowTest.findingsOf(scan).getList("findings.checkId").contains("unwrap_used"));
            TestRepositories.commit(git, Map.of("README.md", "a new commit; lib.rs comes from the cache\n"), "docs");
            JsonPath rescan = awaitScan(startScan(scan.getLong("repositoryId")));
            assertEquals(1, rescan.getInt("filesReused"));
            assertEquals(0, rescan.getInt("findingsNew"), "a cached finding keeps its fingerprint");
        }
    }

    @Test
    void aDatabaseErrorFailsTheScanWithAShortMessageAndNoSql(@TempDir Path dir) throws Exception {
        JsonPath scan = scanWhileStoring(dir, crateName("broken"),
                "raise exception 'insert into finding (scan_id, message) values (1, %', repeat('x', 2000)", false);
        assertEquals("failed", scan.getString("status"));
        assertEquals("an internal error stopped this scan; the server log has the details", scan.getString("error"));
    }

    @Test
    void theStoredErrorOfALostDatabaseSaysSoBriefly(@TempDir Path dir) throws Exception {
        JsonPath scan = scanWhileStoring(dir, crateName("lost"), "perform pg_terminate_backend(pg_backend_pid())", false);
        assertEquals("failed", scan.getString("status"));
        String error = scan.getString("error");
        assertEquals("storing the results failed: the database is unavailable or too slow right now; try again"
                + " shortly", error);
        assertFalse(error.toLowerCase(Locale.ROOT).contains("insert"), error);
        assertTrue(scan.getList("crates").isEmpty(), "nothing half-stored is visible");
    }
}
