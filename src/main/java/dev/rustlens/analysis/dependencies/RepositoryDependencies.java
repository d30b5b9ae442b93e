package dev.rustlens.analysis.dependencies;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dependency graphs of a repository: one per Cargo workspace or standalone crate, from the
 * {@code Cargo.lock} committed beside its root manifest and its members' manifests. Nothing is
 * built, run or fetched.
 */
public final class RepositoryDependencies {

    /** The largest lock file read: the biggest real ones hold a few thousand entries in a few MiB. */
    public static final long MAX_LOCK_BYTES = 16L * 1024 * 1024;

    private RepositoryDependencies() {
    }

    /**
     * Reads the graph of every workspace and standalone crate among {@code crates} (as
     * {@link dev.rustlens.analysis.cargo.CrateDiscovery} found them in {@code tree}), sorted by
     * root directory. Bad lock files and manifest entries are {@link LockProblem}s in the graphs.
     *
     * @throws IOException when the tree cannot be read
     */
    public static List<DependencyGraph> read(SourceTree tree, List<CrateInfo> crates) throws IOException {
        Map<String, List<CrateInfo>> workspaces = new TreeMap<>();
        for (CrateInfo crate : crates) {
            // Cargo keeps one lock for a whole workspace, beside the workspace's manifest.
            String root = crate.workspace().map(CargoManifest::directory).orElse(crate.directory());
            workspaces.computeIfAbsent(root, k -> new ArrayList<>()).add(crate);
        }
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile file : tree.files()) {
            files.put(file.path(), file);
        }
        List<DependencyGraph> graphs = new ArrayList<>();
        for (Map.Entry<String, List<CrateInfo>> workspace : workspaces.entrySet()) {
            String root = workspace.getKey();
            String lockPath = root.isEmpty() ? "Cargo.lock" : root + "/Cargo.lock";
            SourceFile lockFile = files.get(lockPath);
            List<LockProblem> problems = new ArrayList<>();
            Optional<CargoLock> lock = Optional.empty();
            if (lockFile != null) {
                // The listed size is checked before reading, the read length after: a tree may list a stale size.
                byte[] content = lockFile.size() > MAX_LOCK_BYTES ? null : tree.read(lockFile);
                if (content == null || content.length > MAX_LOCK_BYTES) {
                    problems.add(new LockProblem(lockPath, 1, "the lock file is "
                            + (content == null ? lockFile.size() : content.length) + " bytes, more than the "
                            + MAX_LOCK_BYTES / (1024 * 1024) + " MiB rustlens reads; its packages are not listed"));
                } else {
                    lock = Optional.of(CargoLock.parse(lockPath, new String(content, StandardCharsets.UTF_8)));
                }
            }
            graphs.add(graph(root, workspace.getValue(), lock, problems));
        }
        return List.copyOf(graphs);
    }

    /**
     * The graph of one workspace from its members and, when one was committed, its lock file
     * (parsed or not); {@code problems} holds what was found before, and the graph's problems
     * follow it.
     */
    public static DependencyGraph graph(String root, List<CrateInfo> members, Optional<CargoLock> lock,
            List<LockProblem> problems) {
        List<LockProblem> found = new ArrayList<>(problems);
        List<CrateInfo> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(CrateInfo::name));
        List<DeclaredDependency> declared = new ArrayList<>();
        Map<String, Optional<String>> memberVersions = new LinkedHashMap<>();
        for (CrateInfo crate : sorted) {
            memberVersions.put(crate.name(), crate.version());
            String manifestPath = crate.manifest().path();
            for (CargoManifest.Dependency dependency : crate.manifest().dependencies(crate.workspace())) {
                declared.add(new DeclaredDependency(crate.name(), dependency.name(), dependency.requirement(),
                        kindOf(dependency.section()), dependency.optional(), dependency.target(), manifestPath,
                        dependency.line()));
                dependency.problem().ifPresent(problem -> found.add(new LockProblem(manifestPath, dependency.line(), problem)));
            }
        }
        Optional<CargoLock> usable = lock.filter(CargoLock::parsed);
        lock.ifPresent(l -> found.addAll(l.problems()));
        List<ResolvedPackage> packages = usable.map(l -> LockGraph.resolve(l, memberVersions, declared, found))
                .orElse(List.of());
        return new DependencyGraph(root, usable.map(CargoLock::path), usable.map(CargoLock::version).orElse(0),
                List.copyOf(memberVersions.keySet()), packages, List.copyOf(declared), List.copyOf(found));
    }

    private static DependencyKind kindOf(CargoManifest.Section section) {
        return switch (section) {
            case NORMAL -> DependencyKind.NORMAL;
            case BUILD -> DependencyKind.BUILD;
            case DEV -> DependencyKind.DEV;
        };
    }
}
