package dev.rustlens.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the input of macro invocations as Rust code. To the parser, {@code assert!(x.unwrap())},
 * {@code vec![unsafe { .. }]} or {@code cfg_if! { .. mod imp; .. }} hold only tokens; rustc expands
 * them and then checks the code they hold. Here the inputs of many invocations are parsed at
 * once: a second text of the file's length is blank except for each input, left where it
 * stands, and a few chars around it that make it a statement of one function:
 * {@code fn _(){} .. _(args); .. [elements]; .. {statements} .. }. Every node of the second
 * tree inside an input therefore has its offsets in the file, and an input that does not parse
 * as Rust (a DSL, a pattern, JSON) is left to the token-level reading.
 */
public final class MacroInputs {

    /** The function that holds every input; nothing may be read before its body opens. */
    private static final String WRAPPER_START = "fn _(){";

    /** How an input is made a statement. */
    enum Shape {
        /** {@code m!(a, b)}: the arguments of a call {@code _(a, b);}. */
        ARGUMENTS,
        /** {@code m![a; n]}: an array {@code [a; n];}. */
        ELEMENTS,
        /** {@code m!{ .. }}, or parentheses around statements: a block {@code { .. }}. */
        STATEMENTS
    }

    /**
     * One invocation's input read as code.
     *
     * @param start char offset where the input starts (after its opening delimiter)
     * @param end char offset where it ends (before its closing delimiter)
     * @param invocation the {@code macro_invocation} node, in the tree it was found in
     */
    public record Region(int start, int end, SyntaxNode invocation) {

        /** Whether a char offset lies in the input. */
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /**
     * The second tree and the inputs that parsed in it. Closing it deletes the tree.
     *
     * @param tree the tree of the second text
     * @param regions the inputs that parsed without a syntax error, in file order
     */
    public record Reading(SyntaxTree tree, List<Region> regions) implements AutoCloseable {

        /** The input that holds a char offset, if any. */
        public Optional<Region> regionAt(int offset) {
            for (Region region : regions) {
                if (region.contains(offset)) {
                    return Optional.of(region);
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            tree.close();
        }
    }

    private MacroInputs() {
    }

    /**
     * Parses the inputs of {@code invocations} (nodes of one tree of {@code text}, none inside
     * another's input), or empty when none could be placed or the budget ran out.
     */
    public static Optional<Reading> read(RustParser parser, String text, List<SyntaxNode> invocations,
            ParseBudget budget) {
        return read(parser, text, invocations, budget, false);
    }

    /**
     * Parses the inputs again in their other shape: braces as arguments ({@code atomic! { T, a,
     * { .. } }}), parentheses as statements or arguments, whichever was not tried.
     */
    public static Optional<Reading> readOtherwise(RustParser parser, String text, List<SyntaxNode> invocations,
            ParseBudget budget) {
        return read(parser, text, invocations, budget, true);
    }

    private static Optional<Reading> read(RustParser parser, String text, List<SyntaxNode> invocations,
            ParseBudget budget, boolean otherShape) {
        char[] second = new char[text.length() + 2];
        Arrays.fill(second, ' ');
        WRAPPER_START.getChars(0, WRAPPER_START.length(), second, 0);
        List<Region> placed = new ArrayList<>();
        List<int[]> wrappers = new ArrayList<>();
        for (SyntaxNode invocation : invocations) {
            Optional<SyntaxNode> arguments = tokenTree(invocation);
            if (arguments.isEmpty()) {
                continue;
            }
            int open = arguments.get().getStartByte() >>> 1;
            int close = (arguments.get().getEndByte() >>> 1) - 1;
            // The char before the opening delimiter (the `!`, or a blank after it) takes `_` for a call.
            if (open - 1 < WRAPPER_START.length() || close <= open) {
                continue;
            }
            Shape shape = otherShape ? otherShapeOf(text, open, close) : shapeOf(text, open, close);
            if (shape == null) {
                continue;
            }
            text.getChars(open, close + 1, second, open);
            switch (shape) {
                case ARGUMENTS -> {
                    second[open - 1] = '_';
                    second[open] = '(';
                    second[close] = ')';
                    second[close + 1] = ';';
                }
                case ELEMENTS -> second[close + 1] = ';';
                case STATEMENTS -> {
                    second[open] = '{';
                    second[close] = '}';
                    if (isCfgIf(invocation, text)) {
                        blankConditions(arguments.get(), second);
                    }
                }
            }
            placed.add(new Region(open + 1, close, invocation));
            wrappers.add(new int[] {shape == Shape.ARGUMENTS ? open - 1 : open, close + 2});
        }
        if (placed.isEmpty()) {
            return Optional.empty();
        }
        second[second.length - 1] = '}';
        Optional<SyntaxTree> parsed = parser.parse(new String(second), parsedParts(wrappers, second.length), budget);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SyntaxNode root = parsed.get().getRootNode();
        List<Region> clean = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            if (!hasErrorWithin(root, wrappers.get(i)[0], wrappers.get(i)[1])) {
                clean.add(placed.get(i));
            }
        }
        return Optional.of(new Reading(parsed.get(), List.copyOf(clean)));
    }

