package dev.rustlens.analysis;

import java.util.Locale;
import java.util.Set;

/** Decides, as rustdoc does, whether a fenced code block in docs is a doctest that runs. */
final class Doctests {

    private static final Set<String> RUST_TAGS = Set.of("rust", "no_run", "should_panic", "compile_fail",
            "test_harness", "standalone_crate", "edition2015", "edition2018", "edition2021", "edition2024", "");

    private Doctests() {
    }

    /**
     * Whether a block with this info string (the text after the opening fence) is a doctest:
     * Rust code (no tag, or only rustdoc's own tags) that is not {@code ignore}d.
     */
    static boolean runs(String infoString) {
        String info = infoString.strip().toLowerCase(Locale.ROOT);
        if (info.startsWith("{") && info.endsWith("}")) {
            info = info.substring(1, info.length() - 1);
        }
        boolean rust = false;
        boolean other = false;
        for (String token : info.split("[,\\s]+")) {
            String tag = token.startsWith(".") ? token.substring(1) : token;
            if (tag.equals("ignore") || tag.equals("text")) {
                return false;
            }
            if (tag.equals("rust")) {
                rust = true;
            } else if (!RUST_TAGS.contains(tag) && !tag.startsWith("ignore-") && !tag.matches("e\\d{4}")) {
                other = true;
            }
        }
        return rust || !other;
    }
}
