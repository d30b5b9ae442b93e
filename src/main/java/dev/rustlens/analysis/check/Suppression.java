package dev.rustlens.analysis.check;

/** Whether and how a finding was suppressed in the code; a suppressed finding is kept and counted. */
public enum Suppression {
    NONE,
    /** {@code #[allow(clippy::…)]} or {@code #[expect(clippy::…)]} with the check's clippy twin. */
    CLIPPY_ATTRIBUTE,
    /** A {@code // rustlens:allow(<id>)} comment. */
    COMMENT
}
