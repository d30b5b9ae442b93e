package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;

/** {@code .expect(..)} and {@code .expect_err(..)} calls, which panic with a message instead of handling the error. */
public final class ExpectUsedCheck extends CodeOnlyCheck {

    private static final CheckInfo INFO = CheckInfo.of("expect_used",
            "`.expect(..)` or `.expect_err(..)` call, which panics instead of handling the error",
            Category.PANICS, Severity.MINOR)
            .exemptingTests()
            .suppressedBy("clippy::expect_used");

    public ExpectUsedCheck() {
        super(INFO);
    }
}
