package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.Severity;

/** {@code static mut} items: global mutable state that every thread can reach without synchronisation. */
public final class StaticMutCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("static_mut",
            "`static mut` item: unsynchronised global mutable state", Category.MEMORY, Severity.MAJOR);

    public StaticMutCheck() {
        super(INFO);
    }
}
