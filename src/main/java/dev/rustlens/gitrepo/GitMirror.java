package dev.rustlens.gitrepo;

import dev.rustlens.analysis.source.Digests;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jboss.logging.Logger;

/**
 * Keeps one bare local clone per registered repository: the first scan clones, later scans
 * fetch. Only the scanned branch is transferred. Failed transfers are counted
 * ({@code rustlens_git_fetch_failures_total}).
 */
@ApplicationScoped
public class GitMirror {

    private static final Logger LOG = Logger.getLogger(GitMirror.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final RustlensConfig config;
    private final OutboundPolicy outbound;
    private final RepositoryUrls urls;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();
    private final Counter fetchFailures;

    public GitMirror(RustlensConfig config, OutboundPolicy outbound, RepositoryUrls urls, MeterRegistry registry) {
        this.config = config;
        this.outbound = outbound;
        this.urls = urls;
        this.fetchFailures = Counter.builder("rustlens.git.fetch.failures")
                .description("Clones and fetches that failed after their retries (not those stopped on purpose)")
                .register(registry);
    }

    /**
     * Brings the branch up to date and returns the opened repository and the branch head. A
     * transient network failure is retried a few times within the fetch budget; {@code stop} ends
     * the fetch within a moment (cancel, shutdown); the clone may not outgrow its size limit.
     */
    public Fetched fetch(long repositoryId, String url, String branch, Credentials credentials, BooleanSupplier stop)
            throws GitFailure {
        urls.checkBeforeFetch(url);
        Path directory = cloneDirectory(repositoryId, url);
        String ref = "refs/heads/" + branch;
        // One fetch per clone at a time: a scan and a backfill may both want one.
        synchronized (locks.computeIfAbsent(directory, key -> new Object())) {
            transfer(directory, url, ref, credentials, stop);
            try {
                Repository repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
                ObjectId head = repository.resolve(ref + "^{commit}");
                if (head == null) {
                    repository.close();
                    throw new GitFailure("branch '" + branch + "' does not exist in " + url, null);
                }
                return new Fetched(repository, head);
            } catch (IOException e) {
                LOG.warnf(e, "cannot read the local clone %s", directory);
                throw new GitFailure("cannot read the local clone of " + url + "; the server log has the details", e);
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

    /** Deletes the local clone of a deleted repository, waiting for a fetch of it to end first. */
    public void forget(long repositoryId, String url) {
        Path directory = cloneDirectory(repositoryId, url);
        synchronized (locks.computeIfAbsent(directory, key -> new Object())) {
            deleteQuietly(directory);
        }
    }

    private Path cloneDirectory(long repositoryId, String url) {
        // The URL is part of the name: a clone is never reused for another source, even when
        // the database was reset and repository ids start again.
        return config.workDir().resolve("repos").resolve(repositoryId + "-" + Digests.sha256Hex(url, 6) + ".git");
    }

    private void transfer(Path directory, String url, String ref, Credentials credentials, BooleanSupplier stop)
            throws GitFailure {
        boolean fresh = !Files.isDirectory(directory.resolve("objects"));
        String verb = fresh ? "clone " : "fetch ";
        try (OutboundSession session = outbound.open(config.git().fetchBudget(), stop)) {
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
                        git.fetch().setRemote(url).setRefSpecs("+" + ref + ":" + ref)
                                .setTimeout((int) Math.max(1, config.outbound().readTimeout().toSeconds()))
                                .setTransportConfigCallback(transport -> underPolicy(transport, session, url, credentials))
                                .setProgressMonitor(new StoppingMonitor(session))
                                .setCredentialsProvider(credentials == null ? null
                                        : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()))
                                .call();
                    }
                    checkSize(directory, url);
                    return;
                } catch (GitAPIException | IOException | RuntimeException e) {
                    if (attempt < config.git().retries() && FetchFailures.isTransient(e) && !session.isAborted()) {
                        LOG.infof("fetching %s failed (%s); retrying", url, e);
                        pause(RETRY_BACKOFF.multipliedBy(1L << attempt), session);
                        if (!session.isAborted()) {
                            continue;
                        }
                    }
                    if (fresh) {
                        deleteQuietly(directory);
                    }
                    GitFailure failure = FetchFailures.isMissingBranch(e)
                            ? new GitFailure("branch '" + ref.substring("refs/heads/".length()) + "' does not exist in "
                                    + url, e)
                            : FetchFailures.failure(verb + url, e, session);
                    if (!(failure instanceof FetchStopped)) {
                        fetchFailures.increment();
                    }
                    throw failure;
                }
            }
        }
    }

    /**
     * The branches of the remote repository, by name, as {@code git ls-remote --heads} lists them;
     * nothing is fetched, and the outbound policy and budget hold as for a fetch.
     */
    public List<String> remoteBranches(String url, Credentials credentials) throws GitFailure {
        try (OutboundSession session = outbound.open(config.git().fetchBudget(), () -> false)) {
            try {
                return Git.lsRemoteRepository().setRemote(url).setHeads(true)
                        .setTimeout((int) Math.max(1, config.outbound().readTimeout().toSeconds()))
                        .setTransportConfigCallback(transport -> underPolicy(transport, session, url, credentials))
                        .setCredentialsProvider(credentials == null ? null
                                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()))
                        .call().stream().map(ref -> Repository.shortenRefName(ref.getName())).sorted().toList();
            } catch (GitAPIException | RuntimeException e) {
                throw FetchFailures.failure("list the branches of " + url, e, session);
            }
        }
    }

    /**
     * Makes JGit's HTTP connections the outbound session's; only https and (for configured roots)
     * local repositories are ever fetched, so any other transport is a bug and is refused.
     */
    private static void underPolicy(Transport transport, OutboundSession session, String url, Credentials credentials) {
        if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(new GitHttpConnections(session, URI.create(url).getHost(), credentials != null));
        } else if (!"file".equals(transport.getURI().getScheme())) {
            throw new IllegalStateException("rustlens fetches over https:// or from file:// only, not with "
                    + transport.getClass().getSimpleName());
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

    /** Waits before a retry, waking early when the fetch must stop. */
    private static void pause(Duration duration, OutboundSession session) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < until && !session.isAborted()) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warnf(e, "cannot delete the clone %s", directory);
        }
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

    /**
     * A clone or fetch that failed; the message is fit to show a user: it names the repository
     * and the kind of failure, never what the remote answered.
     */
    public static class GitFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public GitFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A fetch ended by its caller's stop signal (cancel, time limit, shutdown): the caller names why. */
    public static final class FetchStopped extends GitFailure {
        private static final long serialVersionUID = 1L;

        FetchStopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Lets JGit notice between objects that the fetch must stop, also where no socket is read (file://). */
    private record StoppingMonitor(OutboundSession session) implements ProgressMonitor {
        @Override
        public void start(int totalTasks) {
            // progress is not shown
        }

        @Override
        public void beginTask(String title, int totalWork) {
            // progress is not shown
        }

        @Override
        public void update(int completed) {
            // progress is not shown
        }

        @Override
        public void endTask() {
            // progress is not shown
        }

        @Override
        public boolean isCancelled() {
            return session.isAborted();
        }

        @Override
        public void showDuration(boolean enabled) {
            // progress is not shown
        }
    }
}
