package dev.rustlens.analysis.check;

/** The principle of the review standard that a check serves. */
public enum Category {
    UNSAFE,
    MEMORY,
    LINTS,
    DOCUMENTATION,
    TESTS,
    PANICS,
    ERRORS,
    ASYNC,
    FFI,
    BUILD,
    ANALYSIS
}
