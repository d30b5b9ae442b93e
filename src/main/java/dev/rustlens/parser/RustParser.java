package dev.rustlens.parser;

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
 * already hold, never copied back out of native memory. The file is copied as it is (UTF-16
 * chars, little-endian like the machine) into a native buffer and parsed by one direct call:
 * jtreesitter would encode each string through a charset encoder into a fresh array first,
 * which cost 5% of the analysis.
 *
 * <p>The budget is enforced by tree-sitter itself: the core we build (0.25) still has
 * {@code ts_parser_set_timeout_micros}, checked every hundred parser operations. Parsing through
 * jtreesitter's progress callback instead costs a Java upcall every few hundred steps, a third of
 * the parse time. Core 0.26 removes the timeout; docs/native.md says how the budget moves then.
 */
public final class RustParser extends NativeOwner {

    /** Files up to this many chars reuse one native buffer; a bigger one gets its own, freed after the parse. */
    private static final int REUSED_BUFFER_CHARS = 1 << 19;
    private static final ValueLayout.OfChar UTF16_LE = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment parser;
    private final Arena bufferArena = Arena.ofShared();
    private final MemorySegment buffer = bufferArena.allocate(2L * REUSED_BUFFER_CHARS, 2);
    private final char[] chars = new char[REUSED_BUFFER_CHARS];
    private final NodeScratch scratch = new NodeScratch();

    public RustParser() {
        super("this parser is closed");
        try {
            parser = (MemorySegment) TreeSitterNative.PARSER_NEW.invokeExact();
            boolean accepted = (boolean) TreeSitterNative.PARSER_SET_LANGUAGE.invokeExact(parser,
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
        checkOpen();
        long micros = budget.remainingMicros();
        if (micros <= 0) {
            return Optional.empty();
        }
        int length = source.length();
        if (length <= REUSED_BUFFER_CHARS) {
            source.getChars(0, length, chars, 0);
            MemorySegment.copy(chars, 0, buffer, UTF16_LE, 0, length);
            return parse(buffer, length, micros);
        }
        try (Arena large = Arena.ofConfined()) {
            MemorySegment text = large.allocate(2L * length, 2);
            char[] all = source.toCharArray();
            MemorySegment.copy(all, 0, text, UTF16_LE, 0, length);
            return parse(text, length, micros);
        }
    }

    private Optional<SyntaxTree> parse(MemorySegment text, int length, long timeoutMicros) {
        try {
            TreeSitterNative.PARSER_SET_TIMEOUT_MICROS.invokeExact(parser, timeoutMicros);
            MemorySegment tree = (MemorySegment) TreeSitterNative.PARSER_PARSE_STRING_ENCODING.invokeExact(parser,
                    MemorySegment.NULL, text, 2 * length, TreeSitterNative.UTF16_LE);
            if (tree.equals(MemorySegment.NULL)) {
                // A parse stopped by the timeout would resume on the next call; the next file starts clean.
                TreeSitterNative.PARSER_RESET.invokeExact(parser);
                return Optional.empty();
            }
            return Optional.of(new SyntaxTree(tree.address(), scratch));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /** Deletes the parser and the memory its trees hand nodes over in. */
    @Override
    void release() {
        try {
            TreeSitterNative.PARSER_DELETE.invokeExact(parser);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        } finally {
            try {
                scratch.close();
            } finally {
                bufferArena.close();
            }
        }
    }
}
