package dev.rustlens.text;

/** Text written into HTML or XML (pages' raw fragments, SVG badges): its five markup characters escaped. */
public final class Markup {

    private Markup() {
    }

    /** {@code text} with {@code & < > " '} as character references, valid in HTML and in XML alike. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
