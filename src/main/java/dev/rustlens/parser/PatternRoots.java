package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Query;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The node symbols a query's patterns can start at, read from the query's source: what lets
 * {@link SyntaxQuery} run the query only at those nodes. A pattern whose first node is not one
 * named node kind (a wildcard, {@code (MISSING)}, a supertype, an anonymous node, a sequence of
 * siblings) could start anywhere, and then the query has no roots.
 */
public final class PatternRoots {

    /** One bit per symbol: symbols are unsigned 16-bit numbers, {@code ERROR} is 65535. */
    static final int BITMAP_BYTES = (1 << 16) / Byte.SIZE;

    private final byte[] source;
    private final Language language;
    private int position;

    private PatternRoots(byte[] source, Language language) {
        this.source = source;
        this.language = language;
    }

    /**
     * A bitmap with a bit set for each symbol an enabled pattern of the query starts at, or
     * empty if some enabled pattern could start at any node.
     *
     * @param source the text the query was compiled from
     */
    public static Optional<byte[]> of(Query query, String source, Language language, IntPredicate patternEnabled) {
        PatternRoots reader = new PatternRoots(source.getBytes(StandardCharsets.UTF_8), language);
        byte[] bitmap = new byte[BITMAP_BYTES];
        for (int pattern = 0; pattern < query.getPatternCount(); pattern++) {
            if (!patternEnabled.test(pattern)) {
                continue;
            }
            if (!query.isPatternRooted(pattern)) {
                return Optional.empty();
            }
            reader.position = query.startByteForPattern(pattern);
            Optional<List<Short>> symbols = reader.pattern();
            if (symbols.isEmpty()) {
                return Optional.empty();
            }
            for (short symbol : symbols.get()) {
                int unsigned = Short.toUnsignedInt(symbol);
                bitmap[unsigned >>> 3] |= (byte) (1 << (unsigned & 7));
            }
        }
        return Optional.of(bitmap);
    }

    /**
     * An element with its captures: one node, an alternation of them, or a group of one with its
     * predicates. A quantifier after it would let it match a run of siblings: no roots then.
     */
    private Optional<List<Short>> pattern() {
        Optional<List<Short>> roots = element();
        skipCaptures();
        return roots.isEmpty() || atQuantifier() ? Optional.empty() : roots;
    }

    private Optional<List<Short>> element() {
        skipSpace();
        if (at('[')) {
            position++;
            List<Short> all = new ArrayList<>();
            while (!atEnd() && !at(']')) {
                Optional<List<Short>> alternative = pattern();
                if (alternative.isEmpty()) {
                    return alternative;
                }
                all.addAll(alternative.get());
                skipSpace();
            }
            position++;
            return Optional.of(all);
        }
        if (!at('(')) {
            return Optional.empty();
        }
        int open = position++;
        skipSpace();
        if (at('(') || at('[')) {
            // A group: its first element, then only captures and predicates.
            Optional<List<Short>> first = pattern();
            if (first.isEmpty()) {
                return first;
            }
            while (at('(') && peek(1) == '#') {
                skipBalanced();
                skipSpace();
            }
            if (!at(')')) {
                return Optional.empty();
            }
            position++;
            return first;
        }
        int start = position;
        skipToken();
        String name = new String(source, start, position - start, StandardCharsets.UTF_8);
        if (name.isEmpty() || name.startsWith("_") || name.startsWith("\"") || name.equals("MISSING")) {
            return Optional.empty();
        }
        short symbol = language.getSymbolForName(name, true);
        if (symbol == 0 || language.isSupertype(symbol)) {
            return Optional.empty();
        }
        position = open;
        skipBalanced();
        return Optional.of(List.of(symbol));
    }

    /** Skips the captures after an element, and the space around them. */
    private void skipCaptures() {
        skipSpace();
        while (at('@')) {
            skipToken();
            skipSpace();
        }
    }

    /** Skips a node name or a capture: up to the next blank or bracket. */
    private void skipToken() {
        while (!atEnd() && !Character.isWhitespace(source[position]) && !at('(') && !at(')') && !at('[')
                && !at(']')) {
            position++;
        }
    }

    private boolean atQuantifier() {
        return at('?') || at('*') || at('+');
    }

    /** Skips a parenthesised or bracketed element, strings and comments inside it included. */
    private void skipBalanced() {
        int depth = 0;
        while (!atEnd()) {
            byte c = source[position++];
            if (c == '"') {
                while (!atEnd() && source[position] != '"') {
                    position += source[position] == '\\' ? 2 : 1;
                }
                position++;
            } else if (c == ';') {
                skipComment();
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && --depth == 0) {
                return;
            }
        }
    }

    private void skipSpace() {
        while (!atEnd()) {
            if (Character.isWhitespace(source[position])) {
                position++;
            } else if (source[position] == ';') {
                skipComment();
            } else {
                return;
            }
        }
    }

    /** Skips a {@code ;} comment up to its line's end. */
    private void skipComment() {
        while (!atEnd() && source[position] != '\n') {
            position++;
        }
    }

    private boolean at(char c) {
        return !atEnd() && source[position] == c;
    }

    private int peek(int ahead) {
        return position + ahead < source.length ? source[position + ahead] : -1;
    }

    private boolean atEnd() {
        return position >= source.length;
    }
}
