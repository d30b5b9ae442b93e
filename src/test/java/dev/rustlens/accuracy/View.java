package dev.rustlens.accuracy;

import java.util.List;
import java.util.Set;

/** The two clippy runs of a crate, and which of their units a check is compared on. */
enum View {
    /**
     * {@code --lib}: the library as shipped, without test code. The view of the checks that exempt
     * test code; rustc never reports {@code missing_docs} in a test harness.
     */
    LIBRARY("lib"),
    /** Every target that builds on stable: the view of the checks that apply to test code too. */
    ALL_TARGETS("all");

    /** Target kinds of a library unit. */
    private static final Set<String> LIBRARY_KINDS = Set.of("lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro");

    private final String fileName;

    View(String fileName) {
        this.fileName = fileName;
    }

    /** The base name of the run's cached files. */
    String fileName() {
        return fileName;
    }

    /** The target selection of the run. */
    List<String> targets(CorpusCrate crate) {
        return this == LIBRARY ? List.of("--lib") : crate.allTargets();
    }

    /** Whether a unit of this view's run (of that target kind, built as a test harness or not) belongs to the view. */
    boolean includes(String targetKind, boolean test) {
        return this == ALL_TARGETS || (LIBRARY_KINDS.contains(targetKind) && !test);
    }
}
