package dev.rustlens.gitrepo;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.http.BadRequest;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which repository URLs rustlens will fetch. JGit also speaks ssh, git, sftp, S3 and
 * bundles, so URLs are checked here, before JGit ever sees them: https to an address the outbound
 * policy allows, and file:// only under the directories an admin configured
 * ({@code rustlens.git.file-roots}), never in the work directory, where other repositories' clones
 * and uploads live. A file:// path outside those roots gets the same answer whether it exists or
 * not. The check runs at registration and again before each fetch, as links on disk may change.
 */
@ApplicationScoped
public class RepositoryUrls {

    static final String OUTSIDE_ROOTS = "file:// URLs may only name a git repository under the directories this"
            + " server allows (rustlens.git.file-roots)";

    private final OutboundPolicy outbound;
    private final List<Path> roots;
    private final Path workDir;

    public RepositoryUrls(RustlensConfig config, OutboundPolicy outbound) {
        this.outbound = outbound;
        this.roots = config.git().fileRoots().orElse(List.of()).stream()
                .map(root -> root.toAbsolutePath().normalize()).toList();
        this.workDir = config.workDir().toAbsolutePath().normalize();
    }

    /** Returns the URL when it may be fetched, else throws with a message saying why. */
    public String validate(String url) {
        if (url == null || url.isBlank()) {
            throw new BadRequest("url is required: an https:// URL or a file:// path of a git repository");
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new BadRequest("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw new BadRequest("url has no host");
                }
                if (uri.getRawUserInfo() != null) {
                    throw new BadRequest("url must not carry credentials: give them as"
                            + " \"credentials\": {\"username\": ..., \"token\": ...}, which rustlens stores encrypted");
                }
                try {
                    outbound.checkLiteralHost(uri);
                } catch (OutboundRefused e) {
                    throw new BadRequest(e.getMessage(), e);
                }
                return trimmed;
            }
            case "file" -> {
                localRepository(uri);
                return trimmed;
            }
            default -> throw new BadRequest("unsupported URL scheme " + Echo.quoted(scheme)
                    + ": use https:// or file://");
        }
    }

    /**
     * Checks a registered file:// URL again just before it is fetched: the roots may have changed
     * since, and so may the links and alternates on disk. Does nothing for other URLs.
     */
    void checkBeforeFetch(String url) throws GitMirror.GitFailure {
        URI uri = URI.create(url);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            try {
                localRepository(uri);
            } catch (BadRequest e) {
                throw new GitMirror.GitFailure("cannot fetch " + url + ": " + e.getMessage(), null);
            }
        }
    }

    /** Whether a branch name is a plain, safe git branch name. */
    public static boolean isValidBranch(String branch) {
        return branch != null && branch.matches("[A-Za-z0-9._/-]{1,200}") && !branch.contains("..")
                && !branch.startsWith("-") && !branch.startsWith("/") && !branch.endsWith("/")
                && !branch.endsWith(".lock") && !branch.contains("//");
    }

    /**
     * The git directory a file:// URL names, when it and every place its objects come from (a
     * {@code .git} file's target, {@code commondir}, alternates) lie under the roots and outside
     * the work directory, resolving links.
     */
    private void localRepository(URI uri) {
        if (roots.isEmpty()) {
            throw new BadRequest("file:// URLs are disabled on this server (rustlens.git.file-roots)");
        }
        if (uri.getAuthority() != null && !uri.getAuthority().equals("localhost")) {
            throw new BadRequest("a file:// URL names a path on this server, not a host");
        }
        Path path = Path.of(uri.getPath() == null ? "" : uri.getPath());
        // Judged on the path as written first: outside the roots, nothing about it is looked at.
        if (!path.isAbsolute() || !allowed(path.normalize())) {
            throw new BadRequest(OUTSIDE_ROOTS);
        }
        Path real = realAllowed(path).orElseThrow(() -> new BadRequest("no git repository at "
                + Echo.quoted(uri.getPath()) + " on this server"));
        Path gitDir = gitDirectory(real, uri.getPath());
        for (Path borrowed : objectSources(gitDir)) {
            realAllowed(borrowed).orElseThrow(() -> new BadRequest(OUTSIDE_ROOTS));
        }
    }

    private Path gitDirectory(Path directory, String asGiven) {
        Path dotGit = directory.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return realAllowed(dotGit).orElseThrow(() -> new BadRequest(OUTSIDE_ROOTS));
        }
        if (Files.isRegularFile(dotGit)) { // a worktree or submodule: "gitdir: <path>"
            String line = firstLine(dotGit);
            if (line.startsWith("gitdir:")) {
                return realAllowed(directory.resolve(line.substring("gitdir:".length()).strip()))
                        .orElseThrow(() -> new BadRequest(OUTSIDE_ROOTS));
            }
        }
        if (Files.isDirectory(directory.resolve("objects")) && Files.exists(directory.resolve("HEAD"))) {
            return directory; // a bare repository
        }
        throw new BadRequest("no git repository at " + Echo.quoted(asGiven) + " on this server");
    }

    /** The directories a repository reads objects from besides its own. */
    private static List<Path> objectSources(Path gitDir) {
        List<Path> sources = new ArrayList<>();
        Path commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            sources.add(gitDir.resolve(firstLine(commonDir)));
        }
        Path objects = gitDir.resolve("objects");
        Path alternates = objects.resolve("info").resolve("alternates");
        if (Files.isRegularFile(alternates)) {
            try {
                for (String line : Files.readAllLines(alternates, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        sources.add(objects.resolve(line.strip()));
                    }
                }
            } catch (IOException e) {
                throw new BadRequest("the repository's alternates cannot be read", e);
            }
        }
        return sources;
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new BadRequest("the repository's " + file.getFileName() + " file cannot be read", e);
        }
    }

    /** The path with links resolved, when it exists and stays allowed; links out of the roots are refused. */
    private Optional<Path> realAllowed(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!allowed(real)) {
            throw new BadRequest(OUTSIDE_ROOTS);
        }
        return Optional.of(real);
    }

    private boolean allowed(Path normalized) {
        return !normalized.startsWith(workDir) && !startsWithReal(normalized, workDir)
                && roots.stream().anyMatch(root -> normalized.startsWith(root) || startsWithReal(normalized, root));
    }

    /** Compares with a configured directory's real path too, in case the setting itself goes through a link. */
    private static boolean startsWithReal(Path path, Path configured) {
        try {
            return path.startsWith(configured.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
