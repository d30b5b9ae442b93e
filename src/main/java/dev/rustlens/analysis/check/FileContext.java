package dev.rustlens.analysis.check;

import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.source.CommentScanner;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.MacroInputs;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What a file check sees of the file being analysed, and where it reports. */
public final class FileContext {

    private static final Set<String> TRIVIA = Set.of("attribute_item", "line_comment", "block_comment");
    private static final LeadingTrivia NO_TRIVIA = new LeadingTrivia(List.of(), List.of());
    /** A finding's context line is cut here: it is stored with every finding and makes its fingerprint. */
    private static final int MAX_CONTEXT = 400;
    private static final int MAX_MESSAGE = 1000;

    private final SourceText source;
    private final String path;
    private final RegionSet testRegions;
    private final Set<String> outerAttributePaths;
    private final List<Finding> findings = new ArrayList<>();
    /** Several checks ask for the same item's trivia: compute it once per item. */
    private final Map<Long, LeadingTrivia> triviaByNode = new HashMap<>();
    private final Map<Long, Siblings> siblingsByParent = new HashMap<>();
    private final Map<String, Boolean> mentions = new HashMap<>();
    private Function<SyntaxNode, Optional<ApiItem>> outlineItems = node -> Optional.empty();
    private Function<SyntaxNode, Optional<MacroInputs.Region>> macroRegions = node -> Optional.empty();
    private List<CommentScanner.Span> comments = List.of();
    private int[] commentStarts = new int[0];

    /**
     * @param outerAttributePaths the paths of the file's outer attributes ({@code no_mangle},
     *     {@code derive}), wherever they stand
     */
    public FileContext(SourceText source, String path, RegionSet testRegions, Set<String> outerAttributePaths) {
        this.source = source;
        this.path = path;
        this.testRegions = testRegions;
        this.outerAttributePaths = outerAttributePaths;
    }

    /** Lets checks look items up in the file's outline, once it is read. */
    public void useOutline(Function<SyntaxNode, Optional<ApiItem>> items) {
        this.outlineItems = items;
    }

    /**
     * The file's outline entry for the item that starts at {@code node}: empty for an item
     * that cannot be part of the crate's API (in a function body, in a trait impl).
     */
    public Optional<ApiItem> apiItem(SyntaxNode node) {
        return outlineItems.apply(node);
    }

    /** Lets checks cross from a macro input read as code to the invocation it came from. */
    public void useMacroInputs(Function<SyntaxNode, Optional<MacroInputs.Region>> regions) {
        this.macroRegions = regions;
    }

    /** Lets checks find the file's comments by offset. */
    public void useComments(List<CommentScanner.Span> spans) {
        this.comments = List.copyOf(spans);
        this.commentStarts = new int[comments.size()];
        for (int i = 0; i < commentStarts.length; i++) {
            commentStarts[i] = comments.get(i).start();
        }
    }

    /** The comment that holds a char offset, if any. */
    public Optional<CommentScanner.Span> commentAt(int offset) {
        int index = Arrays.binarySearch(commentStarts, offset);
        int candidate = index >= 0 ? index : -index - 2;
        return candidate >= 0 && offset < comments.get(candidate).end()
                ? Optional.of(comments.get(candidate)) : Optional.empty();
    }

    /** The comments that start between two char offsets, in order. */
    public List<CommentScanner.Span> commentsStartingIn(int start, int end) {
        int from = Arrays.binarySearch(commentStarts, start);
        from = from >= 0 ? from : -from - 1;
        int to = Arrays.binarySearch(commentStarts, end);
        to = to >= 0 ? to : -to - 1;
        return comments.subList(from, Math.max(from, to));
    }

    /**
     * The node's parent as rustc sees the code: inside a macro input read as code, the node
     * around the input is the macro invocation in the file, not the statement the input was
     * wrapped in to be parsed.
     */
    public Optional<SyntaxNode> logicalParent(SyntaxNode node) {
        Optional<SyntaxNode> parent = node.getParent();
        Optional<MacroInputs.Region> region = macroRegions.apply(node);
        if (region.isPresent() && (parent.isEmpty() || start(parent.get()) < region.get().start()
                || end(parent.get()) > region.get().end())) {
            return Optional.of(region.get().invocation());
        }
        return parent;
    }

