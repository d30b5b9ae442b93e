package dev.rustlens.analysis.module;

import dev.rustlens.analysis.check.RustPaths;
import dev.rustlens.analysis.check.RustPaths.UseLeaf;
import dev.rustlens.analysis.module.ModuleTree.Node;
import dev.rustlens.analysis.module.ModuleTree.Part;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.outline.ApiKind;
import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.outline.ModuleDeclaration;
import dev.rustlens.analysis.outline.UseDeclaration;
import dev.rustlens.analysis.outline.Visibility;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a library exports, as rustc's effective visibilities decide it: items declared {@code pub}
 * along a chain of {@code pub} modules from the crate root, items that {@code pub use} (single or
 * glob) re-exports from anywhere, the fields, variants and trait items of exported types and
 * traits, the {@code pub} items of inherent impls of exported types, and
 * {@code #[macro_export]} macros. Of those, rustdoc shows (and rustc and clippy ask docs of) the
 * ones neither hidden by {@code #[doc(hidden)]} nor inside something hidden.
 */
public final class PublicApi {

    /** How deep re-exports are followed through other re-exports. */
    private static final int MAX_REEXPORT_DEPTH = 16;

    private final ModuleTree tree;
    private final boolean edition2015;
    private final Map<String, BitSet> exported = new HashMap<>();
    private final Set<Node> exportedModules = new HashSet<>();
    private final Map<Part, Node> nodesByPart = new HashMap<>();
    /** The module each out-of-line or inline declaration made, by the declaring file and its item. */
    private final Map<String, Map<Integer, Node>> declaredModules = new HashMap<>();
    private final Deque<Node> pendingModules = new ArrayDeque<>();
    private final Map<Node, Set<UseLeaf>> followedReexports = new HashMap<>();
    /**
     * Each use tree's leaves and each path's segments, worked out once: following re-exports
     * and looking up modules by name read the same use declarations again and again.
     */
    private final Map<String, List<UseLeaf>> leavesByTree = new HashMap<>();
    private final Map<String, List<String>> segmentsByPath = new HashMap<>();

    private PublicApi(ModuleTree tree) {
        this.tree = tree;
        this.edition2015 = tree.crate().edition().orElse("2015").equals("2015");
    }

    /** Works out the exports of the library in {@code tree}; a crate without a library exports nothing. */
    public static PublicApi of(ModuleTree tree) {
        PublicApi api = new PublicApi(tree);
        Node root = tree.libraryRoot();
        if (root != null) {
            api.index();
            api.markModule(root);
            api.drainModules();
            api.exportMacros();
            api.exportMembers();
        }
        return api;
    }

    /** Whether the crate exports the item and rustdoc shows it (it is not hidden). */
    public boolean shown(String file, int item) {
        BitSet items = exported.get(file);
        return items != null && items.get(item) && !hidden(file, item);
    }

    /**
     * Whether the item is documented: its own docs, or for a module declared {@code mod name;}
     * the inner docs ({@code //!}) of its file.
     */
    public boolean documented(String file, int item) {
        ApiItem api = tree.outline(file).items().get(item);
        if (api.documented()) {
            return true;
        }
        Node module = declaredModules.getOrDefault(file, Map.of()).get(item);
        return module != null && !module.declaration.inline()
                && module.parts.stream().anyMatch(part -> part.scope() < 0 && tree.outline(part.file()).innerDocs());
    }

    private void index() {
        for (Node node : tree.libraryModules()) {
            node.parts.forEach(part -> nodesByPart.put(part, node));
            if (node.declaration != null) {
                declaredModules.computeIfAbsent(node.declarationFile, key -> new HashMap<>())
                        .put(node.declaration.item(), node);
            }
        }
    }

    private void markModule(Node node) {
        if (node.testOnly || (node.declaration != null && node.declaration.inFunction()) || !exportedModules.add(node)) {
            return;
        }
        if (node.declaration != null) {
            export(node.declarationFile, node.declaration.item());
        }
        pendingModules.add(node);
    }

    private void drainModules() {
        while (!pendingModules.isEmpty()) {
            Node node = pendingModules.poll();
            forEachItem(node, (file, index, item) -> {
                if (item.visibility() == Visibility.PUBLIC) {
                    export(file, index);
                }
            });
            for (Node child : node.children.values()) {
                if (declarationVisibility(child) == Visibility.PUBLIC) {
                    markModule(child);
                }
            }
            for (Part part : node.parts) {
                for (UseDeclaration use : tree.outline(part.file()).uses()) {
                    if (use.scope() == part.scope() && use.visibility() == Visibility.PUBLIC && !use.testOnly()) {
                        reexport(use, node, 0);
                    }
                }
            }
        }
    }

    /** The module-level items of a module (neither impls nor modules), outside test code. */
    private void forEachItem(Node node, ItemVisitor visitor) {
        for (Part part : node.parts) {
            List<ApiItem> items = tree.outline(part.file()).items();
            for (int index = 0; index < items.size(); index++) {
                ApiItem item = items.get(index);
                if (item.scope() == part.scope() && item.parent() < 0 && !item.testOnly()
                        && item.kind() != ApiKind.IMPL && item.kind() != ApiKind.MODULE) {
                    visitor.visit(part.file(), index, item);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ItemVisitor {
        void visit(String file, int index, ApiItem item);
    }

    private void reexport(UseDeclaration use, Node module, int depth) {
        if (depth > MAX_REEXPORT_DEPTH) {
            return;
        }
        for (UseLeaf leaf : leaves(use)) {
            if (!followedReexports.computeIfAbsent(module, key -> new HashSet<>()).add(leaf)) {
                continue;
            }
            List<String> segments = segments(leaf.path());
            if (leaf.glob()) {
                Node target = moduleAt(segments, module, depth);
                if (target != null) {
                    reexportAll(target, depth);
                } else {
                    reexportVariants(segments, module, depth);
                }
                continue;
            }
            Node container = segments.size() == 1 ? module : moduleAt(segments.subList(0, segments.size() - 1), module, depth);
            if (container == null && segments.size() == 1 && edition2015) {
                container = tree.libraryRoot();
            }
            if (container != null) {
                reexportName(container, segments.getLast(), depth);
            }
        }
    }

    /** {@code pub use path::*}: every public item, module and re-export of the module. */
    private void reexportAll(Node target, int depth) {
        forEachItem(target, (file, index, item) -> {
            if (item.visibility() == Visibility.PUBLIC) {
                export(file, index);
            }
        });
        for (Node child : target.children.values()) {
            if (declarationVisibility(child) == Visibility.PUBLIC) {
                markModule(child);
            }
        }
        for (Part part : target.parts) {
            for (UseDeclaration inner : tree.outline(part.file()).uses()) {
                if (inner.scope() == part.scope() && inner.visibility() == Visibility.PUBLIC && !inner.testOnly()) {
                    reexport(inner, target, depth + 1);
                }
            }
        }
    }

    /** {@code pub use Enum::*}: the enum's variants. */
    private void reexportVariants(List<String> segments, Node module, int depth) {
        Node container = segments.size() == 1 ? module : moduleAt(segments.subList(0, segments.size() - 1), module, depth);
        if (container == null) {
            return;
        }
        forEachItem(container, (file, index, item) -> {
            if (item.kind() == ApiKind.ENUM && item.name().equals(segments.getLast())) {
                List<ApiItem> items = tree.outline(file).items();
                for (int child = 0; child < items.size(); child++) {
                    if (items.get(child).parent() == index && items.get(child).kind() == ApiKind.VARIANT) {
                        export(file, child);
                    }
                }
            }
        });
    }

    /** {@code pub use path::name}: the module, the items and the re-exports of that name. */
    private void reexportName(Node container, String name, int depth) {
        Node child = container.children.get(name);
        if (child != null) {
            markModule(child);
        }
        forEachItem(container, (file, index, item) -> {
            if (item.name().equals(name)) {
                export(file, index);
            }
        });
        for (Part part : container.parts) {
            for (UseDeclaration inner : tree.outline(part.file()).uses()) {
                if (inner.scope() == part.scope() && !inner.testOnly() && names(inner, name)) {
                    reexport(new UseDeclaration(inner.scope(), inner.visibility(), onlyLeaf(inner, name), false),
                            container, depth + 1);
                }
            }
        }
    }

    private boolean names(UseDeclaration use, String name) {
        return leaves(use).stream().anyMatch(leaf -> !leaf.glob() && leaf.name().equals(name));
    }

    /** The leaf of a use tree that brings in {@code name}, as a use tree of its own. */
    private String onlyLeaf(UseDeclaration use, String name) {
        return leaves(use).stream().filter(leaf -> !leaf.glob() && leaf.name().equals(name))
                .map(UseLeaf::path).findFirst().orElseThrow();
    }

    /**
     * The module a path names, seen from {@code from}: {@code crate::}, {@code self::},
     * {@code super::}, or a name in scope (a child module, or a re-export of one); in edition
     * 2015 a bare path starts at the crate root. Null for another crate's path or a path that
     * does not lead to a module of this one.
     */
    private Node moduleAt(List<String> segments, Node from, int depth) {
        Node current = from;
        int index = 0;
        switch (segments.getFirst()) {
            case "crate", "$crate" -> {
                current = tree.libraryRoot();
                index = 1;
            }
            case "self" -> index = 1;
            case "super" -> {
                while (index < segments.size() && segments.get(index).equals("super")) {
                    current = current.parent;
                    if (current == null) {
                        return null;
                    }
                    index++;
                }
            }
            default -> {
                if (childModule(current, segments.getFirst(), depth) == null && edition2015) {
                    current = tree.libraryRoot();
                }
            }
        }
        for (; index < segments.size() && current != null; index++) {
            current = childModule(current, segments.get(index), depth);
        }
        return current;
    }

    /** The module {@code name} names inside {@code node}: a child, or a re-export of a module under that name. */
    private Node childModule(Node node, String name, int depth) {
        Node child = node.children.get(name);
        if (child != null || depth > MAX_REEXPORT_DEPTH) {
            return child;
        }
        for (Part part : node.parts) {
            for (UseDeclaration use : tree.outline(part.file()).uses()) {
                if (use.scope() != part.scope()) {
                    continue;
                }
                for (UseLeaf leaf : leaves(use)) {
                    if (!leaf.glob() && leaf.name().equals(name) && !leaf.path().equals(name)) {
                        Node target = moduleAt(segments(leaf.path()), node, depth + 1);
                        if (target != null) {
                            return target;
                        }
                    }
                }
            }
        }
        return null;
    }

    private List<UseLeaf> leaves(UseDeclaration use) {
        return leavesByTree.computeIfAbsent(use.tree(), RustPaths::useLeaves);
    }

    private List<String> segments(String path) {
        return segmentsByPath.computeIfAbsent(path, key -> List.of(key.split("::")));
    }

    private void exportMacros() {
        for (String file : tree.libraryFiles()) {
            List<ApiItem> items = tree.outline(file).items();
            for (int index = 0; index < items.size(); index++) {
                ApiItem item = items.get(index);
                if (item.kind() == ApiKind.MACRO && item.visibility() == Visibility.PUBLIC && !item.testOnly()) {
                    export(file, index);
                }
            }
        }
    }

    /**
     * Fields, variants and trait items follow their exported parent; an inherent impl's public
     * items follow its self type, wherever the impl stands.
     */
    private void exportMembers() {
        for (String file : tree.libraryFiles()) {
            List<ApiItem> items = tree.outline(file).items();
            for (int index = 0; index < items.size(); index++) {
                ApiItem item = items.get(index);
                if (item.parent() < 0 || item.testOnly()) {
                    continue;
                }
                ApiItem parent = items.get(item.parent());
                boolean parentExported = parent.kind() == ApiKind.IMPL
                        ? implExported(file, item.parent()) : isExported(file, item.parent());
                boolean follows = switch (parent.kind()) {
                    case VARIANT, ENUM, TRAIT -> true;
                    default -> item.visibility() == Visibility.PUBLIC;
                };
                if (parentExported && follows) {
                    export(file, index);
                }
            }
        }
    }

    /** Whether an inherent impl's self type is an exported type of this crate. */
    private boolean implExported(String file, int implIndex) {
        ApiItem impl = tree.outline(file).items().get(implIndex);
        Node module = nodesByPart.get(new Part(file, impl.scope()));
        if (module == null) {
            return false;
        }
        List<String> segments = segments(impl.path());
        Node container = segments.size() == 1 ? module : moduleAt(segments.subList(0, segments.size() - 1), module, 0);
        List<ItemRef> candidates = new ArrayList<>();
        if (container != null) {
            typesNamed(container, impl.name(), candidates);
        }
        if (candidates.isEmpty()) {
            // The type comes in through a `use` (or a macro): any exported type of that name.
            for (Node node : tree.libraryModules()) {
                typesNamed(node, impl.name(), candidates);
            }
        }
        return !hiddenImpl(file, implIndex) && candidates.stream()
                .anyMatch(type -> isExported(type.file(), type.index()) && !hidden(type.file(), type.index()));
    }

    /** An item of a file, by its index in the file's outline. */
    private record ItemRef(String file, int index) {
    }

    private void typesNamed(Node node, String name, List<ItemRef> found) {
        forEachItem(node, (file, index, item) -> {
            if (item.kind().isType() && item.name().equals(name)) {
                found.add(new ItemRef(file, index));
            }
        });
    }

    private boolean hiddenImpl(String file, int implIndex) {
        return tree.outline(file).items().get(implIndex).docHidden();
    }

    private boolean isExported(String file, int index) {
        BitSet items = exported.get(file);
        return items != null && items.get(index);
    }

    private void export(String file, int index) {
        exported.computeIfAbsent(file, key -> new BitSet()).set(index);
    }

    private Visibility declarationVisibility(Node node) {
        ModuleDeclaration declaration = node.declaration;
        return tree.outline(node.declarationFile).items().get(declaration.item()).visibility();
    }

    /** Whether the item, something it belongs to, or a module around it is {@code #[doc(hidden)]}. */
    private boolean hidden(String file, int index) {
        FileOutline outline = tree.outline(file);
        for (int current = index; current >= 0; current = outline.items().get(current).parent()) {
            if (outline.items().get(current).docHidden()) {
                return true;
            }
        }
        Node module = nodesByPart.get(new Part(file, outline.items().get(index).scope()));
        for (Node node = module; node != null && node.declaration != null; node = node.parent) {
            boolean declaredHidden = tree.outline(node.declarationFile).items().get(node.declaration.item()).docHidden();
            boolean fileHidden = node.parts.stream().anyMatch(part -> part.scope() < 0 && tree.outline(part.file()).docHidden());
            if (declaredHidden || fileHidden) {
                return true;
            }
        }
        return false;
    }
}
