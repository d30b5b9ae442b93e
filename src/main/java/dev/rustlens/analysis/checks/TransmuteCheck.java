package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Calls of {@code mem::transmute} and {@code mem::transmute_copy}, which reinterpret bits unchecked. */
public final class TransmuteCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("transmute",
            "Call of `mem::transmute`", Category.MEMORY, Severity.MAJOR);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        // The query matched the called name; the whole path decides whether it is mem's.
        for (SyntaxNode call : match.findNodes(Captures.FINDING)) {
            CalledPath path = CalledPath.of(call, file);
            boolean transmute = path.name().equals("transmute") || path.name().equals("transmute_copy");
            if (transmute && (path.bare() || path.in("mem"))) {
                file.report(this, call, "`" + path + "` reinterprets the bits of a value as another type;"
                        + " nothing checks that they are valid for it");
            }
        }
    }
}
