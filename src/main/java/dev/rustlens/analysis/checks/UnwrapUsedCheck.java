package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;

/** {@code .unwrap()} and {@code .unwrap_err()} calls, which panic instead of handling the other variant. */
public final class UnwrapUsedCheck extends CodeOnlyCheck {

    private static final CheckInfo INFO = CheckInfo.of("unwrap_used",
            "`.unwrap()` or `.unwrap_err()` call, which panics instead of handling the error",
            Category.PANICS, Severity.MINOR)
            .exemptingTests()
            .suppressedBy("clippy::unwrap_used");

    public UnwrapUsedCheck() {
        super(INFO);
    }
}
