package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.metric.Metric;

/** A crate with no unsafe code whose root does not forbid it, so nothing stops unsafe from creeping in. */
public final class ForbidUnsafeMissingCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("forbid_unsafe_missing",
            "Crate without unsafe code does not forbid unsafe_code", Category.UNSAFE, Severity.MINOR);

    public ForbidUnsafeMissingCheck() {
        super(INFO);
    }

    @Override
    public void check(CrateContext crate) {
        // Unsafe in tests counts too: forbidding unsafe_code would stop that test code compiling.
        boolean unsafeAnywhere = crate.hasUnsafe() || crate.metric(Metric.UNSAFE_IN_TESTS) > 0;
        if (unsafeAnywhere || crate.metric(Metric.FORBIDS_UNSAFE) > 0) {
            return;
        }
        crate.report(this, crate.rootFile().orElse(crate.crate().manifest().path()),
                "crate `" + crate.crate().name() + "` has no unsafe code but does not forbid it: add "
                        + "`#![forbid(unsafe_code)]` to its root, or `unsafe_code = \"forbid\"` under [lints.rust]");
    }
}
