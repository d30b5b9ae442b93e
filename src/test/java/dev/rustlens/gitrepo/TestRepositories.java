package dev.rustlens.gitrepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Makes real git repositories for tests, with JGit. */
public final class TestRepositories {

    private TestRepositories() {
    }

    /** Creates a repository on branch main in {@code directory} with one commit holding {@code files}. */
    public static Git create(Path directory, Map<String, String> files) throws IOException, GitAPIException {
        Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
        commit(git, files, "initial commit");
        return git;
    }

    /** Writes {@code files} (path to content; null deletes) and commits them. */
    public static RevCommit commit(Git git, Map<String, String> files, String message) throws IOException, GitAPIException {
        return commitAt(git, files, message, Instant.now());
    }

    /** Like {@link #commit}, with the given author and committer time. */
    public static RevCommit commitAt(Git git, Map<String, String> files, String message, Instant time)
            throws IOException, GitAPIException {
        Path root = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            if (file.getValue() == null) {
                Files.deleteIfExists(path);
                git.rm().addFilepattern(file.getKey()).call();
            } else {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                git.add().addFilepattern(file.getKey()).call();
            }
        }
        PersonIdent ident = new PersonIdent("rustlens tests", "tests@rustlens.dev", time, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
    }

    /**
     * Registers, in the caller's transaction, a repository on branch main that nothing fetches:
     * for tests of queues and answers that never run a scan to its end.
     */
    public static GitRepository registered(String namePrefix) {
        GitRepository repository = new GitRepository();
        repository.name = namePrefix + UUID.randomUUID();
        repository.url = "https://example.com/x.git";
        repository.defaultBranch = "main";
        repository.persist();
        return repository;
    }

    /** The file:// URL of a repository made here. */
    public static String url(Git git) {
        return git.getRepository().getWorkTree().toPath().toUri().toString();
    }
}
