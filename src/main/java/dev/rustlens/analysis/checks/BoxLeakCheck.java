package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;

/** Calls of {@code Box::leak}, which give up a heap allocation for the rest of the program. */
public final class BoxLeakCheck extends CalledFunctionCheck {

    private static final CheckInfo INFO = CheckInfo.of("box_leak",
            "Call of `Box::leak`", Category.MEMORY, Severity.MAJOR);

    public BoxLeakCheck() {
        super(INFO);
    }

    @Override
    void onCall(CalledPath path, SyntaxNode call, FileContext file) {
        if (path.name().equals("leak") && path.in("Box")) {
            file.report(this, call, "`" + path + "` leaks the allocation: it is never freed");
        }
    }
}
