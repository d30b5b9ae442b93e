package dev.rustlens.analysis.outline;

/**
 * A {@code use} declaration with a visibility: a re-export when it is {@code pub}.
 *
 * @param scope the inline module it is declared in, or -1 for the file's own module
 * @param visibility its visibility
 * @param tree its use tree as written, blanks normalised ({@code self::raw::{Reader, Writer as W}})
 * @param testOnly whether it is compiled for tests only
 */
public record UseDeclaration(int scope, Visibility visibility, String tree, boolean testOnly) {
}
