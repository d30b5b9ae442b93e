package dev.rustlens.gitrepo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides which repository URLs rustlens will fetch. JGit also speaks ssh, git, sftp, S3 and
 * bundles, so URLs are checked here, before JGit ever sees them: https, and file:// paths to a
 * directory on this server when the configuration allows them.
 */
public final class RepositoryUrls {

    private RepositoryUrls() {
    }

    /** Returns the URL when it may be fetched, else throws with a message saying why. */
    public static String validate(String url, boolean allowFileUrls) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required: an https:// URL or a file:// path of a git repository");
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw new IllegalArgumentException("url has no host: " + trimmed);
                }
                if (uri.getRawUserInfo() != null) {
                    throw new IllegalArgumentException("url must not carry credentials: give them as"
                            + " \"credentials\": {\"username\": ..., \"token\": ...}, which rustlens stores encrypted");
                }
                return trimmed;
            }
            case "file" -> {
                if (!allowFileUrls) {
                    throw new IllegalArgumentException("file:// URLs are disabled on this server (rustlens.git.allow-file-urls)");
                }
                if (uri.getAuthority() != null && !uri.getAuthority().equals("localhost")) {
                    throw new IllegalArgumentException("a file:// URL names a path on this server, not a host: " + trimmed);
                }
                Path path = Path.of(uri.getPath() == null ? "" : uri.getPath());
                if (!path.isAbsolute() || !Files.isDirectory(path)) {
                    throw new IllegalArgumentException("no directory at " + uri.getPath() + " on this server");
                }
                return trimmed;
            }
            default -> throw new IllegalArgumentException("unsupported URL scheme '" + scheme
                    + "': use https:// or file://");
        }
    }

    /** Whether a branch name is a plain, safe git branch name. */
    public static boolean isValidBranch(String branch) {
        return branch != null && branch.matches("[A-Za-z0-9._/-]{1,200}") && !branch.contains("..")
                && !branch.startsWith("-") && !branch.startsWith("/") && !branch.endsWith("/")
                && !branch.endsWith(".lock") && !branch.contains("//");
    }
}
