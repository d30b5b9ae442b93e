package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Placement;

/**
 * A file check of shipped library code only: findings in binaries, build scripts, tests,
 * benches, examples and test code inside the library are dropped.
 */
abstract class LibraryCodeCheck extends FileCheck {

    LibraryCodeCheck(CheckInfo info) {
        super(info);
    }

    @Override
    public boolean keep(Finding finding, Placement placement) {
        return libraryCode(finding, placement);
    }

    /** Whether the finding is in the library's shipped code, not in a binary, a test or test code. */
    static boolean libraryCode(Finding finding, Placement placement) {
        return placement.role() == FileRole.LIBRARY && !finding.inTestCode();
    }
}
