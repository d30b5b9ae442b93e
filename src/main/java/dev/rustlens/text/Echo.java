package dev.rustlens.text;

/**
 * A piece of a request quoted back in an error message: at most {@value #MAX_CHARS} characters of
 * it, control and invisible characters shown escaped, so that an answer never carries a caller's
 * megabytes back nor anything a terminal or page would act on.
 */
public final class Echo {

    /** The most characters of an input an error message repeats. */
    public static final int MAX_CHARS = 40;

    private Echo() {
    }

    /** {@code input} in single quotes, cut to a short prefix and made visible. */
    public static String quoted(String input) {
        return input == null ? "(none)" : "'" + prefix(input) + "'";
    }

    /** The first {@value #MAX_CHARS} characters of {@code input}, made visible, to show back in a form. */
    public static String prefix(String input) {
        return VisibleText.escape(input.length() > MAX_CHARS ? input.substring(0, MAX_CHARS) + "…" : input);
    }
}
