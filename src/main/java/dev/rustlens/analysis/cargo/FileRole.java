package dev.rustlens.analysis.cargo;

/** What a {@code .rs} file is for inside its crate, from Cargo's target conventions. */
public enum FileRole {
    LIBRARY,
    BINARY,
    TEST,
    BENCH,
    EXAMPLE,
    BUILD_SCRIPT;

    /** Test, bench and example files are not shipped code: the standard exempts them from some checks. */
    public boolean isTestLike() {
        return this == TEST || this == BENCH || this == EXAMPLE;
    }
}
