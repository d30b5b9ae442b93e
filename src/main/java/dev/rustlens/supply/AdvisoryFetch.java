package dev.rustlens.supply;

import dev.rustlens.analysis.advisories.AdvisoryParser;
import dev.rustlens.analysis.advisories.AdvisoryProblem;
import dev.rustlens.analysis.source.Digests;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.GitHttpConnections;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.outbound.OutboundSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Fetches the advisory database's branch into a bare clone of its own in the work directory and
 * reads the advisory files of the fetched commit from its tree (no checkout). Its URL is an
 * admin's setting, not a user's, so a local mirror needs no {@code rustlens.git.file-roots}; an
 * https fetch runs under the outbound policy and the fetch budget, as a repository's does.
 */
@ApplicationScoped
class AdvisoryFetch {

    /** An advisory is a few kilobytes; a larger file is not read but reported. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private final RustlensConfig config;
    private final OutboundPolicy outbound;

    AdvisoryFetch(RustlensConfig config, OutboundPolicy outbound) {
        this.config = config;
        this.outbound = outbound;
    }

    /** A fetched commit, its advisory files by path, and the files too large to read. */
    record Fetched(String revision, Map<String, String> files, List<AdvisoryProblem> tooLarge) {
    }

    /** A fetch that failed, with a message that names the database and the kind of failure. */
    static final class FetchFailed extends Exception {
        private static final long serialVersionUID = 1L;

        FetchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Fetched fetch(String url, String branch, BooleanSupplier stop) throws FetchFailed {
        String remote = remote(url);
        Path directory = config.workDir().resolve("advisory-db").resolve(Digests.sha256Hex(remote, 6) + ".git");
        String ref = "refs/heads/" + branch;
        try (OutboundSession session = outbound.open(config.git().fetchBudget(), stop)) {
            if (!Files.isDirectory(directory.resolve("objects"))) {
                Files.createDirectories(directory.getParent());
                Git.init().setBare(true).setDirectory(directory.toFile()).call().close();
            }
            try (Git git = Git.open(directory.toFile())) {
                neverCollect(git.getRepository());
                git.fetch().setRemote(remote).setRefSpecs("+" + ref + ":" + ref)
                        .setTimeout((int) Math.max(1, config.outbound().readTimeout().toSeconds()))
                        .setTransportConfigCallback(transport -> {
                            if (transport instanceof TransportHttp http) {
                                http.setHttpConnectionFactory(new GitHttpConnections(session, URI.create(remote).getHost(),
                                        false));
                            }
                        }).call();
                ObjectId head = git.getRepository().resolve(ref + "^{commit}");
                if (head == null) {
                    throw new FetchFailed("cannot fetch the advisory database " + url + ": it has no branch '" + branch + "'",
                            null);
                }
                Map<String, String> files = new TreeMap<>();
                List<AdvisoryProblem> tooLarge = new ArrayList<>();
                readFiles(git.getRepository(), head, files, tooLarge);
                return new Fetched(head.name(), files, List.copyOf(tooLarge));
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // JGit's message names the transport step; the root cause says why (an unknown host, a refused connection).
            String why = root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
            throw new FetchFailed("cannot fetch the advisory database " + url + ": " + reason + why, e);
        }
    }

    /**
     * What JGit fetches from: an https URL (its host checked against the outbound policy first),
     * a file:// URL, or an absolute directory path.
     */
    private String remote(String url) throws FetchFailed {
        String trimmed = url.strip();
        if (trimmed.startsWith("/")) {
            return trimmed;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (java.net.URISyntaxException e) {
            throw new FetchFailed("the advisory database URL " + url + " is not a valid URL (rustlens.advisories.url)", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            try {
                outbound.checkLiteralHost(uri);
            } catch (OutboundRefused e) {
                throw new FetchFailed("cannot fetch the advisory database " + url + ": " + e.getMessage(), e);
            }
            return trimmed;
        }
        if (scheme.equals("file")) {
            return trimmed;
        }
        throw new FetchFailed("the advisory database URL " + url + " is neither https://, file:// nor an absolute"
                + " path (rustlens.advisories.url)", null);
    }

    /** A background garbage collection would hold lock files while the next fetch runs. */
    private static void neverCollect(Repository repository) throws IOException {
        StoredConfig stored = repository.getConfig();
        if (stored.getInt("gc", null, "auto", -1) != 0) {
            stored.setInt("gc", null, "auto", 0);
            stored.setBoolean("gc", null, "autoDetach", false);
            stored.save();
        }
    }

    /** Reads the advisory files of the commit's tree, by path, into {@code files}. */
    private static void readFiles(Repository repository, ObjectId commit, Map<String, String> files,
            List<AdvisoryProblem> tooLarge) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk commits = new RevWalk(reader);
                TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commits.parseCommit(commit).getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                if (AdvisoryParser.isAdvisoryPath(path)) {
                    ObjectLoader blob = reader.open(walk.getObjectId(0));
                    if (blob.getSize() > MAX_FILE_BYTES) {
                        tooLarge.add(new AdvisoryProblem(path, 1, "the file takes " + blob.getSize()
                                + " bytes, more than an advisory's limit of " + MAX_FILE_BYTES));
                    } else {
                        files.put(path, new String(blob.getBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

}
