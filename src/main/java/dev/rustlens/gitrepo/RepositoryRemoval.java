package dev.rustlens.gitrepo;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes a repository with everything rustlens keeps of it: its rows in one transaction (the
 * database deletes what hangs off it), then, once that has committed, its clone and its uploaded
 * archives. The file results cached by blob stay: other repositories may share them.
 */
@ApplicationScoped
public class RepositoryRemoval {

    private final RepositoryService repositories;
    private final GitMirror mirror;
    private final ArchiveStore archives;

    public RepositoryRemoval(RepositoryService repositories, GitMirror mirror, ArchiveStore archives) {
        this.repositories = repositories;
        this.mirror = mirror;
        this.archives = archives;
    }

    /** Deletes repository {@code id}; false when there is no such repository. */
    public boolean remove(long id) {
        return repositories.delete(id).map(deleted -> {
            if (deleted.url() != null) {
                mirror.forget(deleted.id(), deleted.url());
            }
            archives.forget(deleted.id());
            return true;
        }).orElse(false);
    }
}
