package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Optional;

/**
 * One tree-sitter parser for Rust; not thread-safe, so each analysis thread keeps its own.
 *
 * <p>Source is handed over as UTF-16 so that byte offsets in the tree are exactly twice the
 * Java {@code char} offsets in the source string: text is then sliced from the string we
 * already hold, never copied back out of native memory.
 */
public final class RustParser implements AutoCloseable {

    /** Characters handed to tree-sitter per read; large enough that reads are rare. */
    private static final int CHUNK_CHARS = 1 << 16;

    private final Parser parser = new Parser(RustGrammar.language());

    /**
     * Parses {@code source}, or returns empty when the budget ran out first.
     * The caller owns the tree and must close it.
     */
    public Optional<Tree> parse(String source, ParseBudget budget) {
        Parser.Options options = new Parser.Options(state -> budget.exhausted());
        Optional<Tree> tree = parser.parse((byteOffset, point) -> chunkAt(source, byteOffset / 2),
                InputEncoding.UTF_16LE, options);
        if (tree.isEmpty()) {
            // A cancelled parse leaves state behind; the next file must start clean.
            parser.reset();
        }
        return tree;
    }

    private static String chunkAt(String source, int charOffset) {
        if (charOffset >= source.length()) {
            return "";
        }
        int end = Math.min(source.length(), charOffset + CHUNK_CHARS);
        // Never split a surrogate pair between two reads.
        if (end < source.length() && Character.isHighSurrogate(source.charAt(end - 1))) {
            end++;
        }
        return source.substring(charOffset, end);
    }

    @Override
    public void close() {
        parser.close();
    }
}
