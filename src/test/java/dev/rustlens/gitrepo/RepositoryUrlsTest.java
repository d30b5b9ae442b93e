package dev.rustlens.gitrepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.config.TestConfig;
import dev.rustlens.http.BadRequest;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.text.Echo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file:// URLs: off by default, only under the configured roots, never the work directory, no existence oracle. */
class RepositoryUrlsTest {

    private static RepositoryUrls urls(Path workDir, Path root) {
        Map<String, String> properties = new HashMap<>(Map.of("rustlens.work-dir", workDir.toString()));
        if (root != null) {
            properties.put("rustlens.git.file-roots", root.toString());
        }
        RustlensConfig config = TestConfig.of(properties);
        return new RepositoryUrls(config, new OutboundPolicy(config));
    }

    private static String refusal(RepositoryUrls urls, String url) {
        return assertThrows(BadRequest.class, () -> urls.validate(url)).getMessage();
    }

    @Test
    void fileUrlsAreOffUnlessRootsAreConfigured(@TempDir Path dir) throws Exception {
        try (Git git = TestRepositories.create(dir.resolve("repo"), Map.of("src/lib.rs", "pub fn f() {}\n"))) {
            assertEquals("file:// URLs are disabled on this server (rustlens.git.file-roots)",
                    refusal(urls(dir.resolve("work"), null), TestRepositories.url(git)));
            assertEquals(TestRepositories.url(git), urls(dir.resolve("work"), dir).validate(TestRepositories.url(git)));
        }
    }

    @Test
    void pathsOutsideTheRootsGetOneAnswerWhetherTheyExistOrNot(@TempDir Path dir) throws Exception {
        RepositoryUrls urls = urls(dir.resolve("work"), dir.resolve("allowed"));
        Files.createDirectories(dir.resolve("allowed"));
        try (Git outside = TestRepositories.create(dir.resolve("outside"), Map.of("a.rs", "fn a() {}\n"))) {
            for (String url : new String[] {TestRepositories.url(outside), "file:///etc/", "file:///no/such/place",
                    dir.resolve("allowed").toUri() + "../outside/", "file://localhost/etc"}) {
                assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, url), url);
            }
        }
        assertEquals("no git repository at " + Echo.quoted(dir.resolve("allowed/missing").toString()) + " on this server",
                refusal(urls, dir.resolve("allowed/missing").toUri().toString()));
    }

    @Test
    void theWorkDirectoryIsNeverAllowedEvenInsideARoot(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        RepositoryUrls urls = urls(work, dir);
        Git.init().setBare(true).setDirectory(work.resolve("repos/1-abcdef.git").toFile()).call().close();
        assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, work.resolve("repos/1-abcdef.git").toUri().toString()));
        assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, dir.toUri() + "x/../work/repos/1-abcdef.git"));
        Files.createSymbolicLink(dir.resolve("innocent"), work.resolve("repos/1-abcdef.git"));
        assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, dir.resolve("innocent").toUri().toString()));
    }

    @Test
    void objectsBorrowedFromOutsideTheRootsAreRefusedAtRegistrationAndBeforeEachFetch(@TempDir Path dir)
            throws Exception {
        Path work = dir.resolve("work");
        RepositoryUrls urls = urls(work, dir.resolve("allowed"));
        Git.init().setBare(true).setDirectory(work.resolve("repos/2-secret.git").toFile()).call().close();
        try (Git borrower = TestRepositories.create(dir.resolve("allowed/borrower"), Map.of("a.rs", "fn a() {}\n"))) {
            String url = TestRepositories.url(borrower);
            assertEquals(url, urls.validate(url));
            Path alternates = dir.resolve("allowed/borrower/.git/objects/info/alternates");
            Files.createDirectories(alternates.getParent());
            Files.writeString(alternates, work.resolve("repos/2-secret.git/objects") + "\n");
            assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, url));
            GitMirror.GitFailure failure = assertThrows(GitMirror.GitFailure.class, () -> urls.checkBeforeFetch(url));
            assertEquals("cannot fetch " + url + ": " + RepositoryUrls.OUTSIDE_ROOTS, failure.getMessage());
        }
        TestRepositories.create(dir.resolve("elsewhere"), Map.of("a.rs", "fn a() {}\n")).close();
        Path worktree = Files.createDirectories(dir.resolve("allowed/worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + dir.resolve("elsewhere/.git") + "\n");
        assertEquals(RepositoryUrls.OUTSIDE_ROOTS, refusal(urls, worktree.toUri().toString()));
    }
}
