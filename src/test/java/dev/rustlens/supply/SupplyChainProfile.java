package dev.rustlens.supply;

import dev.rustlens.analysis.advisories.AdvisoryDirectory;
import dev.rustlens.gitrepo.TestRepositories;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The advisory database switched on for the supply-chain tests and the browser test, pointed at a
 * git repository of the advisory fixture of its own (src/test/resources/advisory-db), made before
 * start-up; a test may commit to it to see the database change.
 */
public class SupplyChainProfile implements QuarkusTestProfile {

    /** The fixture database as a git repository on branch main, one per test run. */
    public static final Git DATABASE = fixtureRepository("rustlens-supply-chain-advisories");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rustlens.advisories.enabled", "true",
                "rustlens.advisories.url", DATABASE.getRepository().getWorkTree().toURI().toString());
    }

    /** The advisories in use once start-up has fetched the database (waits up to a minute, then fails). */
    public static AdvisoryDatabase.Snapshot awaitDatabase(AdvisoryDatabase database) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (database.current().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return database.current().orElseThrow(() -> new AssertionError("start-up did not fetch the advisory database: "
                + database.status()));
    }

    /** A new git repository of the advisory fixture in a temporary directory named after {@code prefix}. */
    public static Git fixtureRepository(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            return TestRepositories.create(directory, AdvisoryDirectory.files(AdvisoryDirectory.fixture()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
