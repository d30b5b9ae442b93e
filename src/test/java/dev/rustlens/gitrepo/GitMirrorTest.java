package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.config.TestConfig;
import dev.rustlens.gitrepo.GitMirror.GitFailure;
import dev.rustlens.gitrepo.LoopbackGitServer.Mode;
import dev.rustlens.outbound.OutboundPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local clones: size limit, what counts as a transient failure, and fetching real repositories,
 * from disk and from git servers on loopback addresses that behave or misbehave.
 */
@Tag("fast")
class GitMirrorTest {

    /** Settings with a work directory and a clone size limit; the rest at their defaults. */
    static RustlensConfig config(Path workDir, long maxCloneSize) {
        return TestConfig.of(Map.of("rustlens.work-dir", workDir.toString(), "rustlens.git.max-clone-size",
                Long.toString(maxCloneSize), "rustlens.git.retries", "0", "rustlens.git.file-roots",
                workDir.getParent().toString()));
    }

    /**
     * Settings for fetching from the loopback test server: {@code allow} lists the ranges the
     * outbound policy lets through, the server's certificate is trusted, timeouts are short.
     */
    static RustlensConfig overHttps(Path workDir, String allow, String budget) {
        Map<String, String> properties = new HashMap<>(Map.of("rustlens.work-dir", workDir.toString(),
                "rustlens.git.retries", "0", "rustlens.git.fetch-budget", budget,
                "rustlens.outbound.read-timeout", "1s", "rustlens.outbound.connect-timeout", "1s",
                "rustlens.outbound.trusted-certificates", LoopbackGitServer.CERTIFICATE.toString()));
        if (allow != null) {
            properties.put("rustlens.outbound.allow", allow);
        }
        return TestConfig.of(properties);
    }

    private static GitMirror mirror(RustlensConfig config) {
        return mirror(config, new SimpleMeterRegistry());
    }

    private static GitMirror mirror(RustlensConfig config, MeterRegistry registry) {
        OutboundPolicy outbound = new OutboundPolicy(config);
        return new GitMirror(config, outbound, new RepositoryUrls(config, outbound), registry);
    }

    /** The message of the failure of cloning from {@code server} with these settings. */
    private static String failureFrom(LoopbackGitServer server, Path dir, String allow, String budget) {
        return assertThrows(GitFailure.class, () -> mirror(overHttps(dir.resolve("work"), allow, budget))
                .fetch(1, server.url(), "main", null, () -> false)).getMessage();
    }

