package dev.rustlens.analysis.dependencies;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateDiscovery;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real workspaces and lock files under src/test/resources/dependencies (see its README). */
final class DependencyFixtures {

    static final Path ROOT = Path.of("src/test/resources/dependencies");

    private DependencyFixtures() {
    }

    static String text(String fixture, String file) throws IOException {
        return Files.readString(ROOT.resolve(fixture).resolve(file), StandardCharsets.UTF_8);
    }

    static CargoLock lock(String fixture) throws IOException {
        return CargoLock.parse("Cargo.lock", text(fixture, "Cargo.lock"));
    }

    /** The graphs of a directory read the way a scan reads a repository: its crates discovered, then its locks. */
    static List<DependencyGraph> graphs(Path directory) throws Exception {
        DirectorySourceTree tree = new DirectorySourceTree(directory);
        CrateDiscovery.Layout layout = CrateDiscovery.discover(tree.files(),
                file -> CargoManifest.parse(file.path(), tree.read(file)));
        return RepositoryDependencies.read(tree, layout.crates());
    }

    static DependencyGraph graph(String fixture) throws Exception {
        List<DependencyGraph> graphs = graphs(ROOT.resolve(fixture));
        if (graphs.size() != 1) {
            throw new AssertionError(fixture + " holds " + graphs.size() + " workspaces, not one");
        }
        return graphs.get(0);
    }

    /** The 1-based line of the {@code [[package]]} (or {@code [root]}) header above {@code name = "…"} and {@code version = "…"}. */
    static int headerLine(String lockText, String name, String version) {
        List<String> lines = lockText.lines().toList();
        for (int i = 1; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("name = \"" + name + "\"") && lines.get(i + 1).equals("version = \"" + version + "\"")) {
                return i;
            }
        }
        throw new AssertionError(name + " " + version + " is not in the lock file");
    }
}
