package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.parser.SyntaxNode;

/**
 * A file check whose captures count only in code: a token inside a {@code macro_rules!} body is
 * not code until the macro is expanded, and clippy reports it (if at all) where it is expanded.
 */
abstract class CodeOnlyCheck extends FileCheck {

    CodeOnlyCheck(CheckInfo info) {
        super(info);
    }

    @Override
    protected void onFinding(SyntaxNode node, FileContext file) {
        if (!MacroTokens.inMacroDefinition(node)) {
            file.report(this, node, info().title());
        }
    }
}
