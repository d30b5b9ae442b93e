package dev.rustlens.analysis;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxNode;
import io.github.treesitter.jtreesitter.Query;
import dev.rustlens.parser.SyntaxMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text predicates of a query's patterns ({@code #eq?}, {@code #match?}, {@code #any-of?} and
 * their {@code not-} forms), evaluated against the source text we hold. jtreesitter evaluates
 * them only for trees parsed from a String; ours are parsed through a callback (so that parsing
 * can be cancelled), and without this every predicate would be ignored.
 */
final class QueryPredicates {

    private final List<List<Predicate>> byPattern;

    private QueryPredicates(List<List<Predicate>> byPattern) {
        this.byPattern = byPattern;
    }

    /** Reads the predicates of every pattern of {@code query}, compiled from {@code source}. */
    static QueryPredicates of(Query query, String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        List<List<Predicate>> byPattern = new ArrayList<>();
        for (int pattern = 0; pattern < query.getPatternCount(); pattern++) {
            int start = query.startByteForPattern(pattern);
            int end = query.endByteForPattern(pattern);
            byPattern.add(parse(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
        }
        return new QueryPredicates(byPattern);
    }

    /** Whether every predicate of the match's pattern holds for the captured text. */
    boolean hold(SyntaxMatch match, SourceText source) {
        for (Predicate predicate : byPattern.get(match.patternIndex())) {
            if (!predicate.holds(match, source)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One predicate: its name without {@code not-} and {@code ?}, the capture it tests, and its
     * other arguments (a leading {@code @} marks a capture).
     */
    private record Predicate(String name, boolean negated, String capture, List<String> arguments, Pattern regex) {

        boolean holds(SyntaxMatch match, SourceText source) {
            // As in tree-sitter: every node of the capture must pass; an absent capture passes.
            for (SyntaxNode node : match.findNodes(capture)) {
                String text = source.slice(FileContext.start(node), FileContext.end(node));
                boolean result = switch (name) {
                    case "eq" -> text.equals(operand(match, source));
                    case "match" -> regex.matcher(text).find();
                    default -> arguments.contains(text);
                };
                if (result == negated) {
                    return false;
                }
            }
            return true;
        }

        private String operand(SyntaxMatch match, SourceText source) {
            String argument = arguments.getFirst();
            if (!argument.startsWith("@")) {
                return argument;
            }
            List<SyntaxNode> nodes = match.findNodes(argument.substring(1));
            return nodes.isEmpty() ? null
                    : source.slice(FileContext.start(nodes.getFirst()), FileContext.end(nodes.getFirst()));
        }
    }

    /** The text predicates in one pattern's source; other predicates and directives are not ours. */
    private static List<Predicate> parse(String pattern) {
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
                predicate(tokens).ifPresent(predicates::add);
            } else {
                i++;
            }
        }
        return List.copyOf(predicates);
    }

    private static Optional<Predicate> predicate(List<String> tokens) {
        if (tokens.size() < 3 || !tokens.get(1).startsWith("@")) {
            return Optional.empty();
        }
        String full = tokens.getFirst().substring(1);
        boolean negated = full.startsWith("not-");
        String name = full.substring(negated ? 4 : 0).replace("?", "");
        if (!List.of("eq", "match", "any-of").contains(name)) {
            return Optional.empty();
        }
        List<String> arguments = List.copyOf(tokens.subList(2, tokens.size()));
        Pattern regex = name.equals("match") ? Pattern.compile(arguments.getFirst()) : null;
        return Optional.of(new Predicate(name, negated, tokens.get(1).substring(1), arguments, regex));
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
