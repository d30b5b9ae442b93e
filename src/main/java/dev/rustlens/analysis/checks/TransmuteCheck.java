package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;

/** Calls of {@code mem::transmute} and {@code mem::transmute_copy}, which reinterpret bits unchecked. */
public final class TransmuteCheck extends CalledFunctionCheck {

    private static final CheckInfo INFO = CheckInfo.of("transmute",
            "Call of `mem::transmute`", Category.MEMORY, Severity.MAJOR);

    public TransmuteCheck() {
        super(INFO);
    }

    @Override
    void onCall(CalledPath path, SyntaxNode call, FileContext file) {
        boolean transmute = path.name().equals("transmute") || path.name().equals("transmute_copy");
        if (transmute && (path.bare() || path.in("mem"))) {
            file.report(this, call, "`" + path + "` reinterprets the bits of a value as another type;"
                    + " nothing checks that they are valid for it");
        }
    }
}
