package dev.rustlens.text;

/** Optional text from forms and query strings, where an empty or blank value means "not given". */
public final class Blank {

    private Blank() {
    }

    /** The value stripped, or null when it is missing or blank. */
    public static String toNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
