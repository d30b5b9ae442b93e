package dev.rustlens.analysis;

/**
 * One place where unsafe code is written: the inventory a security reviewer audits.
 *
 * @param kind what kind of unsafe it is
 * @param path repository-relative file path
 * @param line 1-based line of the {@code unsafe} keyword's item or block
 * @param column 1-based column
 * @param inTestCode whether it lies in test code
 */
public record UnsafeSite(Kind kind, String path, int line, int column, boolean inTestCode) {

    /** The kinds of unsafe, cargo-geiger's categories plus what it cannot see. */
    public enum Kind {
        BLOCK,
        FUNCTION,
        METHOD,
        IMPL,
        TRAIT,
        EXTERN_BLOCK,
        /** The {@code unsafe} token inside a macro invocation or a {@code macro_rules!} body. */
        IN_MACRO
    }

    /** The same site at another path (a cached file result reused at a new path). */
    public UnsafeSite atPath(String newPath) {
        return new UnsafeSite(kind, newPath, line, column, inTestCode);
    }
}
