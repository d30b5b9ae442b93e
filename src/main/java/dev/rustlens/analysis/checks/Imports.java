package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.RustPaths;
import dev.rustlens.parser.SyntaxNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names that {@code use} declarations bring into scope at a place in a file, read from their text. */
final class Imports {

    /** Each imported name (or alias) and the path it stands for. */
    private final Map<String, String> names = new HashMap<>();
    /** Modules imported with {@code ::*}. */
    private final Set<String> globs = new HashSet<>();

    private Imports() {
    }

    /**
     * The imports visible at {@code node}: those of its enclosing blocks and of its module (the
     * file, or the inline module it sits in), nearest first, as Rust scopes them.
     */
    static Imports around(SyntaxNode node, FileContext file) {
        Imports imports = new Imports();
        Optional<SyntaxNode> scope = node.getParent();
        while (scope.isPresent()) {
            SyntaxNode current = scope.get();
            String type = current.getType();
            if (type.equals("block") || type.equals("declaration_list") || type.equals("source_file")) {
                for (SyntaxNode child : current.getNamedChildren()) {
                    if (child.getType().equals("use_declaration")) {
                        child.getChildByFieldName("argument").ifPresent(tree -> imports.add(RustPaths.normaliseUseTree(file.text(tree))));
                    }
                }
            }
            boolean moduleBody = type.equals("declaration_list")
                    && current.getParent().map(parent -> parent.getType().equals("mod_item")).orElse(false);
            if (moduleBody) {
                break; // a module does not see the imports of the module around it
            }
            scope = current.getParent();
        }
        return imports;
    }

    /** Whether {@code name} here stands for {@code path}: imported as it, or through a glob of its module. */
    boolean means(String name, String path) {
        String imported = names.get(name);
        if (imported != null) {
            return imported.equals(path);
        }
        int last = path.lastIndexOf("::");
        return last > 0 && path.substring(last + 2).equals(name) && globs.contains(path.substring(0, last));
    }

    /** One use tree, such as {@code std::{fs::{self, File}, io::Read as _}}. */
    private void add(String tree) {
        for (RustPaths.UseLeaf leaf : RustPaths.useLeaves(tree)) {
            if (leaf.glob()) {
                globs.add(leaf.path());
            } else {
                // Nearer scopes are read first and shadow the outer ones.
                names.putIfAbsent(leaf.name(), leaf.path());
            }
        }
    }
}
