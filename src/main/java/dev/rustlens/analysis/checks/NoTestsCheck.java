package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.metric.Metric;

/** A crate with no test of any kind: no test fn, no doctest, no integration test file. */
public final class NoTestsCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("no_tests",
            "Crate has no tests", Category.TESTS, Severity.MAJOR);

    public NoTestsCheck() {
        super(INFO);
    }

    @Override
    public void check(CrateContext crate) {
        long tests = crate.metric(Metric.TEST_FNS) + crate.metric(Metric.DOCTESTS)
                + crate.metric(Metric.INTEGRATION_TEST_FILES);
        if (tests == 0) {
            crate.report(this, crate.crate().manifest().path(),
                    "crate `" + crate.crate().name() + "` has no tests: no #[test] fn, no doctest, "
                            + "no file under tests/");
        }
    }
}
