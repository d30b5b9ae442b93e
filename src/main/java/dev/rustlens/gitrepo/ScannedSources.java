package dev.rustlens.gitrepo;

import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads files as a scan saw them: blobs at the scanned commit from the git mirror (nothing is
 * fetched), or the unpacked upload of an archive repository. Files over the analyzer's size
 * limit are not read, as the analysis did not read them either.
 */
@ApplicationScoped
public class ScannedSources {

    private final GitMirror mirror;
    private final ArchiveStore archives;
    private final RustlensConfig config;

    public ScannedSources(GitMirror mirror, ArchiveStore archives, RustlensConfig config) {
        this.mirror = mirror;
        this.archives = archives;
        this.config = config;
    }

    /** The files of one scanned commit (or archive digest); close it after reading. */
    public interface Snapshot extends AutoCloseable {
        /**
         * A file's text by its repository-relative path, decoded as the analysis decoded it (so
         * findings' lines and columns match); empty when it cannot be read here.
         */
        Optional<SourceText> read(String path) throws IOException;

        @Override
        void close();
    }

    /** Opens the source of {@code commit} of a repository; a source this instance does not have reads as empty. */
    public Snapshot open(GitRepository repository, String commit) throws IOException {
        long limit = config.analysis().maxFileBytes();
        if (repository.kind == GitRepository.Kind.archive) {
            Path root;
            try {
                root = archives.sourceRoot(repository.id, commit);
            } catch (IOException e) {
                return new Missing(); // the upload was removed, or was received by another instance
            }
            DirectorySourceTree tree = new DirectorySourceTree(root);
            return new Snapshot() {
                @Override
                public Optional<SourceText> read(String path) {
                    try {
                        byte[] bytes = tree.read(new SourceFile(path, 0, null));
                        return bytes.length > limit ? Optional.empty() : Optional.of(SourceText.decode(bytes));
                    } catch (IOException e) {
                        return Optional.empty(); // not a regular file inside the upload
                    }
                }

                @Override
                public void close() {
                    // nothing is held open between reads
                }
            };
        }
        Optional<Repository> opened = commit == null || !ObjectId.isId(commit) ? Optional.empty()
                : mirror.open(repository.id, repository.url);
        if (opened.isEmpty()) {
            return new Missing();
        }
        Repository git = opened.get();
        RevCommit revision;
        try (RevWalk walk = new RevWalk(git)) {
            revision = walk.parseCommit(ObjectId.fromString(commit));
        } catch (MissingObjectException e) {
            git.close();
            return new Missing();
        }
        return new Snapshot() {
            @Override
            public Optional<SourceText> read(String path) throws IOException {
                try (TreeWalk walk = TreeWalk.forPath(git, path, revision.getTree())) {
                    if (walk == null || !(walk.getFileMode(0) == FileMode.REGULAR_FILE
                            || walk.getFileMode(0) == FileMode.EXECUTABLE_FILE)) {
                        return Optional.empty();
                    }
                    ObjectLoader blob = git.open(walk.getObjectId(0), Constants.OBJ_BLOB);
                    return blob.getSize() > limit ? Optional.empty() : Optional.of(SourceText.decode(blob.getBytes()));
                }
            }

            @Override
            public void close() {
                git.close();
            }
        };
    }

    /** A source this instance cannot read. */
    private static final class Missing implements Snapshot {
        @Override
        public Optional<SourceText> read(String path) {
            return Optional.empty();
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }
}
