package dev.rustlens.analysis.check;

/** The principle of the review standard that a check serves. */
public enum Category {
    UNSAFE(true),
    MEMORY(true),
    LINTS(false),
    DOCUMENTATION(false),
    TESTS(false),
    PANICS(false),
    ERRORS(false),
    ASYNC(false),
    FFI(false),
    BUILD(false),
    /** What a repository's dependencies bring: advisories against its locked versions. */
    DEPENDENCIES(true),
    ANALYSIS(false);

    private final boolean security;

    Category(boolean security) {
        this.security = security;
    }

    /** Whether its findings are security findings (SARIF tags their rules {@code security}). */
    public boolean security() {
        return security;
    }
}
