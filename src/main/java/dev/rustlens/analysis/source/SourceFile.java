package dev.rustlens.analysis.source;

/**
 * One regular file of a source tree.
 *
 * @param path repository-relative path with {@code /} separators
 * @param size size in bytes
 * @param contentId a stable id of the content (a git blob id), used as the analysis cache key
 */
public record SourceFile(String path, long size, String contentId) {

    /** The file name, the last path segment. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
