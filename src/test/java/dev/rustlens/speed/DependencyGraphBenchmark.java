package dev.rustlens.speed;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateDiscovery;
import dev.rustlens.analysis.dependencies.DependencyGraph;
import dev.rustlens.analysis.dependencies.RepositoryDependencies;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times reading a workspace's dependency graph (its Cargo.lock parsed, its members' manifests'
 * declarations read, the graph walked) and prints the figures; a measurement, not a test.
 *
 * <p>Usage: {@code DependencyGraphBenchmark [DIR]}, DIR a repository checkout; by default the
 * 1,048-entry lock file and 42 manifests of src/test/resources/dependencies/large-v3.
 */
public final class DependencyGraphBenchmark {

    private static final int WARMUP = 100;
    private static final int ROUNDS = 50;

    private DependencyGraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/dependencies/large-v3");
        DirectorySourceTree tree = new DirectorySourceTree(directory);
        CrateDiscovery.Layout layout = CrateDiscovery.discover(tree.files(),
                file -> CargoManifest.parse(file.path(), tree.read(file)));
        long first = System.nanoTime();
        List<DependencyGraph> graphs = RepositoryDependencies.read(tree, layout.crates());
        double firstMillis = (System.nanoTime() - first) / 1e6;
        for (int i = 0; i < WARMUP; i++) {
            RepositoryDependencies.read(tree, layout.crates());
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            RepositoryDependencies.read(tree, layout.crates());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        int packages = graphs.stream().mapToInt(g -> g.packages().size()).sum();
        int declared = graphs.stream().mapToInt(g -> g.declared().size()).sum();
        System.out.printf(Locale.ROOT, "%s: %d graphs, %d members, %d packages, %d declarations%n", directory,
                graphs.size(), graphs.stream().mapToInt(g -> g.members().size()).sum(), packages, declared);
        System.out.printf(Locale.ROOT, "first read %.1f ms (cold JVM); warm: median %.1f ms, min %.1f ms, max %.1f ms%n",
                firstMillis, millis[ROUNDS / 2], millis[0], millis[ROUNDS - 1]);
    }
}
