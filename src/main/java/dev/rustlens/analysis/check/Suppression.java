package dev.rustlens.analysis.check;

/** Whether and how a finding was suppressed in the code; a suppressed finding is kept and counted. */
public enum Suppression {
    NONE,
    /** {@code #[allow(…)]} or {@code #[expect(…)]} naming a lint that is the check's twin. */
    LINT_ATTRIBUTE,
    /** A {@code // rustlens:allow(<id>)} comment. */
    COMMENT
}
