package dev.rustlens.text;

import java.util.Locale;

/**
 * Text with its bidirectional controls and invisible characters written out as escapes (a
 * backslash, {@code u} and the code point in braces, e.g. {@code u{202E}}), as rustc writes them
 * in its {@code text_direction_codepoint_*} lints: a reader sees what is
 * there instead of text reordered or hidden by them (CVE-2021-42574, "Trojan Source"). Tabs and
 * line breaks stay as they are.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** Whether {@code codePoint} changes text direction or shows nothing at all. */
    public static boolean isHidden(int codePoint) {
        return codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r'
                || codePoint >= 0x7f && codePoint <= 0x9f // DEL and the C1 controls
                || codePoint == 0x00ad // soft hyphen
                || codePoint == 0x034f // combining grapheme joiner
                || codePoint == 0x061c // Arabic letter mark
                || codePoint == 0x115f || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xffa0 // Hangul fillers
                || codePoint == 0x180e // Mongolian vowel separator
                || codePoint >= 0x200b && codePoint <= 0x200f // zero-width space, joiners, LRM, RLM
                || codePoint >= 0x2028 && codePoint <= 0x202e // line and paragraph separators, embeddings, overrides
                || codePoint >= 0x2060 && codePoint <= 0x206f // word joiner, invisible operators, isolates
                || codePoint == 0xfeff // zero-width no-break space (byte order mark)
                || codePoint >= 0xfff9 && codePoint <= 0xfffb // interlinear annotation
                || codePoint >= 0xe0000 && codePoint <= 0xe007f; // tag characters
    }

    /** {@code text} with every hidden character written as an escape; null stays null. */
    public static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(VisibleText::isHidden)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            if (isHidden(codePoint)) {
                visible.append("\\u{").append(Integer.toHexString(codePoint).toUpperCase(Locale.ROOT)).append('}');
            } else {
                visible.appendCodePoint(codePoint);
            }
        });
        return visible.toString();
    }
}