    /**
     * The char ranges of the second text that hold anything but blanks: the wrapper's start, each
     * input with the chars around it, and the closing brace. Only these are parsed: the blanks
     * between them (most of the text, since it is the file's length) cost tree-sitter's lexer
     * as much as code, 2 s of a cold corpus scan, and make no node.
     */
    private static int[] parsedParts(List<int[]> wrappers, int length) {
        List<int[]> parts = new ArrayList<>(wrappers.size() + 2);
        parts.add(new int[] {0, WRAPPER_START.length()});
        parts.addAll(wrappers);
        parts.add(new int[] {length - 1, length});
        parts.sort(Comparator.comparingInt(part -> part[0]));
        int[] merged = new int[2 * parts.size()];
        int count = 0;
        for (int[] part : parts) {
            if (count > 0 && part[0] <= merged[count - 1]) {
                merged[count - 1] = Math.max(merged[count - 1], part[1]);
            } else {
                merged[count++] = part[0];
                merged[count++] = part[1];
            }
        }
        return Arrays.copyOf(merged, count);
    }

    /** The token tree that holds an invocation's input. */
    private static Optional<SyntaxNode> tokenTree(SyntaxNode invocation) {
        for (SyntaxNode child : invocation.getNamedChildren()) {
            if (child.getType().equals("token_tree")) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /**
     * Braces hold statements; brackets hold elements (a list or {@code x; n}); parentheses hold
     * arguments, unless a {@code ;} at their top level shows statements ({@code thread_local!(..;)}).
     */
    static Shape shapeOf(String text, int open, int close) {
        return switch (text.charAt(open)) {
            case '{' -> Shape.STATEMENTS;
            case '[' -> Shape.ELEMENTS;
            default -> topLevelSemicolon(text, open + 1, close) ? Shape.STATEMENTS : Shape.ARGUMENTS;
        };
    }

    /**
     * The shape not tried first; none for brackets, which hold elements either way, and none for
     * statements without a {@code ,} at their top level: as arguments they would be one
     * expression, which the block they did not parse as holds as well. (Over the corpus, the
     * inputs read a second time were 1.28 million chars, of error recovery mostly, for 18 that
     * parsed; each of those read as arguments had a top-level comma.)
     */
    static Shape otherShapeOf(String text, int open, int close) {
        return switch (shapeOf(text, open, close)) {
            case STATEMENTS -> topLevel(text, open + 1, close, ',') ? Shape.ARGUMENTS : null;
            case ARGUMENTS -> Shape.STATEMENTS;
            case ELEMENTS -> null;
        };
    }

    private static boolean topLevelSemicolon(String text, int start, int end) {
        return topLevel(text, start, end, ';');
    }

    /** Whether {@code wanted} stands between the offsets outside brackets and string literals. */
    private static boolean topLevel(String text, int start, int end, char wanted) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '"' -> i = skipString(text, i, end);
                default -> {
                    if (c == wanted && depth == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int skipString(String text, int quote, int end) {
        int i = quote + 1;
        while (i < end && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static boolean isCfgIf(SyntaxNode invocation, String text) {
        return invocation.getChildByFieldName("macro")
                .map(name -> text.substring(name.getStartByte() >>> 1, name.getEndByte() >>> 1).replaceAll("\\s+", ""))
                .filter(name -> name.equals("cfg_if") || name.endsWith("::cfg_if")).isPresent();
    }

    /**
     * {@code cfg_if! { if #[cfg(a)] { .. } else if #[cfg(b)] { .. } else { .. } }}: the
     * conditions are blanked, leaving one block per branch, all of which hold code.
     */
    private static void blankConditions(SyntaxNode arguments, char[] second) {
        List<SyntaxNode> children = arguments.getChildren();
        for (int i = 1; i < children.size() - 1; i++) {
            SyntaxNode child = children.get(i);
            int start = child.getStartByte() >>> 1;
            boolean body = child.getType().equals("token_tree") && second[start] == '{';
            if (!body) {
                Arrays.fill(second, start, child.getEndByte() >>> 1, ' ');
            }
        }
    }

    /** Whether a node of the second tree between these offsets is or holds a syntax error. */
    private static boolean hasErrorWithin(SyntaxNode root, int start, int end) {
        Optional<SyntaxNode> node = root.getDescendant(start * 2, Math.max(start, end - 1) * 2);
        // Climb to the largest node that stays inside the wrapper: the statement it made.
        while (node.isPresent()) {
            Optional<SyntaxNode> parent = node.get().getParent();
            if (parent.isEmpty() || (parent.get().getStartByte() >>> 1) < start || (parent.get().getEndByte() >>> 1) > end) {
                break;
            }
            node = parent;
        }
        return node.isEmpty() || node.get().hasError() || node.get().getType().equals("ERROR");
    }
}
