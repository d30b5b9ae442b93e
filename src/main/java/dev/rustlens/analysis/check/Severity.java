package dev.rustlens.analysis.check;

/** How much a finding matters, from a hint to a defect that must be fixed. */
public enum Severity {
    INFO("note"),
    MINOR("note"),
    MAJOR("warning"),
    CRITICAL("error"),
    BLOCKER("error");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    /** The SARIF {@code level} this severity maps to. */
    public String sarifLevel() {
        return sarifLevel;
    }
}
