package dev.rustlens.gitrepo;

/**
 * Fired, synchronously and inside the changing transaction, when a repository's default branch
 * changes: what is kept of the default branch's scans (the trend the overview sorts by) observes it.
 *
 * @param repositoryId the repository, its new default branch written
 */
public record DefaultBranchChanged(long repositoryId) {
}
