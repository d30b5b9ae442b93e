package dev.rustlens.analysis.dependencies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code cargo tree --workspace --all-features --target all -e normal,build,dev --no-dedupe}
 * printed for a fixture, read back per package: the oracle the graph is compared with.
 * Each line's depth is its column over four; {@code [build-dependencies]} and
 * {@code [dev-dependencies]} at depth d head the following children of the node at depth d.
 */
final class CargoTree {

    /** What cargo's tree says of one package. */
    static final class Expected {
        DependencyKind kind;
        int depth = Integer.MAX_VALUE;
        final Set<String> dependents = new TreeSet<>();
        final Set<String> parents = new TreeSet<>();
        final Set<String> dependencies = new TreeSet<>();
    }

    private CargoTree() {
    }

    /** Per package key ({@code name version}), what the tree shows; members (by name) are left out. */
    static Map<String, Expected> read(String output, Set<String> members) {
        Map<String, Expected> packages = new TreeMap<>();
        List<String> ancestors = new ArrayList<>();
        List<DependencyKind> edgeInto = new ArrayList<>();
        Map<Integer, DependencyKind> section = new HashMap<>();
        for (String line : output.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            int column = 0;
            while (column < line.length() && "│├└─ ".indexOf(line.charAt(column)) >= 0) {
                column++;
            }
            int depth = column / 4;
            String content = line.substring(column);
            if (content.startsWith("[")) {
                section.put(depth, content.equals("[build-dependencies]") ? DependencyKind.BUILD : DependencyKind.DEV);
                continue;
            }
            String[] words = content.split(" ");
            String key = words[0] + " " + words[1].substring(1);
            while (ancestors.size() > depth) {
                ancestors.remove(ancestors.size() - 1);
                edgeInto.remove(edgeInto.size() - 1);
            }
            DependencyKind kind = depth == 0 ? DependencyKind.NORMAL : section.getOrDefault(depth - 1, DependencyKind.NORMAL);
            section.put(depth, DependencyKind.NORMAL);
            section.keySet().removeIf(d -> d > depth);
            ancestors.add(key);
            edgeInto.add(kind);
            if (depth > 0) {
                packages.computeIfAbsent(ancestors.get(depth - 1), k -> new Expected()).dependencies.add(key);
            }
            if (members.contains(words[0])) {
                continue;
            }
            Expected expected = packages.computeIfAbsent(key, k -> new Expected());
            expected.parents.add(ancestors.get(depth - 1));
            int member = depth - 1;
            while (!members.contains(name(ancestors.get(member)))) {
                member--;
            }
            DependencyKind memberEdge = edgeInto.get(member + 1);
            expected.kind = expected.kind == null ? memberEdge : expected.kind.stronger(memberEdge);
            expected.depth = Math.min(expected.depth, depth - member);
            // The root reaches it unless the path leaves another member by a dev-dependency edge.
            boolean reached = true;
            for (int i = 1; i < depth; i++) {
                reached &= !(members.contains(name(ancestors.get(i))) && edgeInto.get(i + 1) == DependencyKind.DEV);
            }
            if (reached) {
                expected.dependents.add(name(ancestors.get(0)));
            }
        }
        members.forEach(name -> packages.keySet().removeIf(key -> name(key).equals(name)));
        return packages;
    }

    private static String name(String key) {
        return key.substring(0, key.indexOf(' '));
    }
}
