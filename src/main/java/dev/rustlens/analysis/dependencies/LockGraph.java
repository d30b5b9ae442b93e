package dev.rustlens.analysis.dependencies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Walks a parsed lock file from a workspace's members: the depth, kind, dependents and parents of each package. */
final class LockGraph {

    /** Packages by name, then by version in SemVer order (numeric parts as numbers, a pre-release first). */
    static final Comparator<LockedPackage> BY_NAME_AND_VERSION = Comparator.comparing(LockedPackage::name)
            .thenComparing(LockedPackage::version, LockGraph::compareVersions)
            .thenComparing(p -> p.source().text());

    private final List<LockedPackage> packages;
    /** Each entry's direct dependencies, as indexes into {@link #packages}. */
    private final int[][] edges;
    /** The member name of each entry, null for a package. */
    private final String[] member;
    /** Per member name, the kind of each package name it declares (the strongest when declared twice). */
    private final Map<String, Map<String, DependencyKind>> declaredKinds;

    private LockGraph(CargoLock lock, Map<String, Optional<String>> members, List<DeclaredDependency> declared,
            List<LockProblem> problems) {
        packages = lock.packages();
        Map<LockedPackage, Integer> index = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            index.put(packages.get(i), i);
        }
        edges = new int[packages.size()][];
        for (int i = 0; i < packages.size(); i++) {
            edges[i] = lock.dependencies(packages.get(i)).stream().mapToInt(index::get).toArray();
        }
        member = new String[packages.size()];
        members.forEach((name, version) -> {
            int found = memberEntry(name, version);
            if (found < 0) {
                problems.add(new LockProblem(lock.path(), 1, "workspace member `" + name
                        + "` has no entry: the lock file is out of date, and Cargo would rewrite it"));
            } else {
                member[found] = name;
            }
        });
        declaredKinds = new HashMap<>();
        for (DeclaredDependency dependency : declared) {
            declaredKinds.computeIfAbsent(dependency.member(), k -> new HashMap<>())
                    .merge(dependency.name(), dependency.kind(), DependencyKind::stronger);
        }
    }

    /** Every entry of {@code lock} that is not one of {@code members} (name to version, when known), placed in the graph. */
    static List<ResolvedPackage> resolve(CargoLock lock, Map<String, Optional<String>> members,
            List<DeclaredDependency> declared, List<LockProblem> problems) {
        return new LockGraph(lock, members, declared, problems).resolve();
    }

    /** The member's entry: a path entry of that name, the one of its version when there are several. */
    private int memberEntry(String name, Optional<String> version) {
        int found = -1;
        for (int i = 0; i < packages.size(); i++) {
            LockedPackage candidate = packages.get(i);
            if (candidate.name().equals(name) && candidate.source().kind() == PackageSource.Kind.PATH) {
                if (version.map(candidate.version()::equals).orElse(true)) {
                    return i;
                }
                found = found < 0 ? i : found;
            }
        }
        return found;
    }

    private List<ResolvedPackage> resolve() {
        int[] depth = depths();
        DependencyKind[] kind = kinds();
        List<TreeSet<String>> dependents = dependents();
        List<TreeSet<String>> parents = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            parents.add(new TreeSet<>());
        }
        for (int i = 0; i < packages.size(); i++) {
            for (int dependency : edges[i]) {
                parents.get(dependency).add(packages.get(i).key());
            }
        }
        List<ResolvedPackage> resolved = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            if (member[i] != null) {
                continue;
            }
            TreeSet<String> own = new TreeSet<>();
            for (int dependency : edges[i]) {
                own.add(packages.get(dependency).key());
            }
            resolved.add(new ResolvedPackage(packages.get(i), depth[i], kind[i] == null ? DependencyKind.NORMAL : kind[i],
                    List.copyOf(dependents.get(i)), List.copyOf(parents.get(i)), List.copyOf(own)));
        }
        resolved.sort(Comparator.comparing(ResolvedPackage::locked, BY_NAME_AND_VERSION));
        return resolved;
    }

    /** Shortest distance from any member, breadth first; members are starts, never walked through. */
    private int[] depths() {
        int[] depth = new int[packages.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int m = 0; m < packages.size(); m++) {
            if (member[m] != null) {
                for (int dependency : edges[m]) {
                    if (member[dependency] == null && depth[dependency] == 0) {
                        depth[dependency] = 1;
                        queue.add(dependency);
                    }
                }
            }
        }
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (int dependency : edges[at]) {
                if (member[dependency] == null && depth[dependency] == 0) {
                    depth[dependency] = depth[at] + 1;
                    queue.add(dependency);
                }
            }
        }
        return depth;
    }

    /**
     * The strongest kind each package is reached with: one walk per kind, strongest first, from
     * the member edges of that kind; a package a stronger walk reached (and so all below it) is left.
     */
    private DependencyKind[] kinds() {
        DependencyKind[] kind = new DependencyKind[packages.size()];
        for (DependencyKind walk : DependencyKind.values()) {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int m = 0; m < packages.size(); m++) {
                if (member[m] != null) {
                    for (int dependency : edges[m]) {
                        if (member[dependency] == null && kind[dependency] == null && edgeKind(m, dependency) == walk) {
                            kind[dependency] = walk;
                            queue.add(dependency);
                        }
                    }
                }
            }
            while (!queue.isEmpty()) {
                int at = queue.poll();
                for (int dependency : edges[at]) {
                    if (member[dependency] == null && kind[dependency] == null) {
                        kind[dependency] = walk;
                        queue.add(dependency);
                    }
                }
            }
        }
        return kind;
    }

    /** Per entry, the members that reach it; another member is walked through along its NORMAL and BUILD edges only. */
    private List<TreeSet<String>> dependents() {
        List<TreeSet<String>> dependents = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            dependents.add(new TreeSet<>());
        }
        int[] visitedBy = new int[packages.size()];
        int walk = 0;
        for (int start = 0; start < packages.size(); start++) {
            if (member[start] == null) {
                continue;
            }
            walk++;
            visitedBy[start] = walk;
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                int at = stack.pop();
                for (int dependency : edges[at]) {
                    boolean throughOtherMember = at != start && member[at] != null;
                    if (visitedBy[dependency] == walk
                            || throughOtherMember && edgeKind(at, dependency) == DependencyKind.DEV) {
                        continue;
                    }
                    visitedBy[dependency] = walk;
                    if (member[dependency] == null) {
                        dependents.get(dependency).add(member[start]);
                    }
                    stack.push(dependency);
                }
            }
        }
        return dependents;
    }

    /** The kind of member {@code from}'s edge to {@code to}, from what the member declares; NORMAL when undeclared. */
    private DependencyKind edgeKind(int from, int to) {
        return declaredKinds.getOrDefault(member[from], Map.of()).getOrDefault(packages.get(to).name(),
                DependencyKind.NORMAL);
    }

    /** Compares two versions the SemVer way, near enough for sorting: release parts as numbers, a pre-release before its release. */
    static int compareVersions(String left, String right) {
        String leftCore = core(left);
        String rightCore = core(right);
        String[] leftParts = leftCore.split("\\.");
        String[] rightParts = rightCore.split("\\.");
        for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
            String l = i < leftParts.length ? leftParts[i] : "0";
            String r = i < rightParts.length ? rightParts[i] : "0";
            int compared = isNumber(l) && isNumber(r) ? compareNumbers(l, r) : l.compareTo(r);
            if (compared != 0) {
                return compared;
            }
        }
        boolean leftPre = left.length() > leftCore.length() && left.charAt(leftCore.length()) == '-';
        boolean rightPre = right.length() > rightCore.length() && right.charAt(rightCore.length()) == '-';
        if (leftPre != rightPre) {
            return leftPre ? -1 : 1;
        }
        return left.compareTo(right);
    }

    private static String core(String version) {
        int end = version.length();
        for (int i = 0; i < version.length(); i++) {
            if (version.charAt(i) == '-' || version.charAt(i) == '+') {
                end = i;
                break;
            }
        }
        return version.substring(0, end);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
    }

    private static int compareNumbers(String left, String right) {
        String l = left.replaceFirst("^0+(?=.)", "");
        String r = right.replaceFirst("^0+(?=.)", "");
        return l.length() != r.length() ? Integer.compare(l.length(), r.length()) : l.compareTo(r);
    }
}