    @Test
    void clonesThenFetchesABranch(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            GitMirror mirror = mirror(config(dir.resolve("work"), 1L << 30));
            try (GitMirror.Fetched fetched = mirror.fetch(1, TestRepositories.url(git), "main", null, () -> false)) {
                assertEquals(git.getRepository().resolve("HEAD"), fetched.head());
            }
            RevCommit second = TestRepositories.commit(git, Map.of("src/lib.rs", "pub fn g() {}\n"), "second");
            try (GitMirror.Fetched fetched = mirror.fetch(1, TestRepositories.url(git), "main", null, () -> false)) {
                assertEquals(second.getId(), fetched.head());
                assertEquals(0, fetched.repository().getConfig().getInt("gc", null, "auto", -1));
            }
        }
    }

    @Test
    void failedFetchesAreCounted(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            MeterRegistry registry = new SimpleMeterRegistry();
            GitMirror mirror = mirror(config(dir.resolve("work"), 1L << 30), registry);
            assertThrows(GitFailure.class, () -> mirror.fetch(1, TestRepositories.url(git), "missing", null, () -> false));
            mirror.fetch(1, TestRepositories.url(git), "main", null, () -> false).close();
            assertEquals(1.0, registry.get("rustlens.git.fetch.failures").counter().count());
        }
    }

    @Test
    void aCloneOverTheSizeLimitIsDeletedWithAClearError(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "x".repeat(20_000)))) {
            Path work = dir.resolve("work");
            GitMirror mirror = mirror(config(work, 1_000));
            GitFailure failure = assertThrows(GitFailure.class,
                    () -> mirror.fetch(1, TestRepositories.url(git), "main", null, () -> false));
            assertTrue(failure.getMessage().contains("over the limit"), failure.getMessage());
            try (Stream<Path> left = Files.list(work.resolve("repos"))) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void onlyNetworkTroubleIsRetried() {
        assertTrue(FetchFailures.isTransient(new TransportException("x", new ConnectException("Connection refused"))));
        assertTrue(FetchFailures.isTransient(new TransportException("x", new SocketTimeoutException("Read timed out"))));
        assertTrue(FetchFailures.isTransient(new TransportException("https://example.com/x.git: 503 Service Unavailable")));
        assertFalse(FetchFailures.isTransient(new TransportException("https://example.com/x.git: not found")));
        assertFalse(FetchFailures.isTransient(new IllegalStateException("bad ref")));
    }

    @Test
    void clonesOverHttpsFromAnAllowedLoopbackServer(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.SERVE)) {
            GitMirror mirror = mirror(overHttps(dir.resolve("work"), "127.0.0.1/32", "30s"));
            try (GitMirror.Fetched fetched = mirror.fetch(1, server.url(), "main", null, () -> false)) {
                assertEquals(git.getRepository().resolve("HEAD"), fetched.head());
            }
        }
    }

    @Test
    void aLoopbackServerIsNeverContactedUnlessAllowed(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.SERVE)) {
            assertEquals("cannot clone " + server.url() + ": 127.0.0.1 is a loopback address, which rustlens does not"
                    + " connect to (an admin can allow its range with rustlens.outbound.allow)",
                    failureFrom(server, dir, null, "30s"));
            assertEquals(0, server.requests(), "the refused server saw no request");
        }
    }

    @Test
    void aRedirectToAnAddressThatIsNotAllowedIsNotFollowed(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer internal = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.SERVE);
                LoopbackGitServer redirecting = new LoopbackGitServer("127.0.0.2", git.getRepository(), Mode.SERVE)) {
            redirecting.redirectTo(internal.url().replace("/repo.git", ""));
            String failure = failureFrom(redirecting, dir, "127.0.0.2/32", "30s");
            assertTrue(failure.endsWith("127.0.0.1 is a loopback address, which rustlens does not connect"
                    + " to (an admin can allow its range with rustlens.outbound.allow)"), failure);
            assertEquals(1, redirecting.requests());
            assertEquals(0, internal.requests(), "the redirect target saw no request");
        }
    }

    @Test
    void aRedirectToAnotherHostIsFollowedOnlyWithoutCredentials(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer target = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.SERVE);
                LoopbackGitServer redirecting = new LoopbackGitServer("127.0.0.2", git.getRepository(), Mode.SERVE)) {
            redirecting.redirectTo(target.url().replace("/repo.git", ""));
            GitMirror mirror = mirror(overHttps(dir.resolve("work"), "127.0.0.0/8", "30s"));
            GitFailure failure = assertThrows(GitFailure.class, () -> mirror.fetch(1, redirecting.url(), "main",
                    new CredentialCipher.Credentials("bot", "s3cret"), () -> false));
            assertTrue(failure.getMessage().endsWith("a redirect to another host is not followed with the repository's"
                    + " credentials"), failure.getMessage());
            assertEquals(0, target.requests(), "the credentials never reached the other host");
            try (GitMirror.Fetched fetched = mirror.fetch(2, redirecting.url(), "main", null, () -> false)) {
                assertEquals(git.getRepository().resolve("HEAD"), fetched.head());
            }
        }
    }

    @Test
    void whatAServerAnswersIsNeverShown(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.GARBAGE)) {
            assertEquals("cannot clone " + server.url() + ": the server did not answer as a git server does",
                    failureFrom(server, dir, "127.0.0.1/32", "30s"));
        }
    }

    @Test
    void aServerThatStallsTimesOut(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.STALL)) {
            String failure = failureFrom(server, dir, "127.0.0.1/32", "60s");
            assertTrue(failure.endsWith("the server did not answer in time (rustlens.outbound.connect-timeout,"
                    + " read-timeout)"), failure);
        }
    }

    @Test
    void aServerThatTricklesIsCutOffAtTheFetchBudget(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.TRICKLE)) {
            String failure = failureFrom(server, dir, "127.0.0.1/32", "2s");
            assertTrue(failure.endsWith("it took longer than the fetch budget of 2 s (rustlens.git.fetch-budget)"),
                    failure);
            assertTrue(server.awaitClientGone(10), "the trickling connection was closed");
        }
    }

    @Test
    void aStopSignalEndsAFetchThatWaitsForAServer(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"));
                LoopbackGitServer server = new LoopbackGitServer("127.0.0.1", git.getRepository(), Mode.TRICKLE)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                try {
                    while (server.requests() == 0) {
                        Thread.sleep(20);
                    }
                    stop.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThrows(GitMirror.FetchStopped.class, () -> mirror(overHttps(dir.resolve("work"), "127.0.0.1/32",
                    "10m")).fetch(1, server.url(), "main", null, stop::get));
            assertTrue(server.awaitClientGone(10), "the trickling connection was closed");
        }
    }
}
