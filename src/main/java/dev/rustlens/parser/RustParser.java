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
    /** A {@code TSRange}: two points of two {@code uint32_t}, then two {@code uint32_t} byte offsets. */
    private static final long RANGE_BYTES = 24;
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
        return parse(source, null, budget);
    }

    /**
     * Parses only the parts of {@code source} between the char offsets {@code included} gives
     * (pairs of start and end, in order, apart from each other), as if everything between them
     * were not there: nodes keep their offsets in the whole text. The tree is the one the whole
     * text makes when the text between the parts is whitespace and each part ends where a token
     * does (a line comment ends with its line break): the parser skips whitespace anyway, and the
     * parts' rows and columns are those of the whole text, so even error recovery, which weighs
     * the lines it skips, decides the same (IncludedRangesTest).
     */
    public Optional<SyntaxTree> parse(String source, int[] included, ParseBudget budget) {
        checkOpen();
        long micros = budget.remainingMicros();
        if (micros <= 0) {
            return Optional.empty();
        }
        int length = source.length();
        if (length <= REUSED_BUFFER_CHARS) {
            source.getChars(0, length, chars, 0);
            MemorySegment.copy(chars, 0, buffer, UTF16_LE, 0, length);
            return parse(buffer, source, included, micros);
        }
        try (Arena large = Arena.ofConfined()) {
            MemorySegment text = large.allocate(2L * length, 2);
            char[] all = source.toCharArray();
            MemorySegment.copy(all, 0, text, UTF16_LE, 0, length);
            return parse(text, source, included, micros);
        }
    }

    private Optional<SyntaxTree> parse(MemorySegment text, String source, int[] included, long timeoutMicros) {
        try (Arena rangeArena = Arena.ofConfined()) {
            if (included != null && !setIncludedRanges(rangeArena, source, included)) {
                throw new IllegalArgumentException("included ranges out of order or outside the text");
            }
            TreeSitterNative.PARSER_SET_TIMEOUT_MICROS.invokeExact(parser, timeoutMicros);
            MemorySegment tree = (MemorySegment) TreeSitterNative.PARSER_PARSE_STRING_ENCODING.invokeExact(parser,
                    MemorySegment.NULL, text, 2 * source.length(), TreeSitterNative.UTF16_LE);
            if (tree.equals(MemorySegment.NULL)) {
                // A parse stopped by the timeout would resume on the next call; the next file starts clean.
                TreeSitterNative.PARSER_RESET.invokeExact(parser);
                return Optional.empty();
            }
            return Optional.of(new SyntaxTree(tree.address(), scratch));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        } finally {
            if (included != null) {
                setWholeText();
            }
        }
    }

    /**
     * Hands tree-sitter the included ranges as {@code TSRange}s: start and end points (row, and
     * column in bytes), then start and end bytes, all {@code uint32_t}.
     */
    private boolean setIncludedRanges(Arena arena, String source, int[] included) throws Throwable {
        int count = included.length / 2;
        MemorySegment ranges = arena.allocate(RANGE_BYTES * count, 4);
        int row = 0;
        int lineStart = 0;
        // The first line break not yet counted: each is looked for once (a macro inputs' text is
        // blank between its inputs, so a search from each offset would read on to its end).
        int newline = source.indexOf('\n');
        for (int i = 0; i < included.length; i++) {
            int offset = included[i];
            while (newline >= 0 && newline < offset) {
                row++;
                lineStart = newline + 1;
                newline = source.indexOf('\n', lineStart);
            }
            long base = RANGE_BYTES * (i / 2);
            // Start point at 0, end point at 8; start byte at 16, end byte at 20.
            long point = i % 2 == 0 ? 0 : 8;
            ranges.set(ValueLayout.JAVA_INT, base + point, row);
            ranges.set(ValueLayout.JAVA_INT, base + point + 4, 2 * (offset - lineStart));
            ranges.set(ValueLayout.JAVA_INT, base + 16 + 4L * (i % 2), 2 * offset);
        }
        return (boolean) TreeSitterNative.PARSER_SET_INCLUDED_RANGES.invokeExact(parser, ranges, count);
    }

    /** Back to parsing whole texts, which tree-sitter says by no ranges at all. */
    private void setWholeText() {
        try {
            boolean reset = (boolean) TreeSitterNative.PARSER_SET_INCLUDED_RANGES.invokeExact(parser, MemorySegment.NULL, 0);
            if (!reset) {
                throw new IllegalStateException("tree-sitter refused to parse whole texts again");
            }
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
