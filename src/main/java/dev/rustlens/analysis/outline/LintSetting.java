package dev.rustlens.analysis.outline;

import java.util.List;

/**
 * One lint-level attribute ({@code #[allow(a, b)]}, {@code #![deny(c)]}) and the region of its
 * file it covers, by 1-based lines and columns: the item it stands on, or for an inner attribute
 * what encloses it (the whole file for the file's own).
 *
 * @param level the level it sets
 * @param lints the lints and lint groups it names, as written ({@code clippy::unwrap_used})
 * @param fileLevel whether it is an inner attribute of the file itself ({@code #![..]} at its top),
 *     which reaches the modules in other files below it too
 * @param startLine first line covered
 * @param startColumn first column covered
 * @param endLine last line covered
 * @param endColumn the column just past the region
 */
public record LintSetting(LintLevel level, List<String> lints, boolean fileLevel, int startLine, int startColumn, int endLine,
        int endColumn) {

    public LintSetting {
        lints = List.copyOf(lints);
    }

    /** Whether the region holds the position. */
    public boolean covers(int line, int column) {
        return compare(line, column, startLine, startColumn) >= 0 && compare(line, column, endLine, endColumn) < 0;
    }

    /** Whether this region lies inside {@code other}'s. */
    public boolean within(LintSetting other) {
        return compare(startLine, startColumn, other.startLine, other.startColumn) >= 0
                && compare(endLine, endColumn, other.endLine, other.endColumn) <= 0;
    }

    private static int compare(int line, int column, int otherLine, int otherColumn) {
        return line != otherLine ? Integer.compare(line, otherLine) : Integer.compare(column, otherColumn);
    }
}
