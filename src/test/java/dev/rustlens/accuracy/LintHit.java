package dev.rustlens.accuracy;

/**
 * One lint clippy or rustc reported, at its primary span.
 *
 * @param lint the lint's full name ({@code clippy::unwrap_used}, {@code missing_docs})
 * @param message the diagnostic's message
 * @param targetKind the kind of the target whose compilation reported it
 * @param file the span's file, relative to the crate's directory when it lies inside the crate
 * @param line the span's first line
 * @param column the span's first column
 * @param endLine the span's last line
 * @param text the span's text (the highlighted part of its lines)
 */
record LintHit(String lint, String message, String targetKind, String file, int line, int column, int endLine,
        String text) {
}
