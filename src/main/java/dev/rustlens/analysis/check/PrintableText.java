package dev.rustlens.analysis.check;

/**
 * Text from a repository made safe to store and show: control characters, bidirectional
 * overrides and isolates (Trojan Source) and other invisible format characters written as
 * Rust writes them in a literal (a backslash, then {@code u{202e}}), and the whole cut to a length. PostgreSQL rejects U+0000 in text, and a
 * page or an export must not reorder what it shows.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** The text with its invisible characters escaped, at most {@code maxLength} chars of it (then an ellipsis). */
    public static String of(String text, int maxLength) {
        int i = 0;
        while (i < text.length() && i < maxLength && !invisible(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // most texts: nothing to escape, nothing to cut
        }
        StringBuilder out = new StringBuilder(maxLength + 16).append(text, 0, i);
        for (; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (invisible(c)) {
                out.append("\\u{").append(Integer.toHexString(c)).append('}');
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    /** Whether a char is invisible or changes how text around it is displayed (tabs are fine). */
    public static boolean invisible(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return false; // printable ASCII, most of any text, decided in two comparisons
        }
        return (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || isBidiControl(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c == '\u2060'
                || c == '\uFEFF';
    }

    /** The nine code points rustc's {@code text_direction_codepoint_*} lints reject: embeddings, overrides, isolates. */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
