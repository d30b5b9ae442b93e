package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.config.RustlensConfig;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local clones: size limit, what counts as a transient failure, and fetching real repositories. */
@Tag("fast")
class GitMirrorTest {

    /** Settings with a work directory and a clone size limit; the rest at their defaults. */
    static RustlensConfig config(Path workDir, long maxCloneSize) {
        RustlensConfig.Git git = new RustlensConfig.Git() {
            @Override
            public boolean allowFileUrls() {
                return true;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int retries() {
                return 0;
            }

            @Override
            public long maxCloneSize() {
                return maxCloneSize;
            }
        };
        return new RustlensConfig() {
            @Override
            public Path workDir() {
                return workDir;
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.empty();
            }

            @Override
            public Archive archive() {
                throw new UnsupportedOperationException("not used by GitMirror");
            }

            @Override
            public Scan scan() {
                throw new UnsupportedOperationException("not used by GitMirror");
            }

            @Override
            public Git git() {
                return git;
            }

            @Override
            public Analysis analysis() {
                throw new UnsupportedOperationException("not used by GitMirror");
            }

            @Override
            public Auth auth() {
                throw new UnsupportedOperationException("not used by GitMirror");
            }

            @Override
            public Admin admin() {
                throw new UnsupportedOperationException("not used by GitMirror");
            }
        };
    }

    @Test
    void clonesThenFetchesABranch(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            GitMirror mirror = new GitMirror(config(dir.resolve("work"), 1L << 30));
            try (GitMirror.Fetched fetched = mirror.fetch(1, TestRepositories.url(git), "main", null)) {
                assertEquals(git.getRepository().resolve("HEAD"), fetched.head());
            }
            RevCommit second = TestRepositories.commit(git, Map.of("src/lib.rs", "pub fn g() {}\n"), "second");
            try (GitMirror.Fetched fetched = mirror.fetch(1, TestRepositories.url(git), "main", null)) {
                assertEquals(second.getId(), fetched.head());
                assertEquals(0, fetched.repository().getConfig().getInt("gc", null, "auto", -1));
            }
        }
    }

    @Test
    void aCloneOverTheSizeLimitIsDeletedWithAClearError(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("origin"), Map.of("src/lib.rs", "x".repeat(20_000)))) {
            Path work = dir.resolve("work");
            GitMirror mirror = new GitMirror(config(work, 1_000));
            GitMirror.GitFailure failure = assertThrows(GitMirror.GitFailure.class,
                    () -> mirror.fetch(1, TestRepositories.url(git), "main", null));
            assertTrue(failure.getMessage().contains("over the limit"), failure.getMessage());
            try (Stream<Path> left = Files.list(work.resolve("repos"))) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void onlyNetworkTroubleIsRetried() {
        assertTrue(GitMirror.isTransient(new TransportException("x", new ConnectException("Connection refused"))));
        assertTrue(GitMirror.isTransient(new TransportException("x", new SocketTimeoutException("Read timed out"))));
        assertTrue(GitMirror.isTransient(new TransportException("https://example.com/x.git: 503 Service Unavailable")));
        assertFalse(GitMirror.isTransient(new TransportException("https://example.com/x.git: not found")));
        assertFalse(GitMirror.isTransient(new IllegalStateException("bad ref")));
    }
}
