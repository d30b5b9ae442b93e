package dev.rustlens.analysis;

import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxQuery.RawCaptures;
import io.github.treesitter.jtreesitter.Query;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text predicates of a query's patterns ({@code #eq?}, {@code #match?}, {@code #any-of?} and
 * their {@code not-} forms), evaluated against the source text we hold. tree-sitter's C core
 * leaves text predicates to its client, and our matches come straight from the C cursor, not
 * through jtreesitter: without this every predicate would be ignored.
 */
final class QueryPredicates {

    private final List<List<Predicate>> byPattern;

    /** The text predicates this class evaluates (each with a {@code not-} form). */
    private static final java.util.Set<String> TEXT_PREDICATES = java.util.Set.of("eq?", "match?", "any-of?");
    /** Property assertions and directives that tree-sitter's query itself handles. */
    private static final java.util.Set<String> TREE_SITTER_OWN = java.util.Set.of("is?", "is-not?", "set!");

    private QueryPredicates(List<List<Predicate>> byPattern) {
        this.byPattern = byPattern;
    }

    /** Reads the predicates of every pattern of {@code query}, compiled from {@code source}. */
    static QueryPredicates of(Query query, String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        List<String> captureNames = query.getCaptureNames();
        List<List<Predicate>> byPattern = new ArrayList<>();
        for (int pattern = 0; pattern < query.getPatternCount(); pattern++) {
            int start = query.startByteForPattern(pattern);
            int end = query.endByteForPattern(pattern);
            byPattern.add(parse(new String(bytes, start, end - start, StandardCharsets.UTF_8), captureNames));
        }
        return new QueryPredicates(byPattern);
    }

    /**
     * Whether every predicate of the pattern holds for the captured text, tested on the match
     * still in tree-sitter's memory: most candidate calls (any {@code x.f()} for {@code unwrap})
     * fail here and are never copied out.
     */
    boolean hold(int pattern, RawCaptures captures, SourceText source) {
        for (Predicate predicate : byPattern.get(pattern)) {
            if (!predicate.holds(captures, source.text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One predicate: its name without {@code not-} and {@code ?}, the index of the capture it
     * tests, and its other arguments; {@code operandCapture} is the index of a capture given as
     * {@code #eq?}'s second argument, else -1.
     */
    private record Predicate(String name, boolean negated, int capture, List<String> arguments, int operandCapture,
            Pattern regex) {

        boolean holds(RawCaptures captures, String text) {
            // As in tree-sitter: every node of the capture must pass; an absent capture passes.
            for (int i = 0; i < captures.count(); i++) {
                if (captures.nameIndex(i) != capture) {
                    continue;
                }
                int start = captures.startChar(i);
                int end = captures.endChar(i);
                boolean result = switch (name) {
                    case "eq" -> equalsOperand(text, start, end, captures);
                    case "match" -> regex.matcher(CharBuffer.wrap(text, start, end)).find();
                    default -> anyOf(text, start, end);
                };
                if (result == negated) {
                    return false;
                }
            }
            return true;
        }

        private boolean anyOf(String text, int start, int end) {
            for (String argument : arguments) {
                if (spells(text, start, end, argument)) {
                    return true;
                }
            }
            return false;
        }

        private boolean equalsOperand(String text, int start, int end, RawCaptures captures) {
            if (operandCapture < 0) {
                return spells(text, start, end, arguments.getFirst());
            }
            for (int i = 0; i < captures.count(); i++) {
                if (captures.nameIndex(i) == operandCapture) {
                    int otherStart = captures.startChar(i);
                    return captures.endChar(i) - otherStart == end - start
                            && text.regionMatches(start, text, otherStart, end - start);
                }
            }
            return false;
        }

        /** Whether the text between {@code start} and {@code end} is exactly {@code word}, read in place. */
        private static boolean spells(String text, int start, int end, String word) {
            return word.length() == end - start && text.startsWith(word, start);
        }
    }

    /** The text predicates in one pattern's source; other predicates and directives are not ours. */
    private static List<Predicate> parse(String pattern, List<String> captureNames) {
        List<Predicate> predicates = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ';') {
                i = lineEnd(pattern, i);
            } else if (c == '"') {
                i = stringEnd(pattern, i);
            } else if (pattern.startsWith("(#", i)) {
                List<String> tokens = new ArrayList<>();
                i = predicateTokens(pattern, i + 1, tokens);
                predicate(tokens, captureNames).ifPresent(predicates::add);
            } else {
                i++;
            }
        }
        return List.copyOf(predicates);
    }

    private static Optional<Predicate> predicate(List<String> tokens, List<String> captureNames) {
        String full = tokens.isEmpty() ? "" : tokens.getFirst().substring(1);
        if (TREE_SITTER_OWN.contains(full)) {
            return Optional.empty(); // tree-sitter evaluates these itself
        }
        boolean negated = full.startsWith("not-");
        String name = full.substring(negated ? 4 : 0);
        if (!TEXT_PREDICATES.contains(name)) {
            // An unknown predicate would be ignored and the pattern match everything it shapes.
            throw new IllegalStateException("unknown query predicate #" + full + " (known: #eq?, #match?, #any-of?, "
                    + "their #not- forms, #is?, #is-not?, #set!)");
        }
        if (tokens.size() < 3 || !tokens.get(1).startsWith("@")) {
            throw new IllegalStateException("#" + full + " needs a capture and an argument: " + String.join(" ", tokens));
        }
        name = name.replace("?", "");
        List<String> arguments = List.copyOf(tokens.subList(2, tokens.size()));
        Pattern regex = name.equals("match") ? Pattern.compile(arguments.getFirst()) : null;
        int operand = arguments.getFirst().startsWith("@") ? captureNames.indexOf(arguments.getFirst().substring(1)) : -1;
        if (name.equals("eq") && arguments.getFirst().startsWith("@") && operand < 0) {
            throw new IllegalStateException("#eq? compares with @" + arguments.getFirst().substring(1)
                    + ", which no pattern captures");
        }
        return Optional.of(new Predicate(name, negated, captureNames.indexOf(tokens.get(1).substring(1)), arguments,
                operand, regex));
    }

    /** Reads the tokens of a predicate starting at {@code #} up to its closing parenthesis. */
    private static int predicateTokens(String pattern, int start, List<String> tokens) {
        int i = start;
        while (i < pattern.length() && pattern.charAt(i) != ')') {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = stringEnd(pattern, i);
                tokens.add(unescape(pattern.substring(i + 1, end - 1)));
                i = end;
            } else {
                int end = i;
                while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))
                        && pattern.charAt(end) != ')' && pattern.charAt(end) != '"') {
                    end++;
                }
                tokens.add(pattern.substring(i, end));
                i = end;
            }
        }
        return i + 1;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end + 1;
    }

    /** The offset just past the string literal opening at {@code from}. */
    private static int stringEnd(String text, int from) {
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
