package dev.rustlens.analysis.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the comments of Rust source text with a lexer, skipping string, raw string and char
 * literals. The parser finds them too, but as a quarter of a million query captures over a
 * large corpus; a single pass over the characters is far cheaper.
 */
public final class CommentScanner {

    /**
     * One comment.
     *
     * @param start char offset of its first character
     * @param end char offset just past it
     * @param braceDepth the depth of {@code { }} nesting around it; 0 at the file's top level
     */
    public record Span(int start, int end, int braceDepth) {
    }

    private CommentScanner() {
    }

    /** Every comment of {@code text}, in order. */
    public static List<Span> scan(String text) {
        List<Span> spans = new ArrayList<>();
        int length = text.length();
        int depth = 0;
        int i = 0;
        while (i < length) {
            // Most characters are none of these: one switch, and the next one is read only after a slash.
            switch (text.charAt(i)) {
                case '/' -> {
                    char next = i + 1 < length ? text.charAt(i + 1) : '\0';
                    if (next == '/') {
                        int end = text.indexOf('\n', i);
                        end = end < 0 ? length : end;
                        if (end > i && text.charAt(end - 1) == '\r') {
                            end--;
                        }
                        spans.add(new Span(i, end, depth));
                        i = end;
                    } else if (next == '*') {
                        int end = blockCommentEnd(text, i);
                        spans.add(new Span(i, end, depth));
                        i = end;
                    } else {
                        i++;
                    }
                }
                case '"' -> i = stringEnd(text, i + 1);
                case 'r' -> i = startsRawString(text, i) ? rawStringEnd(text, i + 1) : i + 1;
                case '\'' -> i = charLiteralEnd(text, i);
                case '{' -> {
                    depth++;
                    i++;
                }
                case '}' -> {
                    if (depth > 0) {
                        depth--;
                    }
                    i++;
                }
                default -> i++;
            }
        }
        return spans;
    }

    /** Block comments nest in Rust. */
    private static int blockCommentEnd(String text, int start) {
        int nesting = 0;
        int i = start;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                nesting++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                nesting--;
                i += 2;
                if (nesting == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int stringEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** {@code r"..."} or {@code r#"..."#}, also as {@code br} / {@code cr}; not part of a longer name. */
    private static boolean startsRawString(String text, int at) {
        int before = at - 1;
        if (before >= 0 && (text.charAt(before) == 'b' || text.charAt(before) == 'c')) {
            before--;
        }
        if (before >= 0 && (Character.isLetterOrDigit(text.charAt(before)) || text.charAt(before) == '_')) {
            return false;
        }
        int i = at + 1;
        while (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        return i < text.length() && text.charAt(i) == '"';
    }

    private static int rawStringEnd(String text, int from) {
        int hashes = 0;
        int i = from;
        while (text.charAt(i) == '#') {
            hashes++;
            i++;
        }
        String closing = "\"" + "#".repeat(hashes);
        int end = text.indexOf(closing, i + 1);
        return end < 0 ? text.length() : end + closing.length();
    }

    /** A char literal ({@code 'a'}, {@code '\n'}, {@code 'é'}), or else a lifetime or label. */
    private static int charLiteralEnd(String text, int quote) {
        int i = quote + 1;
        if (i < text.length() && text.charAt(i) == '\\') {
            int close = text.indexOf('\'', i + 2);
            return close < 0 ? text.length() : close + 1;
        }
        int width = i < text.length() && Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
        if (i + width < text.length() && text.charAt(i + width) == '\'') {
            return i + width + 1;
        }
        return quote + 1; // a lifetime: 'a
    }
}
