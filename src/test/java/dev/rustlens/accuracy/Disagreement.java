package dev.rustlens.accuracy;

/**
 * One place where rustlens and the lint disagree.
 *
 * @param crate the corpus crate
 * @param check the rustlens check
 * @param side {@code rustlens} when only rustlens reported it (a false positive, if the lint is
 *     right), {@code clippy} when only the lint did (a false negative)
 * @param file the file, relative to the crate
 * @param line the line (the first of the lint's span)
 * @param message what the side that reported it said
 * @param source the source line, stripped
 */
record Disagreement(String crate, String check, String side, String file, int line, String message, String source) {
}
