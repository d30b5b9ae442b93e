package dev.rustlens.analysis.source;

import java.io.IOException;
import java.util.List;

/** The files of one snapshot of a repository: a directory on disk or a git commit. */
public interface SourceTree {

    /** Every regular file, sorted by path; links and special files are never listed. */
    List<SourceFile> files() throws IOException;

    /** The content of a listed file. */
    byte[] read(SourceFile file) throws IOException;

    /**
     * Whether this is a repository's tree, which holds its CI configuration and Cargo.lock; a
     * package archive (a {@code .crate}) is not, and is never asked for what it cannot hold.
     */
    default boolean holdsRepositoryFiles() {
        return true;
    }
}
