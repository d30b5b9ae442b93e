package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;
import java.util.Optional;
import java.util.Set;

/**
 * Unsafe blocks without a {@code // SAFETY:} comment saying why they are sound. A comment counts
 * where clippy's {@code undocumented_unsafe_blocks} looks for one (above the block, first inside
 * it, above the statement, {@code let} or item that holds it) and where a reader would take it as
 * the block's justification though clippy does not: above that statement's attributes, before the
 * {@code unsafe} keyword on its line, above the statement that holds the block deeper down (an arm,
 * a field, a closure), or on an unsafe block around it.
 */
public final class UndocumentedUnsafeBlockCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("undocumented_unsafe_block",
            "Unsafe block without a `// SAFETY:` comment", Category.UNSAFE, Severity.CRITICAL)
            .suppressedBy("clippy::undocumented_unsafe_blocks");

    /** What a block's parent can be instead of an expression: a statement-holder, an arm, a field. */
    private static final Set<String> NOT_EXPRESSIONS = Set.of("block", "source_file", "declaration_list",
            "match_arm", "match_block", "field_initializer", "function_item", "else_clause", "token_tree",
            "arguments_list");
    /** Nodes rustc's HIR has no counterpart of: an argument list, parentheses. */
    private static final Set<String> TRANSPARENT = Set.of("arguments", "parenthesized_expression");
    private static final Set<String> STATEMENTS = Set.of("expression_statement", "let_declaration", "static_item",
            "const_item");
    private static final Set<String> DECLARATIONS = Set.of("let_declaration", "static_item", "const_item");
    private static final Set<String> BRANCHES = Set.of("if_expression", "match_expression");
    /** Nodes whose children are statements or items. */
    private static final Set<String> CONTAINERS = Set.of("block", "declaration_list", "source_file");
    private static final Set<String> TRIVIA = Set.of("line_comment", "block_comment", "attribute_item");

    public UndocumentedUnsafeBlockCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode block : match.findNodes(Captures.FINDING)) {
            boolean inMacroRules = block.getType().equals("unsafe");
            if (inMacroRules && FileContext.ancestor(block, Set.of("macro_definition", "macro_invocation"))
                    .filter(owner -> owner.getType().equals("macro_definition")).isEmpty()) {
                continue; // tokens of a macro's input that did not parse as code: not this crate's code
            }
            SyntaxNode body = inMacroRules ? match.findNodes(Captures.CONTEXT_PREFIX + "body").getFirst() : block;
            if (!justified(block, body, file)) {
                file.report(this, FileContext.start(block), FileContext.end(body),
                        "unsafe block without a `// SAFETY:` comment saying why it is sound");
            }
        }
    }

    private static boolean justified(SyntaxNode keyword, SyntaxNode body, FileContext file) {
        int line = file.source().line(FileContext.start(keyword));
        int bound = SafetyComments.bodyStartLine(file, keyword);
        if (SafetyComments.above(file, line, bound) || SafetyComments.beforeOnLine(file, FileContext.start(keyword))
                || SafetyComments.inside(file, body)) {
            return true;
        }
        if (keyword.getType().equals("unsafe")) {
            return false; // tokens of a macro body: no statements to look above
        }
        Optional<SyntaxNode> statement = statementOf(keyword, file);
        if (statement.isPresent() && aboveWithAttributes(statement.get(), bound, file)) {
            return true;
        }
        return aboveEnclosingStatement(keyword, file) || insideJustifiedBlock(keyword, file);
    }

    /**
     * Where clippy does not look: the comment above the statement that holds the block however
     * deep (a match arm, a struct field, a closure), when the block is that statement's first
     * code, through nested blocks and closure bodies but not out of a function body.
     */
    private static boolean aboveEnclosingStatement(SyntaxNode block, FileContext file) {
        SyntaxNode statement = statementAround(block, file);
        while (true) {
            if (SafetyComments.justify(file.leadingTrivia(statement))) {
                return true;
            }
            Optional<SyntaxNode> container = file.logicalParent(statement);
            boolean expressionBlock = container.isPresent() && container.get().getType().equals("block")
                    && file.logicalParent(container.get()).filter(p -> !p.getType().equals("function_item")).isPresent();
            if (!expressionBlock || !statement.equals(firstStatement(container.get()))) {
                return false;
            }
            statement = statementAround(container.get(), file);
        }
    }

    /** An unsafe block inside a justified one is covered by its justification (clippy asks each for its own). */
    private static boolean insideJustifiedBlock(SyntaxNode block, FileContext file) {
        for (Optional<SyntaxNode> current = file.logicalParent(block); current.isPresent();
                current = file.logicalParent(current.get())) {
            if (current.get().getType().equals("unsafe_block")) {
                return justified(current.get(), current.get(), file);
            }
            if (current.get().getType().equals("function_item")) {
                return false;
            }
        }
        return false;
    }

    /** The statement or item whose children a block's ancestors are: the node just below a block, module or file. */
    private static SyntaxNode statementAround(SyntaxNode node, FileContext file) {
        SyntaxNode current = node;
        Optional<SyntaxNode> parent = file.logicalParent(current);
        while (parent.isPresent() && !CONTAINERS.contains(parent.get().getType())) {
            current = parent.get();
            parent = file.logicalParent(current);
        }
        return current;
    }

    private static SyntaxNode firstStatement(SyntaxNode block) {
        return block.getNamedChildren().stream().filter(child -> !TRIVIA.contains(child.getType()))
                .findFirst().orElse(null);
    }

    /**
     * The statement whose comment clippy accepts: the statement, {@code let} or constant the
     * block is; else, when the block is part of an expression, the {@code let} or constant
     * holding that expression, or the expression itself unless it branches ({@code if}, {@code match}).
     */
    private static Optional<SyntaxNode> statementOf(SyntaxNode block, FileContext file) {
        Optional<SyntaxNode> parent = parentSkipping(block, file);
        if (parent.isEmpty() || NOT_EXPRESSIONS.contains(parent.get().getType())) {
            return Optional.empty();
        }
        if (STATEMENTS.contains(parent.get().getType())) {
            return parent;
        }
        Optional<SyntaxNode> grandparent = parentSkipping(parent.get(), file);
        if (grandparent.isPresent() && DECLARATIONS.contains(grandparent.get().getType())) {
            return grandparent;
        }
        return BRANCHES.contains(parent.get().getType()) ? Optional.empty() : parent;
    }

    private static Optional<SyntaxNode> parentSkipping(SyntaxNode node, FileContext file) {
        Optional<SyntaxNode> parent = file.logicalParent(node);
        while (parent.isPresent() && TRANSPARENT.contains(parent.get().getType())) {
            parent = file.logicalParent(parent.get());
        }
        return parent;
    }

    /** A justification above the statement, or above the attributes written on it. */
    private static boolean aboveWithAttributes(SyntaxNode statement, int bound, FileContext file) {
        int line = file.source().line(FileContext.start(statement));
        if (SafetyComments.above(file, line, bound)) {
            return true;
        }
        int first = file.source().line(file.startWithAttributes(statement));
        return first < line && SafetyComments.above(file, first, bound);
    }
}
