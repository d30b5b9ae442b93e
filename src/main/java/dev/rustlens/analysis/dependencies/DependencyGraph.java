package dev.rustlens.analysis.dependencies;

import java.util.List;
import java.util.Optional;

/**
 * The dependencies of one Cargo workspace (or standalone crate), read from its committed
 * {@code Cargo.lock} and its members' manifests without building anything.
 *
 * <p>Members are the lock entries without a source whose name is a workspace member; every other
 * entry, a path dependency outside the workspace included (its source is PATH), is a package.
 *
 * <p>Kinds: {@code Cargo.lock} does not record what kind an edge is, so a package's kind is that
 * of the member edge it is reached through (a member's {@code [dependencies]} make NORMAL, its
 * {@code [build-dependencies]} BUILD, its {@code [dev-dependencies]} DEV, target-specific tables
 * alike), and everything reached below that edge inherits it. A package reached several ways takes
 * the strongest: NORMAL over BUILD over DEV. A member's lock edge is matched to its declarations by
 * package name; a name declared in two tables takes the stronger, an undeclared one counts as
 * NORMAL. Other members are not walked through: each member is a start of its own.
 *
 * <p>Depth is the shortest path from any member (1 = a direct dependency). Dependents are the
 * members that reach a package, walking through another member only along its NORMAL and BUILD
 * edges (a member's dev-dependencies serve its own tests, not its dependents).
 *
 * <p>An entry that no member reaches is still listed, with depth 0, kind NORMAL (so that nothing
 * counts it as test-only) and no dependents. Cargo drops unreachable entries whenever it writes the
 * lock, so one is either stale or belongs to a member rustlens did not find.
 *
 * @param root the directory of the workspace or standalone crate, {@code ""} for the repository root
 * @param lockPath the committed {@code Cargo.lock} that parsed, repository-relative
 * @param lockVersion the lock file's format version, 1 to 4; 0 without a lock
 * @param members the workspace members' crate names, sorted
 * @param packages every locked package that is not a member, sorted by name then version; empty
 *     without a lock
 * @param declared every member's declared dependencies, by member name, then in the order
 *     {@link dev.rustlens.analysis.cargo.CargoManifest#dependencies} reads them; filled with or
 *     without a lock
 * @param problems what in the lock or the manifests Cargo would refuse or could not be followed
 */
public record DependencyGraph(String root, Optional<String> lockPath, int lockVersion, List<String> members,
        List<ResolvedPackage> packages, List<DeclaredDependency> declared, List<LockProblem> problems) {

    /** Whether a lock file was committed and parsed. */
    public boolean locked() {
        return lockPath.isPresent();
    }
}
