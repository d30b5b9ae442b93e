package dev.rustlens.gitrepo;

import dev.rustlens.analysis.Digests;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jboss.logging.Logger;

/**
 * Keeps one bare local clone per registered repository: the first scan clones, later scans
 * fetch. Only the scanned branch is transferred.
 */
@ApplicationScoped
public class GitMirror {

    private static final Logger LOG = Logger.getLogger(GitMirror.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Pattern TRANSIENT_MESSAGE = Pattern.compile(
            "(?i)timed? ?out|connection (reset|refused)|502|503|504|temporarily unavailable");

    private final RustlensConfig config;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    public GitMirror(RustlensConfig config) {
        this.config = config;
    }

    /**
     * Brings the branch up to date and returns the opened repository and the branch head. A
     * transient network failure is retried a few times; the clone may not outgrow its size limit.
     */
    public Fetched fetch(long repositoryId, String url, String branch, Credentials credentials) throws GitFailure {
        Path directory = cloneDirectory(repositoryId, url);
        String ref = "refs/heads/" + branch;
        // One fetch per clone at a time: a scan and a backfill request may both want one.
        synchronized (locks.computeIfAbsent(directory, key -> new Object())) {
            transfer(directory, url, ref, credentials == null ? null
                    : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()));
            try {
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
    }

    /**
     * The local clone as it is, without fetching (to read commits that were scanned); empty when
     * this instance has no clone of the repository.
     */
    public Optional<Repository> open(long repositoryId, String url) throws IOException {
        Path directory = cloneDirectory(repositoryId, url);
        if (!Files.isDirectory(directory.resolve("objects"))) {
            return Optional.empty();
        }
        return Optional.of(new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build());
    }

    private Path cloneDirectory(long repositoryId, String url) {
        // The URL is part of the name: a clone is never reused for another source, even when
        // the database was reset and repository ids start again.
        return config.workDir().resolve("repos").resolve(repositoryId + "-" + Digests.sha256Hex(url, 6) + ".git");
    }

    private void transfer(Path directory, String url, String ref, CredentialsProvider credentials) throws GitFailure {
        int timeout = (int) Math.max(1, config.git().timeout().toSeconds());
        boolean fresh = !Files.isDirectory(directory.resolve("objects"));
        for (int attempt = 0;; attempt++) {
            try {
                if (!Files.isDirectory(directory.resolve("objects"))) {
                    // A clone is an empty bare repository that fetches the branch, set up first so
                    // that JGit never starts a background garbage collection in it.
                    deleteRecursively(directory);
                    Files.createDirectories(directory.getParent());
                    Git.init().setBare(true).setDirectory(directory.toFile()).call().close();
                }
                withoutAutoGc(directory);
                try (Git git = Git.open(directory.toFile())) {
                    git.fetch().setRemote(url).setRefSpecs("+" + ref + ":" + ref).setTimeout(timeout)
                            .setCredentialsProvider(credentials).call();
                }
                checkSize(directory, url);
                return;
            } catch (GitAPIException | IOException | RuntimeException e) {
                if (attempt < config.git().retries() && isTransient(e)) {
                    LOG.infof("fetching %s failed (%s); retrying", url, reason(e));
                    sleep(RETRY_BACKOFF.multipliedBy(1L << attempt));
                    continue;
                }
                if (fresh) {
                    deleteQuietly(directory);
                }
                throw new GitFailure("cannot " + (fresh ? "clone " : "fetch ") + url + ": " + reason(e), e);
            }
        }
    }

    /**
     * JGit may start a garbage collection in the background after a fetch, which then holds lock
     * files while the next fetch of the same clone runs; rustlens's clones are never collected.
     */
    private static void withoutAutoGc(Path directory) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build()) {
            StoredConfig config = repository.getConfig();
            if (config.getInt("gc", null, "auto", -1) != 0 || config.getBoolean("gc", null, "autoDetach", true)) {
                config.setInt("gc", null, "auto", 0);
                config.setBoolean("gc", null, "autoDetach", false);
                config.save();
            }
        }
    }

    /** A clone over the size limit is deleted: it would fill the disk on every rescan. */
    private void checkSize(Path directory, String url) throws IOException, GitFailure {
        long size;
        try (Stream<Path> files = Files.walk(directory)) {
            size = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
        long limit = config.git().maxCloneSize();
        if (size > limit) {
            deleteRecursively(directory);
            throw new GitFailure("the clone of " + url + " takes " + size / (1024 * 1024) + " MiB, over the limit of "
                    + limit / (1024 * 1024) + " MiB (rustlens.git.max-clone-size)", null);
        }
    }

    /** Network trouble that may pass: timeouts, refused or reset connections. */
    static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectException
                    || cause instanceof SocketException) {
                return true;
            }
            if ((cause instanceof TransportException || cause instanceof org.eclipse.jgit.errors.TransportException)
                    && cause.getMessage() != null
                    && TRANSIENT_MESSAGE.matcher(cause.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) throws GitFailure {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitFailure("interrupted while waiting to retry a fetch", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warnf(e, "cannot delete the failed clone %s", directory);
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

    static void deleteRecursively(Path directory) throws IOException {
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
