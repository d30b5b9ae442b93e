package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Calls of {@code mem::forget}, which leak a value by skipping its destructor. */
public final class MemForgetCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("mem_forget",
            "Call of `mem::forget`", Category.MEMORY, Severity.MAJOR)
            .suppressedBy("clippy::mem_forget");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        // The query matched the called name; the whole path decides whether it is mem's.
        for (SyntaxNode call : match.findNodes(Captures.FINDING)) {
            CalledPath path = CalledPath.of(call, file);
            if (path.name().equals("forget") && (path.bare() || path.in("mem"))) {
                file.report(this, call, "`" + path + "` skips the value's destructor: what it owns is leaked");
            }
        }
    }
}
