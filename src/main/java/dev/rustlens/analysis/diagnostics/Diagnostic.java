package dev.rustlens.analysis.diagnostics;

import dev.rustlens.analysis.check.Severity;

/**
 * One compiler diagnostic as imported: its lint as a check id, its severity, its primary span
 * (workspace-relative path, 1-based lines and columns, end column exclusive) and its message.
 *
 * @param context the span's first line of code, whitespace-normalised, for fingerprints
 * @param inTestCode reported only where cargo compiled a test, bench or example target (its
 *        {@code target.kind}); a library's {@code #[cfg(test)]} code is compiled as the library
 *        target, so it is not told apart
 */
public record Diagnostic(String checkId, Severity severity, String path, int line, int column, int endLine,
        int endColumn, String message, String context, boolean inTestCode) {

    /** The same diagnostic, in test code or not. */
    public Diagnostic withInTestCode(boolean testCode) {
        return new Diagnostic(checkId, severity, path, line, column, endLine, endColumn, message, context, testCode);
    }
}
