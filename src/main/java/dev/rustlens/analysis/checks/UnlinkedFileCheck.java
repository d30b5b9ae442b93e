package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;

/** A {@code .rs} file of the crate that no target's module tree reaches: rustc never compiles it. */
public final class UnlinkedFileCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("unlinked_file",
            "Rust file that no crate root reaches", Category.ANALYSIS, Severity.INFO);

    public UnlinkedFileCheck() {
        super(INFO);
    }

    @Override
    public void check(CrateContext crate) {
        for (String path : crate.unlinkedFiles()) {
            crate.report(this, path, "no `mod` declaration, `#[path]` or `include!` of `" + crate.crate().name()
                    + "`'s targets reaches this file, so rustc never compiles it: it is not analysed as "
                    + "the crate's code (a leftover, a fixture for another tool, or a module declared where "
                    + "rustlens cannot see it, such as inside a macro of another crate)");
        }
    }
}
