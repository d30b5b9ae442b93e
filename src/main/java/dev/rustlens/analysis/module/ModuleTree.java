package dev.rustlens.analysis.module;

import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.outline.LintSetting;
import dev.rustlens.analysis.outline.ModuleDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module tree of one crate, as rustc builds it: from each target's root file, every
 * {@code mod} declaration resolved to its file ({@code name.rs}, {@code name/mod.rs},
 * {@code #[path]}) or its inline body, and {@code include!}d files taken into the module that
 * includes them. It says which target reaches each file, whether the file is compiled for tests
 * only, its module path, and the lint attributes of the modules above it; a file no root reaches
 * is unlinked: rustc never reads it.
 */
public final class ModuleTree {

    /**
     * Where one file sits in the tree.
     *
     * @param role the kind of target that reaches it first (the library before binaries before tests)
     * @param testOnly whether it is compiled for tests only: under a {@code #[cfg(test)]} module,
     *     or {@code #![cfg(test)]} itself
     * @param modulePath its module path from the crate root ({@code raw::ffi}); empty for a root
     * @param inheritedLints the lint attributes that reach the file from the modules above it,
     *     outermost first: those of its parent files around its {@code mod} declaration
     */
    public record FilePlacement(FileRole role, boolean testOnly, String modulePath, List<LintSetting> inheritedLints) {
    }

    /** A module: a file's own (scope -1) or one of its inline modules, with the files included into it. */
    static final class Node {
        final Node parent;
        final String name;
        /** The declaration that made it, in its parent's file; null for a root. */
        final ModuleDeclaration declaration;
        final String declarationFile;
        /** The file and scope whose declarations it holds; included files add theirs. */
        final List<Part> parts = new ArrayList<>();
        final Map<String, Node> children = new LinkedHashMap<>();
        final boolean testOnly;

        Node(Node parent, String name, ModuleDeclaration declaration, String declarationFile, boolean testOnly) {
            this.parent = parent;
            this.name = name;
            this.declaration = declaration;
            this.declarationFile = declarationFile;
            this.testOnly = testOnly;
        }

        String modulePath() {
            return parent == null ? "" : parent.parent == null ? name : parent.modulePath() + "::" + name;
        }
    }

    /** A file's scope that belongs to a module: -1 for the file's top level, else an inline module. */
    record Part(String file, int scope) {
    }

    private final CrateInfo crate;
    private final Map<String, FileOutline> outlines;
    private final Map<String, FilePlacement> placements = new LinkedHashMap<>();
    /** Files whose modules live in their own directory: roots, {@code mod.rs} files, files loaded by {@code #[path]}. */
    private final Set<String> ownDirectories = new HashSet<>();
    private Node libraryRoot;

    private ModuleTree(CrateInfo crate, Map<String, FileOutline> outlines) {
        this.crate = crate;
        this.outlines = outlines;
    }

    /**
     * Builds the tree of a crate from the outlines of its {@code .rs} files (repository path to
     * outline); files missing from the map do not exist.
     */
    public static ModuleTree build(CrateInfo crate, Map<String, FileOutline> outlines) {
        ModuleTree tree = new ModuleTree(crate, outlines);
        for (CrateTargets.Root root : CrateTargets.roots(crate, outlines.keySet())) {
            Node node = tree.walk(root.path(), root.role());
            if (root.role() == FileRole.LIBRARY && tree.libraryRoot == null) {
                tree.libraryRoot = node;
            }
        }
        return tree;
    }

    /** Where a file sits, or empty when no root reaches it. */
    public Optional<FilePlacement> placement(String path) {
        return Optional.ofNullable(placements.get(path));
    }

    /** The files no root reaches, in path order. */
    public List<String> unlinkedFiles() {
        return outlines.keySet().stream().filter(path -> !placements.containsKey(path)).sorted().toList();
    }

    /** The library's root module, or null for a crate without a library. */
    Node libraryRoot() {
        return libraryRoot;
    }

    FileOutline outline(String path) {
        return outlines.get(path);
    }

    /** Places every file reachable from one root, breadth first; a file placed before keeps its place. */
    private Node walk(String rootFile, FileRole role) {
        if (placements.containsKey(rootFile)) {
            return null;
        }
        FileOutline rootOutline = outlines.get(rootFile);
        Node root = new Node(null, "", null, null, rootOutline.testOnly());
        placements.put(rootFile, new FilePlacement(role, rootOutline.testOnly(), "", List.of()));
        ownDirectories.add(rootFile);
        addFile(root, rootFile);
        Deque<Node> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.poll();
            for (Part part : List.copyOf(node.parts)) {
                FileOutline outline = outlines.get(part.file());
                List<ModuleDeclaration> modules = outline.modules();
                for (int index = 0; index < modules.size(); index++) {
                    ModuleDeclaration declaration = modules.get(index);
                    if (declaration.scope() != part.scope()) {
                        continue;
                    }
                    pending.addAll(children(node, part, index, declaration, role));
                }
            }
        }
        return root;
    }

    /**
     * The modules a declaration makes, with their files placed: one, or one per platform file a
     * {@code cfg_attr} path chooses (the first answers for the name). None when no file exists
     * or every one is placed already.
     */
    private List<Node> children(Node parent, Part part, int index, ModuleDeclaration declaration, FileRole role) {
        FileOutline outline = outlines.get(part.file());
        boolean testOnly = parent.testOnly || declaration.testOnly();
        if (declaration.inline()) {
            Node node = new Node(parent, declaration.name(), declaration, part.file(), testOnly);
            node.parts.add(new Part(part.file(), index));
            parent.children.putIfAbsent(declaration.name(), node);
            return List.of(node);
        }
        List<Node> nodes = new ArrayList<>();
        for (String file : ModulePaths.resolve(part.file(), ownDirectories.contains(part.file()), outline, part.scope(),
                declaration, outlines.keySet())) {
            if (placements.containsKey(file)) {
                continue;
            }
            if (!declaration.paths().isEmpty() || ModulePaths.ownsDirectoryByName(file)) {
                ownDirectories.add(file);
            }
            Node node = new Node(parent, declaration.name(), declaration, part.file(),
                    testOnly || outlines.get(file).testOnly());
            List<LintSetting> inherited = new ArrayList<>(placements.get(part.file()).inheritedLints());
            ApiItem item = outline.items().get(declaration.item());
            inherited.addAll(settingsAround(outline, item.line(), item.column()));
            placements.put(file, new FilePlacement(role, node.testOnly, node.modulePath(), List.copyOf(inherited)));
            addFile(node, file);
            parent.children.putIfAbsent(declaration.name(), node);
            nodes.add(node);
        }
        return nodes;
    }

    /** Adds a file's top level to a module, and the files it includes. */
    private void addFile(Node node, String file) {
        node.parts.add(new Part(file, -1));
        for (String include : outlines.get(file).includes()) {
            ModulePaths.relativeTo(ModulePaths.directoryOf(file), include)
                    .filter(outlines::containsKey).filter(included -> !placements.containsKey(included))
                    .ifPresent(included -> {
                        placements.put(included, placements.get(file));
                        if (ownDirectories.contains(file)) {
                            ownDirectories.add(included);
                        }
                        addFile(node, included);
                    });
        }
    }

    /** The lint attributes of a file that cover a position, outermost first. */
    static List<LintSetting> settingsAround(FileOutline outline, int line, int column) {
        List<LintSetting> covering = new ArrayList<>();
        for (LintSetting setting : outline.lintSettings()) {
            if (setting.covers(line, column)) {
                covering.add(setting);
            }
        }
        // Outermost first: a region inside another comes after it; source order otherwise.
        covering.sort(Comparator.comparingInt((LintSetting s) -> s.startLine()).thenComparingInt(LintSetting::startColumn)
                .thenComparing(Comparator.comparingInt(LintSetting::endLine).thenComparingInt(LintSetting::endColumn)
                        .reversed()));
        return covering;
    }

    /** The crate this tree is of. */
    CrateInfo crate() {
        return crate;
    }

    /** Every module of the library, root first. */
    List<Node> libraryModules() {
        List<Node> nodes = new ArrayList<>();
        if (libraryRoot == null) {
            return nodes;
        }
        Deque<Node> pending = new ArrayDeque<>(List.of(libraryRoot));
        while (!pending.isEmpty()) {
            Node node = pending.poll();
            nodes.add(node);
            pending.addAll(node.children.values());
        }
        return nodes;
    }

    /** The files of the library's tree. */
    TreeSet<String> libraryFiles() {
        TreeSet<String> files = new TreeSet<>();
        for (Node node : libraryModules()) {
            node.parts.forEach(part -> files.add(part.file()));
        }
        return files;
    }
}
