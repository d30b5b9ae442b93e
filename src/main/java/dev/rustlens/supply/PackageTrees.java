package dev.rustlens.supply;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateDiscovery;
import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Views of a package's files: a directory inside the scanned repository, and what a dependent builds of it. */
final class PackageTrees {

    private PackageTrees() {
    }

    /** The files under {@code directory} of {@code parent} (a vendored package), paths relative to it. */
    static SourceTree inside(SourceTree parent, String directory) {
        String prefix = directory + "/";
        return new SourceTree() {
            private List<SourceFile> files;

            @Override
            public synchronized List<SourceFile> files() throws IOException {
                if (files == null) { // listed once: the repository may hold a great many files
                    files = parent.files().stream().filter(file -> file.path().startsWith(prefix))
                            .map(file -> new SourceFile(file.path().substring(prefix.length()), file.size(),
                                    file.contentId()))
                            .toList();
                }
                return files;
            }

            @Override
            public byte[] read(SourceFile file) throws IOException {
                return parent.read(new SourceFile(prefix + file.path(), file.size(), file.contentId()));
            }

            @Override
            public boolean holdsRepositoryFiles() {
                return false;
            }
        };
    }

    /**
     * The package as a dependent builds it: its Rust files are those of its library and build
     * script only, by Cargo's target rules; tests, benches, examples, binaries and the files of
     * packages nested in it are left out (files only a binary's modules reach become unlinked and
     * count nowhere). Every other file stays, for the manifest and {@code include!}s.
     */
    static SourceTree library(SourceTree tree) throws IOException, ManifestException {
        List<SourceFile> files = tree.files();
        Map<String, CrateFile> roles = CrateDiscovery.discover(files,
                file -> CargoManifest.parse(file.path(), tree.read(file))).files();
        List<SourceFile> kept = files.stream()
                .filter(file -> !file.path().endsWith(".rs") || builtByDependents(roles.get(file.path()))).toList();
        return new SourceTree() {
            @Override
            public List<SourceFile> files() {
                return kept;
            }

            @Override
            public byte[] read(SourceFile file) throws IOException {
                return tree.read(file);
            }

            @Override
            public boolean holdsRepositoryFiles() {
                return tree.holdsRepositoryFiles();
            }
        };
    }

    private static boolean builtByDependents(CrateFile file) {
        return file != null && file.crate().directory().isEmpty()
                && (file.role() == FileRole.LIBRARY || file.role() == FileRole.BUILD_SCRIPT);
    }
}
