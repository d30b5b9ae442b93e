package dev.rustlens.analysis.check;

/** A check of a whole crate (its manifest, metrics and repository files) rather than of code. */
public abstract non-sealed class CrateCheck implements Check {

    private final CheckInfo info;

    protected CrateCheck(CheckInfo info) {
        this.info = info;
    }

    @Override
    public final CheckInfo info() {
        return info;
    }

    /** Examines the crate and reports through the context. */
    public abstract void check(CrateContext crate);

    /**
     * Whether the check needs files a package archive does not hold (CI configuration,
     * Cargo.lock): then it runs on repositories only, as it would otherwise report what an
     * archive cannot contain.
     */
    public boolean needsRepositoryFiles(CrateContext crate) {
        return false;
    }
}
