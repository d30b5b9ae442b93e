package dev.rustlens.analysis.check;

/**
 * A comment as written, with its position.
 *
 * @param text the whole comment, markers included
 * @param start char offset of its start
 * @param line 1-based line it starts on
 * @param endLine 1-based line it ends on
 */
public record Comment(String text, int start, int line, int endLine) {

    /** An outer doc comment ({@code ///} or {@code /** *}{@code /}), which documents the next item. */
    public boolean isOuterDoc() {
        return (text.startsWith("///") && !text.startsWith("////"))
                || (text.startsWith("/**") && !text.startsWith("/***") && !text.equals("/**/"));
    }

    /** An inner doc comment ({@code //!} or {@code /*!}), which documents the enclosing item. */
    public boolean isInnerDoc() {
        return text.startsWith("//!") || text.startsWith("/*!");
    }

    /** The comment's words without its markers. */
    public String body() {
        if (text.startsWith("//")) {
            int skip = text.startsWith("///") || text.startsWith("//!") ? 3 : 2;
            return text.substring(skip);
        }
        int skip = isOuterDoc() || isInnerDoc() ? 3 : 2;
        return text.substring(Math.min(skip, text.length()), Math.max(skip, text.length() - 2));
    }
}
