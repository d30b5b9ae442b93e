package dev.rustlens.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Maps a report's paths onto the files of a commit (docs/coverage.md, "Paths"). A report is made
 * in one checkout, so its absolute paths share one directory, the checkout's: it is the
 * {@code root} given with the upload, or else the directory that, removed, leaves the most report
 * paths naming a file of the commit. Two directories doing equally well are not chosen between:
 * their paths are reported as ambiguous. A relative path (Cobertura's filename, relative to its
 * {@code <source>}, or a relative {@code SF:}) is the file's path in the repository, as is an
 * absolute one once a {@code <source>} it starts with is removed. A path naming no file is reported.
 */
public final class PathMapping {

    private PathMapping() {
    }

    /** A report path that names no file of the commit, and why. */
    public record Unmatched(String path, String reason) {
    }

    /**
     * The mapping of one report.
     *
     * @param files repository path by report path, for the paths that name a file
     * @param unmatched the paths that name none, in report order
     * @param root the checkout directory taken off absolute paths, if any
     */
    public record Result(Map<String, String> files, List<Unmatched> unmatched, Optional<String> root) {
    }

    /**
     * Maps {@code reportPaths}, written under the report's {@code sources} (Cobertura's
     * {@code <source>} elements; none for LCOV), onto the files {@code exists} accepts.
     */
    public static Result map(List<String> reportPaths, List<String> sources, Optional<String> givenRoot,
            Predicate<String> exists) {
        Map<String, String> written = new LinkedHashMap<>();
        for (String path : reportPaths) {
            written.put(path, underSources(path, sources));
        }
        Optional<String> root = givenRoot.map(PathMapping::normalized).map(PathMapping::directory);
        List<String> tied = List.of();
        if (root.isEmpty()) {
            Map<String, Integer> votes = new TreeMap<>();
            for (String path : written.values()) {
                if (path.startsWith("/")) {
                    possibleRoots(path, exists).forEach(candidate -> votes.merge(candidate, 1, Integer::sum));
                }
            }
            int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<String> winners = votes.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey)
                    .toList();
            if (winners.size() == 1) {
                root = Optional.of(winners.get(0));
            } else {
                tied = winners;
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (Map.Entry<String, String> entry : written.entrySet()) {
            String path = entry.getValue();
            String relative = relative(path, root);
            if (relative != null && !relative.isEmpty() && exists.test(relative)) {
                files.put(entry.getKey(), relative);
            } else if (!path.startsWith("/") || root.isPresent() && relative != null) {
                unmatched.add(new Unmatched(entry.getKey(), "no such file in the commit"));
            } else if (root.isPresent()) {
                unmatched.add(new Unmatched(entry.getKey(), "outside the checkout directory " + root.get()));
            } else {
                unmatched.add(new Unmatched(entry.getKey(), tied.isEmpty() ? "no file of the commit ends this path"
                        : "the checkout directory could be any of " + String.join(", ", tied) + "; give it as root="));
            }
        }
        return new Result(files, unmatched, root);
    }

    /**
     * The path with the report's source root removed: an absolute path under one of the
     * {@code <source>} directories becomes relative to it; a relative one already is.
     */
    private static String underSources(String path, List<String> sources) {
        String own = normalized(path);
        for (String source : sources) {
            String directory = directory(normalized(source));
            if (own.startsWith("/") && own.startsWith(directory)) {
                return own.substring(directory.length());
            }
        }
        return own;
    }

    /** The directories that, taken off an absolute path, leave a file of the commit. */
    private static List<String> possibleRoots(String path, Predicate<String> exists) {
        List<String> roots = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0 && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
            if (exists.test(path.substring(slash + 1))) {
                roots.add(path.substring(0, slash + 1));
            }
        }
        return roots;
    }

    /** The path under {@code root} (or as it is when relative); null when absolute and not under it. */
    private static String relative(String path, Optional<String> root) {
        if (!path.startsWith("/")) {
            return path.startsWith("../") ? null : path;
        }
        return root.filter(path::startsWith).map(prefix -> path.substring(prefix.length())).orElse(null);
    }

    private static String directory(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /**
     * Forward slashes, a Windows drive letter taken as an absolute path, no {@code .} segments and
     * {@code ..} resolved lexically (a path can never climb above its root).
     */
    static String normalized(String path) {
        String slashed = path.strip().replace('\\', '/');
        if (slashed.matches("[A-Za-z]:/.*")) {
            slashed = "/" + slashed.substring(0, 1).toLowerCase(Locale.ROOT) + slashed.substring(2);
        }
        boolean absolute = slashed.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : slashed.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!(part.equals("..") && absolute)) {
                parts.add(part);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }
}
