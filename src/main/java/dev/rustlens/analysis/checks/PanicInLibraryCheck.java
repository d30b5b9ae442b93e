package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** {@code panic!}, {@code todo!}, {@code unimplemented!} and {@code unreachable!} in library code. */
public final class PanicInLibraryCheck extends LibraryCodeCheck {

    private static final CheckInfo INFO = CheckInfo.of("panic_in_library",
            "Panicking macro (`panic!`, `todo!`, `unimplemented!`, `unreachable!`) in library code",
            Category.PANICS, Severity.MAJOR)
            .exemptingTests()
            .suppressedBy("clippy::panic", "clippy::todo", "clippy::unimplemented", "clippy::unreachable");

    public PanicInLibraryCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        String macro = file.text(match.findNodes(Captures.NAME).getFirst());
        for (SyntaxNode node : match.findNodes(Captures.FINDING)) {
            if (MacroTokens.inMacroDefinition(node)) {
                continue;
            }
            file.report(this, node, "`" + macro + "!` panics in library code: return an error the caller can handle");
        }
    }
}
