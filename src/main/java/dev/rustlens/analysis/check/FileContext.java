package dev.rustlens.analysis.check;

import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a file check sees of the file being analysed, and where it reports. */
public final class FileContext {

    private static final Set<String> TRIVIA = Set.of("attribute_item", "line_comment", "block_comment");
    private static final LeadingTrivia NO_TRIVIA = new LeadingTrivia(List.of(), List.of());

    private final SourceText source;
    private final String path;
    private final RegionSet testRegions;
    private final List<Finding> findings = new ArrayList<>();
    /** Several checks ask for the same item's trivia: compute it once per item. */
    private final Map<Long, LeadingTrivia> triviaByNode = new HashMap<>();
    private final Map<Long, Siblings> siblingsByParent = new HashMap<>();
    private final Map<String, Boolean> mentions = new HashMap<>();

    public FileContext(SourceText source, String path, RegionSet testRegions) {
        this.source = source;
        this.path = path;
        this.testRegions = testRegions;
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
            Integer index = siblings.indexById().get(item.getId());
            trivia = index == null ? NO_TRIVIA : triviaBefore(siblings.nodes(), index);
            triviaByNode.put(item.getId(), trivia);
        }
        return trivia;
    }

    /** The named children of one parent, and where each one is among them. */
    private record Siblings(List<SyntaxNode> nodes, Map<Long, Integer> indexById) {
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
            List<SyntaxNode> nodes = parent.map(SyntaxNode::getNamedChildren).orElse(List.of(item));
            Map<Long, Integer> indexById = new HashMap<>(nodes.size() * 2);
            for (int i = 0; i < nodes.size(); i++) {
                indexById.put(nodes.get(i).getId(), i);
            }
            return new Siblings(nodes, indexById);
        });
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
        String context = normaliseWhitespace(source.lineText(line));
        findings.add(new Finding(check.id(), check.info().severity(), path, line, source.column(start),
                source.line(endOffset), source.column(endOffset), message, inTestCode(start),
                Suppression.NONE, context));
    }

    /** The line without leading and trailing blanks, inner runs of blanks as one space. */
    private static String normaliseWhitespace(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean blank = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                blank = out.length() > 0;
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

    /** What was reported so far. */
    public List<Finding> findings() {
        return findings;
    }
}
