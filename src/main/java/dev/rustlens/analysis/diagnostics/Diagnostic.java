package dev.rustlens.analysis.diagnostics;

import dev.rustlens.analysis.check.Severity;

/**
 * One compiler diagnostic as imported: its lint as a check id, its severity, its primary span
 * (workspace-relative path, 1-based lines and columns, end column exclusive) and its message.
 *
 * @param context the span's first line of code, whitespace-normalised, for fingerprints
 */
public record Diagnostic(String checkId, Severity severity, String path, int line, int column, int endLine,
        int endColumn, String message, String context) {
}
