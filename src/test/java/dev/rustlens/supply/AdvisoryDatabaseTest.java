package dev.rustlens.supply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.analysis.advisories.AdvisoryDirectory;
import dev.rustlens.analysis.advisories.AdvisoryProblem;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.auth.TestTokens;
import dev.rustlens.gitrepo.TestRepositories;
import dev.rustlens.supply.AdvisoryDatabase.Refresh;
import dev.rustlens.supply.AdvisoryDatabase.Result;
import dev.rustlens.supply.AdvisoryDatabase.Snapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The advisory database fetched from a real git repository built from the fixture
 * (src/test/resources/advisory-db), stored in PostgreSQL, changed by a new commit, lost and back.
 */
@QuarkusTest
@TestProfile(AdvisoryDatabaseTest.FixtureDatabase.class)
class AdvisoryDatabaseTest {

    private static final PackageSource CRATES_IO = PackageSource.parse(
            Optional.of("registry+https://github.com/rust-lang/crates.io-index"));

    /** The database switched on and pointed at a git repository of the fixture, made before start-up. */
    public static class FixtureDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rustlens.advisories.enabled", "true",
                    "rustlens.advisories.url", FixtureRepository.GIT.getRepository().getWorkTree().toURI().toString());
        }
    }

    /** The fixture as a git repository on branch main, one per test run. */
    static final class FixtureRepository {
        static final Git GIT = SupplyChainProfile.fixtureRepository("rustlens-advisory-db");

        static String head() throws IOException {
            return GIT.getRepository().resolve("refs/heads/main").name();
        }
    }

    /** Records each {@link AdvisoriesChanged} with the revision a new transaction sees stored at that moment. */
    @ApplicationScoped
    public static class SeenChanges {
        private final List<List<String>> seen = new CopyOnWriteArrayList<>();
        private final EntityManager entityManager;

        public SeenChanges(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        void on(@Observes AdvisoriesChanged changed) {
            String stored = QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).createNativeQuery(
                    "select revision from advisory_database where revision = ?1", String.class)
                    .setParameter(1, changed.revision()).getResultStream().findFirst().orElse("not stored yet"));
            seen.add(List.of(changed.revision(), stored));
        }

        List<List<String>> seen() {
            return List.copyOf(seen);
        }
    }

    @Inject
    AdvisoryDatabase database;

    @Inject
    SeenChanges changes;

    @Inject
    AdvisoryFetch fetch;

    @Test
    void fetchesStoresChangesAndSurvivesALostDatabase() throws Exception {
        String first = FixtureRepository.head();
        // Nothing was stored for this URL, so start-up fetched it in the background.
        Snapshot snapshot = SupplyChainProfile.awaitDatabase(database);
        assertEquals(first, snapshot.revision());
        assertEquals(11, snapshot.advisories().size());
        assertEquals(List.of("RUSTSEC-2026-0009"), matches(snapshot, "time", "0.3.9"));
        assertEquals(List.of(), matches(snapshot, "spin", "0.9.5")); // withdrawn
        assertEquals(List.of(List.of(first, first)), changes.seen(), "fired once, after the commit");

        AdvisoryDatabase.Status status = database.status();
        assertEquals(Optional.of(first), status.revision());
        assertEquals(11, status.advisories());
        assertEquals(Optional.empty(), status.lastError());
        assertEquals(List.of("crates/smallvec/RUSTSEC-2019-0009.md"), status.problems().stream()
                .map(AdvisoryProblem::path).toList());
        assertEquals(7, status.problems().getFirst().line());

        given().get("/api/v1/advisories/database").then().statusCode(200)
                .body("revision", equalTo(first)).body("advisories", equalTo(11))
                .body("problems[0].path", equalTo("crates/smallvec/RUSTSEC-2019-0009.md"))
                .body("problems[0].line", equalTo(7));
        given().post("/api/v1/advisories/refresh").then().statusCode(401);
        given().auth().oauth2(TestTokens.ADMIN).post("/api/v1/advisories/refresh").then().statusCode(200)
                .body("result", equalTo("UNCHANGED")).body("revision", equalTo(first));
        assertEquals(1, changes.seen().size(), "an unchanged database fires nothing");

        // A new advisory in the database: stored, in use, and announced.
        Path update = Path.of("src/test/resources/advisory-db-update");
        TestRepositories.commit(FixtureRepository.GIT, AdvisoryDirectory.files(update), "crossbeam-epoch advisory");
        String second = FixtureRepository.head();
        Refresh refresh = database.refresh();
        assertEquals(Result.CHANGED, refresh.result());
        assertEquals(Optional.of(second), refresh.revision());
        assertEquals(12, refresh.advisories());
        assertEquals(List.of(List.of(first, first), List.of(second, second)), changes.seen());
        Snapshot changed = database.current().orElseThrow();
        assertEquals(second, changed.revision());
        assertEquals(List.of("RUSTSEC-2026-0204"), matches(changed, "crossbeam-epoch", "0.9.13"));

        // A restart reads the same advisories back from the tables, without fetching.
        database.load();
        Snapshot loaded = database.current().orElseThrow();
        assertEquals(second, loaded.revision());
        assertEquals(changed.advisories(), loaded.advisories());

        // The repository gone: a failed refresh is recorded, and the advisories in use stay.
        Path worktree = FixtureRepository.GIT.getRepository().getWorkTree().toPath();
        Path moved = worktree.resolveSibling(worktree.getFileName() + "-moved");
        Files.move(worktree, moved);
        try {
            Refresh failed = database.refresh();
            assertEquals(Result.FAILED, failed.result());
            assertEquals(Optional.of(second), failed.revision());
            assertTrue(failed.error().orElseThrow().startsWith("cannot fetch the advisory database "), failed.error().get());
            assertEquals(failed.error(), database.status().lastError());
            assertEquals(second, database.current().orElseThrow().revision());
        } finally {
            Files.move(moved, worktree);
        }
        assertEquals(Result.UNCHANGED, database.refresh().result());
        assertEquals(Optional.empty(), database.status().lastError());
        assertEquals(2, changes.seen().size());
    }

    /** The database's URL is an admin's setting, but an https fetch still obeys the outbound policy. */
    @Test
    void fetchesOnlyWhatTheOutboundPolicyAllows() {
        AdvisoryFetch.FetchFailed refused = assertThrows(AdvisoryFetch.FetchFailed.class,
                () -> fetch.fetch("https://10.1.2.3/rustsec/advisory-db.git", "main", () -> false));
        assertTrue(refused.getMessage().contains("10.1.2.3 is a private address, which rustlens does not connect to"),
                refused.getMessage());
        AdvisoryFetch.FetchFailed ssh = assertThrows(AdvisoryFetch.FetchFailed.class,
                () -> fetch.fetch("ssh://git@github.com/rustsec/advisory-db.git", "main", () -> false));
        assertEquals("the advisory database URL ssh://git@github.com/rustsec/advisory-db.git is neither https://,"
                + " file:// nor an absolute path (rustlens.advisories.url)", ssh.getMessage());
    }

    private static List<String> matches(Snapshot snapshot, String name, String version) {
        return snapshot.matcher().matches(new LockedPackage(name, version, CRATES_IO, Optional.empty(), 1)).stream()
                .map(Advisory::id).toList();
    }
}
