package dev.rustlens.analysis.check;

/** How much a finding matters, from a hint to a defect that must be fixed. */
public enum Severity {
    INFO("note", "1.0"),
    MINOR("note", "3.0"),
    MAJOR("warning", "5.5"),
    CRITICAL("error", "8.0"),
    BLOCKER("error", "9.5");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** The SARIF {@code level} this severity maps to. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /**
     * The SARIF rule property {@code security-severity} on GitHub's scale: critical from 9.0, high
     * from 7.0, medium from 4.0, low below.
     */
    public String securitySeverity() {
        return securitySeverity;
    }
}
