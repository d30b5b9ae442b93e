package dev.rustlens.gitrepo;

import dev.rustlens.analysis.Digests;
import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Keeps one bare local clone per registered repository: the first scan clones, later scans
 * fetch. Only the scanned branch is transferred.
 */
@ApplicationScoped
public class GitMirror {

    private final RustlensConfig config;

    public GitMirror(RustlensConfig config) {
        this.config = config;
    }

    /** Brings the branch up to date and returns the opened repository and the branch head. */
    public Fetched fetch(long repositoryId, String url, String branch) throws GitFailure {
        // The URL is part of the name: a clone is never reused for another source, even when
        // the database was reset and repository ids start again.
        Path directory = config.workDir().resolve("repos").resolve(repositoryId + "-" + Digests.sha256Hex(url, 6) + ".git");
        String ref = "refs/heads/" + branch;
        int timeout = (int) Math.max(1, config.git().timeout().toSeconds());
        try {
            if (!Files.isDirectory(directory.resolve("objects"))) {
                deleteRecursively(directory);
                Files.createDirectories(directory.getParent());
                try {
                    // Closed at once: the clone is opened again below, like an existing one.
                    Git.cloneRepository().setURI(url).setBare(true).setDirectory(directory.toFile())
                            .setBranchesToClone(List.of(ref)).setBranch(ref).setTimeout(timeout).call().close();
                } catch (GitAPIException | RuntimeException e) {
                    deleteRecursively(directory);
                    throw new GitFailure("cannot clone " + url + ": " + reason(e), e);
                }
            } else {
                try (Git git = Git.open(directory.toFile())) {
                    git.fetch().setRemote(url).setRefSpecs("+" + ref + ":" + ref).setTimeout(timeout).call();
                } catch (GitAPIException | RuntimeException e) {
                    throw new GitFailure("cannot fetch " + url + ": " + reason(e), e);
                }
            }
            Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
            ObjectId head = repository.resolve(ref + "^{commit}");
            if (head == null) {
                repository.close();
                throw new GitFailure("branch '" + branch + "' does not exist in " + url, null);
            }
            return new Fetched(repository, head);
        } catch (IOException e) {
            throw new GitFailure("cannot read the local clone of " + url + ": " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A fetched repository, which the caller closes, and the commit its branch points at. */
    public record Fetched(Repository repository, ObjectId head) implements AutoCloseable {
        @Override
        public void close() {
            repository.close();
        }
    }

    /** A clone or fetch that failed; the message is fit to show a user. */
    public static final class GitFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public GitFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
