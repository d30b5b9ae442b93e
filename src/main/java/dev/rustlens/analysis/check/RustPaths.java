package dev.rustlens.analysis.check;

import java.util.ArrayList;
import java.util.List;

/** Paths and use trees as written in Rust source, reduced to the form the analysis compares. */
public final class RustPaths {

    private RustPaths() {
    }

    /**
     * The path without generic arguments and blanks: {@code Box::<u8>::leak} is {@code Box::leak},
     * {@code super::Raw<'a, T>} is {@code super::Raw}.
     */
    public static String withoutGenerics(String path) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                plain.append(c);
            }
        }
        return plain.toString().replace("::::", "::");
    }

    /**
     * A use tree with single blanks only around {@code as}, and without a leading {@code ::}:
     * {@code std :: { fs, io :: Read as R }} is {@code std::{fs,io::Read as R}}.
     */
    public static String normaliseUseTree(String tree) {
        String text = tree.strip().replaceAll("\\s+", " ").replaceAll(" ?(::|[{},]) ?", "$1");
        return text.startsWith("::") ? text.substring(2) : text;
    }

    /**
     * One name a use tree brings in: {@code std::{fs::{self, File}, io::Read as R}} has the
     * leaves {@code std::fs}, {@code std::fs::File} and {@code std::io::Read} as {@code R}.
     *
     * @param path the full path it names ({@code std::fs}); for a glob the module globbed
     * @param name the name it is known by here (its last segment, or its alias); empty for a glob
     * @param glob whether it is {@code path::*}
     */
    public record UseLeaf(String path, String name, boolean glob) {
    }

    /** The leaves of a use tree normalised by {@link #normaliseUseTree}. */
    public static List<UseLeaf> useLeaves(String tree) {
        List<UseLeaf> leaves = new ArrayList<>();
        addLeaves("", tree, leaves);
        return leaves;
    }

    private static void addLeaves(String prefix, String tree, List<UseLeaf> leaves) {
        int brace = tree.indexOf('{');
        if (brace >= 0 && tree.endsWith("}")) {
            String head = prefix + tree.substring(0, brace);
            for (String part : splitTopLevel(tree.substring(brace + 1, tree.length() - 1))) {
                addLeaves(head, part, leaves);
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
            leaves.add(new UseLeaf(path.substring(0, path.length() - "::*".length()), "", true));
            return;
        }
        if (path.endsWith("::self")) {
            path = path.substring(0, path.length() - "::self".length());
        }
        leaves.add(new UseLeaf(path, alias != null ? alias : path.substring(path.lastIndexOf(':') + 1), false));
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
