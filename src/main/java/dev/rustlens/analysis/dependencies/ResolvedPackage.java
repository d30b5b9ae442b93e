package dev.rustlens.analysis.dependencies;

import java.util.List;

/**
 * A locked package and where it sits in the workspace's dependency graph.
 *
 * @param locked the lock file's entry
 * @param depth the length of the shortest path from any member: 1 when a member depends on it
 *     directly; 0 when no member reaches it (a stale entry, see {@link DependencyGraph})
 * @param kind the strongest kind over the member edges it is reached through (see {@link DependencyGraph})
 * @param dependents the names of the workspace members that reach it, sorted
 * @param parents the keys ({@code name version}) of the packages, members included, that depend
 *     on it directly, sorted
 * @param dependencies the keys of its own direct dependencies, sorted
 */
public record ResolvedPackage(LockedPackage locked, int depth, DependencyKind kind, List<String> dependents,
        List<String> parents, List<String> dependencies) {
}
