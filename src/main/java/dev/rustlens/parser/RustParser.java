package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.ParseCallback;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * One tree-sitter parser for Rust; not thread-safe, so each analysis thread keeps its own.
 *
 * <p>Source is handed over as UTF-16 so that byte offsets in the tree are exactly twice the
 * Java {@code char} offsets in the source string: text is then sliced from the string we
 * already hold, never copied back out of native memory. Small files are copied as they are
 * (UTF-16 chars, little-endian like the machine) into a native buffer this parser reuses, and
 * parsed by a direct call: jtreesitter would encode each string through a charset encoder into
 * a fresh array first, which cost 5% of the analysis.
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
    private final MemorySegment directParser;
    /** The native copy of the file being parsed, grown as needed, freed on close. */
    private final Arena bufferArena = Arena.ofShared();
    private MemorySegment buffer = MemorySegment.NULL;
    private char[] chars = new char[0];

    public RustParser() {
        try {
            directParser = (MemorySegment) TreeSitterNative.PARSER_NEW.invokeExact();
            boolean accepted = (boolean) TreeSitterNative.PARSER_SET_LANGUAGE.invokeExact(directParser,
                    TreeSitterNative.pointer(RustGrammar.language()));
            if (!accepted) {
                throw new IllegalStateException("the Rust grammar's ABI version does not match the tree-sitter library");
            }
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /**
     * Parses {@code source}, or returns empty when the budget ran out first.
     * The caller owns the tree and must close it.
     */
    public Optional<SyntaxTree> parse(String source, ParseBudget budget) {
        if (source.length() <= SMALL_FILE_CHARS) {
            return parseDirectly(source);
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
        return Optional.of(new SyntaxTree(tree.get()));
    }

    private Optional<SyntaxTree> parseDirectly(String source) {
        int length = source.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
            buffer = bufferArena.allocate(2L * chars.length, 2);
        }
        source.getChars(0, length, chars, 0);
        MemorySegment.copy(chars, 0, buffer, ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, length);
        try {
            MemorySegment tree = (MemorySegment) TreeSitterNative.PARSER_PARSE_STRING_ENCODING.invokeExact(directParser,
                    MemorySegment.NULL, buffer, 2 * length, TreeSitterNative.UTF16_LE);
            return tree.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(new SyntaxTree(tree));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
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
        try {
            TreeSitterNative.PARSER_DELETE.invokeExact(directParser);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        } finally {
            bufferArena.close();
        }
    }
}
