package dev.rustlens.analysis.source;

import java.io.IOException;
import java.util.List;

/** The files of one snapshot of a repository: a directory on disk or a git commit. */
public interface SourceTree {

    /** Every regular file, sorted by path; links and special files are never listed. */
    List<SourceFile> files() throws IOException;

    /** The content of a listed file. */
    byte[] read(SourceFile file) throws IOException;
}
