package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.metric.Metric;

/** A crate that does not enable clippy::pedantic, in its root or in the lints table it uses. */
public final class ClippyPedanticDisabledCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("clippy_pedantic_disabled",
            "clippy::pedantic is not enabled", Category.LINTS, Severity.MINOR);

    public ClippyPedanticDisabledCheck() {
        super(INFO);
    }

    @Override
    public void check(CrateContext crate) {
        if (crate.metric(Metric.PEDANTIC_ENABLED) > 0) {
            return;
        }
        // A workspace member should inherit the setting rather than repeat it.
        String where = crate.crate().workspace().isPresent()
                ? "under [workspace.lints.clippy] and `workspace = true` under [lints] here"
                : "under [lints.clippy]";
        crate.report(this, crate.crate().manifest().path(),
                "clippy::pedantic is not enabled for `" + crate.crate().name() + "`: add "
                        + "`pedantic = { level = \"warn\", priority = -1 }` " + where
                        + ", or `#![warn(clippy::pedantic)]` to the crate root");
    }
}
