package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/** The tree-sitter Rust grammar, loaded once from the bundled native library. */
public final class RustGrammar {

    private static final Language LANGUAGE = load();

    private RustGrammar() {
    }

    /** The shared grammar; a {@link Language} is immutable and safe to share between threads. */
    public static Language language() {
        return LANGUAGE;
    }

    private static Language load() {
        SymbolLookup lookup = new BundledLibraryLookup().get(Arena.global());
        return Language.load(lookup, "tree_sitter_rust");
    }
}
