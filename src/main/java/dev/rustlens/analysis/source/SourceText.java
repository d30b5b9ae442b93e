package dev.rustlens.analysis.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of one file with a line index. Offsets are {@code char} offsets into the text; a
 * tree parsed from it as UTF-16 has byte offsets of exactly twice those.
 */
public final class SourceText {

    private final String text;
    private final int[] lineStarts;
    private final boolean validUtf8;
    /** The encoding the bytes were read in when it was not UTF-8 (a UTF-16 or UTF-32 file), else null. */
    private final String otherEncoding;

    private SourceText(String text, boolean validUtf8, String otherEncoding) {
        this.text = text;
        this.validUtf8 = validUtf8;
        this.otherEncoding = otherEncoding;
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        // indexOf searches many chars at a time; a loop over charAt tests one.
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * Decodes file bytes as UTF-8. Invalid bytes become U+FFFD (and are remembered), and a
     * leading byte order mark is dropped, so any file yields text.
     */
    public static SourceText decode(byte[] bytes) {
        Charset wide = wideEncoding(bytes);
        if (wide != null) {
            // rustc reads UTF-8 only; the text is still read, so that the reviewer sees what it holds.
            String text = new String(bytes, wide);
            return new SourceText(text.startsWith("\uFEFF") ? text.substring(1) : text, false, wide.name());
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // The JDK's own decoding is the fast path; the strict decoder runs only when a
        // replacement character shows up, to tell bad bytes from a U+FFFD written in the file.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        return new SourceText(text, text.indexOf('\uFFFD') < 0 || strictlyValid(bytes, start), null);
    }

    /**
     * UTF-32 or UTF-16 by its byte order mark, or UTF-16 without one when NUL bytes fill the
     * even or the odd places of the file's start, as ASCII text encoded so does; null otherwise.
     */
    private static Charset wideEncoding(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return Charset.forName("UTF-32LE");
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return Charset.forName("UTF-32BE");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        int sample = Math.min(bytes.length, 4096) & ~1;
        if (sample < 8) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < sample; i += 2) {
            evenNuls += bytes[i] == 0 ? 1 : 0;
            oddNuls += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = sample / 2;
        if (oddNuls > pairs * 9 / 10 && evenNuls < pairs / 10) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNuls > pairs * 9 / 10 && oddNuls < pairs / 10) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyValid(byte[] bytes, int start) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Text already in memory (tests, fixtures). */
    public static SourceText of(String text) {
        return new SourceText(text, true, null);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Whether the bytes were valid UTF-8. */
    public boolean validUtf8() {
        return validUtf8;
    }

    /** The encoding the bytes were read in when they were UTF-16 or UTF-32, which rustc rejects. */
    public java.util.Optional<String> otherEncoding() {
        return java.util.Optional.ofNullable(otherEncoding);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of a char offset. */
    public int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** 1-based column (in UTF-16 code units) of a char offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Char offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Char offset where a 1-based line ends, before its line break. */
    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > lineStarts[line - 1] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /**
     * {@link Character#isWhitespace}, with the printable ASCII chars that make most of any code
     * answered by two comparisons instead of a table lookup: the line counts and every finding's
     * context line ask it of each char.
     */
    public static boolean isWhitespace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return c == ' ' || Character.isWhitespace(c);
    }

    /** The text of a 1-based line, without its line break. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    public String slice(int start, int end) {
        return text.substring(start, end);
    }
}
