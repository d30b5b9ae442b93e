package dev.rustlens.gitrepo;

import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one git commit, read straight from the object database: nothing is checked out,
 * so symbolic links and submodules are never followed (they are not listed at all). Each file's
 * content id is its blob id, the key of the analysis cache.
 */
public final class GitCommitTree implements SourceTree {

    private final Repository repository;
    private final List<SourceFile> files;

    public GitCommitTree(Repository repository, RevCommit commit) throws IOException {
        this.repository = repository;
        List<SourceFile> found = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    ObjectId blob = walk.getObjectId(0);
                    long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                    SourceFile file = new SourceFile(walk.getPathString(), size, blob.name());
                    found.add(file);
                }
            }
        }
        found.sort(java.util.Comparator.comparing(SourceFile::path));
        this.files = List.copyOf(found);
    }

    @Override
    public List<SourceFile> files() {
        return files;
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        // Repository.open is safe from several threads; an ObjectReader is not.
        return repository.open(ObjectId.fromString(file.contentId()), Constants.OBJ_BLOB).getBytes();
    }
}