    public SourceText source() {
        return source;
    }

    public String path() {
        return path;
    }

    /** Char offset where a node starts (the tree is parsed as UTF-16, two bytes a char). */
    public static int start(SyntaxNode node) {
        return node.getStartByte() >>> 1;
    }

    /** Char offset where a node ends. */
    public static int end(SyntaxNode node) {
        return node.getEndByte() >>> 1;
    }

    /** The source text of a node, sliced from the text already in memory. */
    public String text(SyntaxNode node) {
        return source.slice(start(node), end(node));
    }

    /** Whether the offset is in a {@code #[cfg(test)]} item or a test fn. */
    public boolean inTestCode(int offset) {
        return testRegions.contains(offset);
    }

    /**
     * The attributes and comments directly before {@code item}, nearest last. A comment that
     * trails code on the line above (e.g. {@code let a = 1; // note}) belongs to that code, not here.
     */
    public LeadingTrivia leadingTrivia(SyntaxNode item) {
        LeadingTrivia trivia = triviaByNode.get(item.getId());
        if (trivia == null) {
            Siblings siblings = siblingsOf(item);
            int index = siblings.indexOf(item);
            trivia = index < 0 ? NO_TRIVIA : triviaBefore(siblings.nodes(), index);
            triviaByNode.put(item.getId(), trivia);
        }
        return trivia;
    }

    /** The named children of one parent, with their start bytes in order, to find one by binary search. */
    private record Siblings(List<SyntaxNode> nodes, int[] startBytes) {

        static Siblings of(List<SyntaxNode> nodes) {
            int[] startBytes = new int[nodes.size()];
            for (int i = 0; i < startBytes.length; i++) {
                startBytes[i] = nodes.get(i).getStartByte();
            }
            return new Siblings(nodes, startBytes);
        }

