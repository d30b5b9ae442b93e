package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.ParseCallback;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import java.util.Optional;

/**
 * One tree-sitter parser for Rust; not thread-safe, so each analysis thread keeps its own.
 *
 * <p>Source is handed over as UTF-16 so that byte offsets in the tree are exactly twice the
 * Java {@code char} offsets in the source string: text is then sliced from the string we
 * already hold, never copied back out of native memory.
 *
 * <p>tree-sitter has no timeout of its own. Files over 512K chars are parsed through callbacks
 * that enforce the budget twice: the input callback ends the input once the budget is spent, and
 * the parser's progress callback cancels the parse outright. Those callbacks are Java upcalls
 * (the progress one every few hundred parser steps) and cost a third of the parse time, so the
 * small files that make up nearly all of a repository, which parse in milliseconds, are parsed
 * in one call without them.
 */
public final class RustParser implements AutoCloseable {

    /** Characters handed to tree-sitter per read. */
    private static final int CHUNK_CHARS = 1 << 12;
    /**
     * Files up to this many characters are parsed in one call, without a time check: at
     * tree-sitter's usual 10-15 MB/s that is well under a second.
     */
    private static final int SMALL_FILE_CHARS = 1 << 19;

    private final Parser parser = new Parser(RustGrammar.language());

    /**
     * Parses {@code source}, or returns empty when the budget ran out first.
     * The caller owns the tree and must close it.
     */
    public Optional<Tree> parse(String source, ParseBudget budget) {
        if (source.length() <= SMALL_FILE_CHARS) {
            return parser.parse(source, InputEncoding.UTF_16LE);
        }
        boolean[] cut = {false};
        ParseCallback input = (byteOffset, point) -> {
            if (budget.exhausted()) {
                cut[0] = true;
                return "";
            }
            return chunkAt(source, byteOffset / 2);
        };
        Optional<Tree> tree = parser.parse(input, InputEncoding.UTF_16LE,
                new Parser.Options(state -> budget.exhausted()));
        if (tree.isEmpty() || cut[0]) {
            tree.ifPresent(Tree::close);
            // A cancelled parse leaves state behind; the next file must start clean.
            parser.reset();
            return Optional.empty();
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
