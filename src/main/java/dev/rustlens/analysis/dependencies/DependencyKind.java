package dev.rustlens.analysis.dependencies;

/**
 * How a package is used: built into the members' code, run at build time, or used only by their
 * tests, examples and benchmarks. Declared strongest first.
 */
public enum DependencyKind {
    /** From a member's {@code [dependencies]}: shipped in what the member builds. */
    NORMAL,
    /** From a member's {@code [build-dependencies]}: runs on the build machine. */
    BUILD,
    /** From a member's {@code [dev-dependencies]}: only in its tests, examples and benchmarks. */
    DEV;

    /** The stronger of this kind and {@code other} (NORMAL over BUILD over DEV). */
    public DependencyKind stronger(DependencyKind other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
