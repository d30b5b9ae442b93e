package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;

/** Calls of {@code mem::forget}, which leak a value by skipping its destructor. */
public final class MemForgetCheck extends CalledFunctionCheck {

    private static final CheckInfo INFO = CheckInfo.of("mem_forget",
            "Call of `mem::forget`", Category.MEMORY, Severity.MAJOR)
            .suppressedBy("clippy::mem_forget");

    public MemForgetCheck() {
        super(INFO);
    }

    @Override
    void onCall(CalledPath path, SyntaxNode call, FileContext file) {
        if (path.name().equals("forget") && (path.bare() || path.in("mem"))) {
            file.report(this, call, "`" + path + "` skips the value's destructor: what it owns is leaked");
        }
    }
}