        /** The index of {@code node} among the siblings, or -1. */
        int indexOf(SyntaxNode node) {
            int at = Arrays.binarySearch(startBytes, node.getStartByte());
            if (at < 0) {
                return -1;
            }
            // Zero-width siblings (a MISSING token) can share a start: look at each.
            while (at > 0 && startBytes[at - 1] == startBytes[at]) {
                at--;
            }
            for (int i = at; i < startBytes.length && startBytes[i] == node.getStartByte(); i++) {
                if (nodes.get(i).getId() == node.getId()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The item's named siblings, listed once per parent: walking back with
     * {@code getPrevNamedSibling} costs tree-sitter a walk from the first child every step,
     * quadratic in a long module.
     */
    private Siblings siblingsOf(SyntaxNode item) {
        Optional<SyntaxNode> parent = item.getParent();
        long parentId = parent.map(SyntaxNode::getId).orElse(item.getId());
        return siblingsByParent.computeIfAbsent(parentId, id -> {
            return Siblings.of(parent.map(SyntaxNode::getNamedChildren).orElse(List.of(item)));
        });
    }

    /** Where an item or statement starts with the outer attributes written on it (comments may stand between). */
    public int startWithAttributes(SyntaxNode item) {
        Siblings siblings = siblingsOf(item);
        int start = start(item);
        for (int i = siblings.indexOf(item) - 1; i >= 0 && TRIVIA.contains(siblings.nodes().get(i).getType()); i--) {
            if (siblings.nodes().get(i).getType().equals("attribute_item")) {
                start = start(siblings.nodes().get(i));
            }
        }
        return start;
    }

    /** Whether an outer attribute with this path stands anywhere in the file: a cheap test before costlier ones. */
    public boolean hasOuterAttribute(String attributePath) {
        return outerAttributePaths.contains(attributePath);
    }

    /** Whether the file's text contains {@code word} anywhere: a cheap test before costlier ones. */
    public boolean mentions(String word) {
        return mentions.computeIfAbsent(word, key -> source.text().contains(key));
    }

    private LeadingTrivia triviaBefore(List<SyntaxNode> siblings, int index) {
        if (index == 0 || !TRIVIA.contains(siblings.get(index - 1).getType())) {
            return NO_TRIVIA; // most items: nothing to read, nothing to allocate
        }
        List<String> attributes = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (int i = index - 1; i >= 0 && TRIVIA.contains(siblings.get(i).getType()); i--) {
            SyntaxNode node = siblings.get(i);
            if (node.getType().equals("attribute_item")) {
                attributes.addFirst(text(node));
            } else {
                int line = source.line(start(node));
                SyntaxNode before = i > 0 ? siblings.get(i - 1) : null;
                boolean trailing = before != null && !TRIVIA.contains(before.getType())
                        && source.line(end(before) - 1) == line;
                if (trailing) {
                    break;
                }
                comments.addFirst(new Comment(text(node), start(node), line, source.line(Math.max(start(node), end(node) - 1))));
            }
        }
        return new LeadingTrivia(attributes, comments);
    }

    /** The nearest ancestor of one of the given kinds. */
    public static Optional<SyntaxNode> ancestor(SyntaxNode node, Set<String> kinds) {
        Optional<SyntaxNode> current = node.getParent();
        while (current.isPresent() && !kinds.contains(current.get().getType())) {
            current = current.get().getParent();
        }
        return current;
    }

    /** Reports a finding of {@code check} on {@code node}. */
    public void report(Check check, SyntaxNode node, String message) {
        report(check, start(node), Math.max(start(node), end(node)), message);
    }

    /** Reports a finding of {@code check} over a char range. */
    public void report(Check check, int start, int end, String message) {
        int line = source.line(start);
        int endOffset = Math.max(start, end);
        String context = normalisedLine(line);
        findings.add(new Finding(check.id(), check.info().severity(), path, line, source.column(start),
                source.line(endOffset), source.column(endOffset), PrintableText.of(message, MAX_MESSAGE), inTestCode(start),
                Suppression.NONE, context));
    }

    /**
     * A line of the source without leading and trailing blanks, inner runs of blanks as one space,
     * cut from the text once (every finding keeps one).
     */
    private String normalisedLine(int lineNumber) {
        String text = source.text();
        int first = source.lineStart(lineNumber);
        int last = source.lineEnd(lineNumber);
        while (first < last && SourceText.isWhitespace(text.charAt(first))) {
            first++;
        }
        while (last > first && SourceText.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        // A generated file's line can be megabytes long: the context keeps its start.
        last = Math.min(last, first + MAX_CONTEXT);
        // Most lines only need their indentation cut: inner blanks are single spaces already.
        boolean afterSpace = false;
        for (int i = first; i < last; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ';
            if ((space && afterSpace) || (!space && SourceText.isWhitespace(c)) || PrintableText.invisible(c)) {
                return PrintableText.of(collapseBlanks(text, first, last), MAX_CONTEXT);
            }
            afterSpace = space;
        }
        return text.substring(first, last);
    }

    private static String collapseBlanks(String text, int first, int last) {
        StringBuilder out = new StringBuilder(last - first);
        boolean blank = false;
        for (int i = first; i < last; i++) {
            char c = text.charAt(i);
            if (SourceText.isWhitespace(c)) {
                blank = true;
            } else {
                if (blank) {
                    out.append(' ');
                    blank = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Keeps, of the findings of {@code checkId}, only those not inside another one, and at most
     * {@code limit} of them (a file of random bytes has thousands of syntax errors, nested and
     * side by side, that say one thing: this is not Rust).
     */
    public void keepOutermost(String checkId, int limit) {
        List<Finding> own = new ArrayList<>();
        findings.removeIf(finding -> finding.checkId().equals(checkId) && own.add(finding));
        own.sort(Comparator.comparingLong(FileContext::startOf)
                .thenComparing(Comparator.comparingLong(FileContext::endOf).reversed()));
        long keptStart = -1;
        long keptEnd = -1;
        int kept = 0;
        for (Finding finding : own) {
            // Sorted by start, the longest first: one starting where a kept one starts, or
            // before a kept one ends, lies inside it.
            boolean inside = startOf(finding) == keptStart || startOf(finding) < keptEnd;
            if (inside || kept == limit) {
                continue;
            }
            findings.add(finding);
            kept++;
            keptStart = startOf(finding);
            keptEnd = Math.max(keptEnd, endOf(finding));
        }
    }

    private static long startOf(Finding finding) {
        return (long) finding.line() << 32 | finding.column();
    }

    private static long endOf(Finding finding) {
        return (long) finding.endLine() << 32 | finding.endColumn();
    }

    /** What was reported so far. */
    public List<Finding> findings() {
        return findings;
    }
}
