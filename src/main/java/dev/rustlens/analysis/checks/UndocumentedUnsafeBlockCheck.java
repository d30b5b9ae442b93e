package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.Optional;
import java.util.Set;

/** Unsafe blocks without a {@code // SAFETY:} comment saying why they are sound. */
public final class UndocumentedUnsafeBlockCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("undocumented_unsafe_block",
            "Unsafe block without a `// SAFETY:` comment", Category.UNSAFE, Severity.CRITICAL)
            .suppressedBy("clippy::undocumented_unsafe_blocks");

    /** Nodes whose children are statements or items. */
    private static final Set<String> CONTAINERS = Set.of("block", "declaration_list", "source_file");
    private static final Set<String> COMMENTS = Set.of("line_comment", "block_comment");
    private static final Set<String> TRIVIA = Set.of("line_comment", "block_comment", "attribute_item");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode block : match.findNodes(Captures.FINDING)) {
            // An unsafe block inside another is covered by the outer one's justification.
            boolean nested = FileContext.ancestor(block, Set.of("unsafe_block")).isPresent();
            if (!nested && !commentedAtKeyword(block, file) && !commentedAboveStatement(block, file)) {
                file.report(this, block, "unsafe block without a `// SAFETY:` comment saying why it is sound");
            }
        }
    }

    /**
     * Clippy's rule, by lines: a comment earlier on the {@code unsafe} keyword's line, or the run
     * of comment lines directly above it (blank lines skipped).
     */
    private static boolean commentedAtKeyword(SyntaxNode block, FileContext file) {
        SourceText source = file.source();
        SyntaxNode root = block.getTree().getRootNode();
        int keyword = FileContext.start(block);
        int line = source.line(keyword);
        int at = firstNonBlank(source, line);
        while (at >= 0 && at < keyword) {
            Optional<SyntaxNode> comment = commentAt(root, at);
            if (comment.isPresent() && SafetyComments.justifies(file.text(comment.get()))) {
                return true;
            }
            at = source.text().indexOf("/*", at + 1);
        }
        for (int above = line - 1; above >= 1; above--) {
            int first = firstNonBlank(source, above);
            if (first < 0) {
                continue;
            }
            Optional<SyntaxNode> comment = commentAt(root, first);
            if (comment.isEmpty()) {
                return false;
            }
            if (SafetyComments.justifies(file.text(comment.get()))) {
                return true;
            }
            above = source.line(FileContext.start(comment.get()));
        }
        return false;
    }

    /**
     * The rule clippy misses: a comment above the statement or item that holds the block, with
     * attributes or other comments in between, however deep in the statement the block sits.
     * A closure's or nested block's first statement is covered by the comment above the
     * statement around it; a function body is not covered by a comment above the function.
     */
    private static boolean commentedAboveStatement(SyntaxNode block, FileContext file) {
        SyntaxNode statement = statementOf(block);
        while (true) {
            if (SafetyComments.justify(file.leadingTrivia(statement))) {
                return true;
            }
            Optional<SyntaxNode> container = statement.getParent();
            boolean expressionBlock = container.isPresent() && container.get().getType().equals("block")
                    && container.get().getParent().filter(p -> !p.getType().equals("function_item")).isPresent();
            if (!expressionBlock || !statement.equals(firstStatement(container.get()))) {
                return false;
            }
            statement = statementOf(container.get());
        }
    }

    private static SyntaxNode statementOf(SyntaxNode node) {
        SyntaxNode current = node;
        Optional<SyntaxNode> parent = current.getParent();
        while (parent.isPresent() && !CONTAINERS.contains(parent.get().getType())) {
            current = parent.get();
            parent = current.getParent();
        }
        return current;
    }

    private static SyntaxNode firstStatement(SyntaxNode block) {
        return block.getNamedChildren().stream().filter(child -> !TRIVIA.contains(child.getType()))
                .findFirst().orElse(null);
    }

    /** The comment covering a char offset, if any. */
    private static Optional<SyntaxNode> commentAt(SyntaxNode root, int offset) {
        Optional<SyntaxNode> node = root.getDescendant(offset * 2, offset * 2 + 2);
        // The smallest node there may be a comment's marker or doc text, one or two levels down.
        for (int level = 0; level < 3 && node.isPresent(); level++) {
            if (COMMENTS.contains(node.get().getType())) {
                return node;
            }
            node = node.get().getParent();
        }
        return Optional.empty();
    }

    private static int firstNonBlank(SourceText source, int line) {
        String text = source.text();
        for (int at = source.lineStart(line); at < source.lineEnd(line); at++) {
            if (!Character.isWhitespace(text.charAt(at))) {
                return at;
            }
        }
        return -1;
    }
}
