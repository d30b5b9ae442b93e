package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import java.util.Optional;
import java.util.Set;

/** Code the parser could not read, and files skipped for their size or parse time. */
public final class ParseErrorCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("parse_error",
            "Code that could not be parsed", Category.ANALYSIS, Severity.MAJOR);

    private static final Set<String> TRIVIA = Set.of("line_comment", "block_comment", "inner_attribute_item");

    public ParseErrorCheck() {
        super(INFO);
    }

    @Override
    protected void onFinding(SyntaxNode node, FileContext file) {
        // Nested errors repeat the same problem: the engine keeps the outermost (a walk to the
        // root from each error was quadratic in a file of random bytes).
        if (!endsIncludedExpression(node)) {
            String message = node.isMissing()
                    ? "syntax error: expected `" + node.getType() + "` here"
                    : "syntax error: this code could not be parsed; what it contains is not counted";
            file.report(this, node, message);
        }
    }

    /**
     * Whether the node is the {@code ;} the parser misses after a file that is one expression: a
     * file made to be pulled in with {@code include!(..)} where an expression stands (a table, a
     * message for {@code compile_error!}), which rustc reads as such.
     */
    private static boolean endsIncludedExpression(SyntaxNode node) {
        if (!node.isMissing() || !node.getType().equals(";")) {
            return false;
        }
        Optional<SyntaxNode> statement = node.getParent().filter(parent -> parent.getType().equals("expression_statement"));
        Optional<SyntaxNode> file = statement.flatMap(SyntaxNode::getParent).filter(parent -> parent.getType().equals("source_file"));
        return file.isPresent() && file.get().getNamedChildren().stream()
                .filter(child -> !TRIVIA.contains(child.getType()))
                .allMatch(child -> child.equals(statement.get()));
    }
}