package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Code the parser could not read, and files skipped for their size or parse time. */
public final class ParseErrorCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("parse_error",
            "Code that could not be parsed", Category.ANALYSIS, Severity.MAJOR);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode node : match.findNodes(Captures.FINDING)) {
            // Only the outermost error: nested ERROR nodes repeat the same problem.
            boolean nested = FileContext.ancestor(node, java.util.Set.of("ERROR")).isPresent();
            if (!nested) {
                String message = node.isMissing()
                        ? "syntax error: expected `" + node.getType() + "` here"
                        : "syntax error: this code could not be parsed; what it contains is not counted";
                file.report(this, node, message);
            }
        }
    }
}
