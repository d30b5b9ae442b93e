package dev.rustlens.analysis.check;

/**
 * One problem found in one place. Lines and columns are 1-based; columns count UTF-16 code
 * units, as SARIF does by default.
 *
 * @param checkId the check that found it
 * @param severity its severity
 * @param path repository-relative path of the file
 * @param line first line
 * @param column first column
 * @param endLine last line
 * @param endColumn column just past the end
 * @param message what is wrong, in words
 * @param inTestCode whether it lies in a #[cfg(test)] module or a test fn
 * @param suppression whether the code suppresses it
 * @param context the finding's first line of code, whitespace-normalised, for fingerprints
 */
public record Finding(
        String checkId,
        Severity severity,
        String path,
        int line,
        int column,
        int endLine,
        int endColumn,
        String message,
        boolean inTestCode,
        Suppression suppression,
        String context) {

    /** Whether the finding counts (it is not suppressed). */
    public boolean active() {
        return suppression == Suppression.NONE;
    }

    /** The same finding, suppressed as said. */
    public Finding withSuppression(Suppression newSuppression) {
        return new Finding(checkId, severity, path, line, column, endLine, endColumn, message, inTestCode,
                newSuppression, context);
    }

    /** The same finding, in test code. */
    public Finding inTest() {
        return new Finding(checkId, severity, path, line, column, endLine, endColumn, message, true, suppression,
                context);
    }

    /** The same finding at another path (a cached file result reused at a new path). */
    public Finding atPath(String newPath) {
        return new Finding(checkId, severity, newPath, line, column, endLine, endColumn, message,
                inTestCode, suppression, context);
    }
}
