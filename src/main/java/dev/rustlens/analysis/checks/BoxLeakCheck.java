package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Calls of {@code Box::leak}, which give up a heap allocation for the rest of the program. */
public final class BoxLeakCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("box_leak",
            "Call of `Box::leak`", Category.MEMORY, Severity.MAJOR);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        // The query matched the called name; the whole path decides whether it is Box's.
        for (SyntaxNode call : match.findNodes(Captures.FINDING)) {
            CalledPath path = CalledPath.of(call, file);
            if (path.name().equals("leak") && path.in("Box")) {
                file.report(this, call, "`" + path + "` leaks the allocation: it is never freed");
            }
        }
    }
}
