package dev.rustlens.analysis.dependencies;

/**
 * Something in a lock file or a manifest that Cargo would refuse or that leaves the graph
 * incomplete.
 *
 * @param path the repository path of the file at fault
 * @param line the 1-based line the problem is on (1 when it concerns the whole file)
 * @param message what is wrong, for a reader
 */
public record LockProblem(String path, int line, String message) {
}
