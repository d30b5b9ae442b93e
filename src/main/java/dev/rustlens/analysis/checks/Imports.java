package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
                        child.getChildByFieldName("argument").ifPresent(tree -> imports.add("", normalise(file.text(tree))));
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

    /** One use tree, such as {@code std::{fs::{self, File}, io::Read as _}}, under a path prefix. */
    private void add(String prefix, String tree) {
        int brace = tree.indexOf('{');
        if (brace >= 0 && tree.endsWith("}")) {
            String head = prefix + tree.substring(0, brace);
            for (String part : splitTopLevel(tree.substring(brace + 1, tree.length() - 1))) {
                add(head, part);
            }
            return;
        }
        String path = prefix + tree;
        String alias = null;
        int as = path.indexOf(" as ");
        if (as >= 0) {
            alias = path.substring(as + " as ".length());
            path = path.substring(0, as);
        }
        if (path.endsWith("::*")) {
            globs.add(path.substring(0, path.length() - "::*".length()));
            return;
        }
        if (path.endsWith("::self")) {
            path = path.substring(0, path.length() - "::self".length());
        }
        String name = alias != null ? alias : path.substring(path.lastIndexOf(':') + 1);
        // Nearer scopes are read first and shadow the outer ones.
        names.putIfAbsent(name, path);
    }

    /** The use tree with single spaces only around {@code as}, and without a leading {@code ::}. */
    private static String normalise(String tree) {
        String text = tree.strip().replaceAll("\\s+", " ").replaceAll(" ?(::|[{},]) ?", "$1");
        return text.startsWith("::") ? text.substring(2) : text;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        parts.removeIf(String::isBlank);
        return parts;
    }
}
