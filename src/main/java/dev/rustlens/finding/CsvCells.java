package dev.rustlens.finding;

import dev.rustlens.text.VisibleText;

/**
 * RFC 4180 CSV cells that spreadsheets will not run: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice
 * against CSV injection), cells with commas, quotes or line breaks are quoted, and bidirectional
 * controls and invisible characters are written out ({@link VisibleText}).
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String value = VisibleText.escape(text);
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** One record, its cells joined by commas and ended by CRLF. */
    public static String row(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
