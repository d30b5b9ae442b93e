package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.metric.Metric;

/** A library whose root has no crate-level docs, the front page of its rustdoc. */
public final class MissingCrateDocsCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_crate_docs",
            "Library crate has no crate-level documentation", Category.DOCUMENTATION, Severity.MINOR);

    public MissingCrateDocsCheck() {
        super(INFO);
    }

    @Override
    public void check(CrateContext crate) {
        if (!crate.crate().hasLibrary() || crate.metric(Metric.CRATE_DOCS) > 0) {
            return;
        }
        // With a library target, the first root file is the lib root.
        crate.report(this, crate.rootFile().orElseThrow(),
                "library `" + crate.crate().name() + "` has no crate-level docs: start its root with `//!` "
                        + "comments (or `#![doc = include_str!(\"../README.md\")]`) saying what it is for");
    }
}
