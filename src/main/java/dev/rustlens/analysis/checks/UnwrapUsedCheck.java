package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;

/** {@code .unwrap()} and {@code .unwrap_err()} calls, which panic instead of handling the other variant. */
public final class UnwrapUsedCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("unwrap_used",
            "`.unwrap()` or `.unwrap_err()` call, which panics instead of handling the error",
            Category.PANICS, Severity.MINOR)
            .exemptingTests()
            .suppressedBy("clippy::unwrap_used");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode node : match.findNodes(Captures.FINDING)) {
            if (!MacroTokens.inMacroDefinition(node)) {
                file.report(this, node, info().title());
            }
        }
    }
}
