package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.analysis.source.CommentScanner;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code // SAFETY:} comments that justify unsafe code, read as clippy's
 * {@code undocumented_unsafe_blocks} reads them: a run of line comments, or a block comment, on
 * the lines right above (blank lines skipped), or the first thing inside an unsafe block.
 */
final class SafetyComments {

    /** Where a function's, closure's or constant's code starts: comments above it are not its code's. */
    private static final Set<String> BODIES = Set.of("function_item", "closure_expression", "const_item",
            "static_item", "macro_definition");

    private SafetyComments() {
    }

    /** Whether a comment's text holds a justification; case-insensitive, as clippy's own check. */
    static boolean justifies(String comment) {
        return comment.toUpperCase(Locale.ROOT).contains("SAFETY:");
    }

    /** Whether a comment directly above an item (attributes may stand between) justifies it. */
    static boolean justify(LeadingTrivia trivia) {
        return trivia.comments().stream().anyMatch(comment -> justifies(comment.text()));
    }

    /**
     * Whether a justification stands on the lines above {@code line} and below {@code boundLine}:
     * the nearest non-blank line starts a run of {@code //} lines one of which says
     * {@code SAFETY:}, or ends a block comment, starting a line, that says it.
     */
    static boolean above(FileContext file, int line, int boundLine) {
        SourceText source = file.source();
        int current = line - 1;
        while (current > boundLine && firstNonBlank(source, current) < 0) {
            current--;
        }
        if (current <= boundLine) {
            return false;
        }
        int first = firstNonBlank(source, current);
        if (source.text().startsWith("//", first)) {
            for (; current > boundLine; current--) {
                int start = firstNonBlank(source, current);
                if (start < 0) {
                    continue;
                }
                if (!source.text().startsWith("//", start)) {
                    return false;
                }
                if (justifies(source.lineText(current))) {
                    return true;
                }
            }
            return false;
        }
        Optional<CommentScanner.Span> block = file.commentAt(lastNonBlank(source, current));
        return block.isPresent() && source.text().startsWith("/*", block.get().start())
                && source.line(block.get().start()) > boundLine
                && firstNonBlank(source, source.line(block.get().start())) == block.get().start()
                && justifies(source.slice(block.get().start(), block.get().end()));
    }

    /** Whether a comment earlier on the line justifies what starts at {@code offset}: {@code /* SAFETY: .. *}{@code / unsafe {..}}. */
    static boolean beforeOnLine(FileContext file, int offset) {
        SourceText source = file.source();
        return file.commentsStartingIn(source.lineStart(source.line(offset)), offset).stream()
                .anyMatch(comment -> comment.end() <= offset && justifies(source.slice(comment.start(), comment.end())));
    }

    /** Whether the comments that open an unsafe block (before its first code) justify it. */
    static boolean inside(FileContext file, SyntaxNode block) {
        String text = file.source().text();
        int at = text.indexOf('{', FileContext.start(block));
        if (at < 0 || at >= FileContext.end(block)) {
            return false;
        }
        at++;
        while (at < FileContext.end(block)) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
                continue;
            }
            Optional<CommentScanner.Span> comment = file.commentAt(at);
            if (comment.isEmpty()) {
                return false;
            }
            if (justifies(text.substring(comment.get().start(), comment.get().end()))) {
                return true;
            }
            at = comment.get().end();
        }
        return false;
    }

    /**
     * The line where the code around a node starts, as clippy bounds its search: the first line
     * of the enclosing function's body, closure, constant or {@code macro_rules!}; 0 at the top
     * of the file. A comment on that line or above it is not about code inside.
     */
    static int bodyStartLine(FileContext file, SyntaxNode node) {
        Optional<SyntaxNode> current = file.logicalParent(node);
        while (current.isPresent()) {
            SyntaxNode ancestor = current.get();
            // A closure whose body is an expression, not a block, is read as part of the code around it.
            boolean expressionClosure = ancestor.getType().equals("closure_expression")
                    && ancestor.getChildByFieldName("body").filter(body -> body.getType().equals("block")).isEmpty();
            if (BODIES.contains(ancestor.getType()) && !expressionClosure) {
                String field = switch (ancestor.getType()) {
                    case "function_item", "closure_expression" -> "body";
                    case "macro_definition" -> "name";
                    default -> "value";
                };
                SyntaxNode body = ancestor.getChildByFieldName(field).orElse(ancestor);
                return file.source().line(FileContext.start(body));
            }
            current = file.logicalParent(ancestor);
        }
        return 0;
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

    private static int lastNonBlank(SourceText source, int line) {
        String text = source.text();
        for (int at = source.lineEnd(line) - 1; at >= source.lineStart(line); at--) {
            if (!Character.isWhitespace(text.charAt(at))) {
                return at;
            }
        }
        return -1;
    }
}
