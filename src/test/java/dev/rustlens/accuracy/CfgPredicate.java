package dev.rustlens.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code cfg} predicate ({@code all(unix, not(feature = "std"))}), read from an attribute's
 * text, that says whether a build with a given set of cfg options compiles the code under it.
 * Options are written as rustc prints them ({@code unix}, {@code target_os="linux"}).
 */
sealed interface CfgPredicate {

    /** Whether the predicate holds for a build with these options. */
    boolean holds(Set<String> options);

    /** A name or a {@code key="value"} pair. */
    record Option(String option) implements CfgPredicate {
        @Override
        public boolean holds(Set<String> options) {
            return options.contains(option);
        }
    }

    /** {@code all(..)}, {@code any(..)}. */
    record Combination(boolean all, List<CfgPredicate> parts) implements CfgPredicate {
        @Override
        public boolean holds(Set<String> options) {
            return all ? parts.stream().allMatch(part -> part.holds(options)) : parts.stream().anyMatch(part -> part.holds(options));
        }
    }

    /** {@code not(..)}. */
    record Not(CfgPredicate inner) implements CfgPredicate {
        @Override
        public boolean holds(Set<String> options) {
            return !inner.holds(options);
        }
    }

    /** Parses the text between {@code cfg(} and its closing parenthesis. */
    static CfgPredicate parse(String text) {
        Reader reader = new Reader(text);
        CfgPredicate predicate = reader.predicate();
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw new IllegalArgumentException("trailing text in cfg predicate: " + text);
        }
        return predicate;
    }

    /** A small recursive-descent reader over the predicate's text. */
    final class Reader {

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        CfgPredicate predicate() {
            String name = identifier();
            skipSpace();
            if (lookingAt('(')) {
                at++;
                List<CfgPredicate> parts = new ArrayList<>();
                skipSpace();
                while (peek() != ')') {
                    parts.add(predicate());
                    skipSpace();
                    if (peek() == ',') {
                        at++;
                        skipSpace();
                    }
                }
                at++;
                if (name.equals("not") && parts.size() == 1) {
                    return new Not(parts.getFirst());
                }
                if (!name.equals("all") && !name.equals("any")) {
                    throw new IllegalArgumentException("not a cfg predicate: " + text);
                }
                return new Combination(name.equals("all"), List.copyOf(parts));
            }
            if (lookingAt('=')) {
                at++;
                skipSpace();
                return new Option(name + "=\"" + string() + "\"");
            }
            return new Option(name);
        }

        private String identifier() {
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at " + start + " in cfg predicate: " + text);
            }
            return text.substring(start, at);
        }

        private String string() {
            if (peek() != '"') {
                throw new IllegalArgumentException("expected a string at " + at + " in cfg predicate: " + text);
            }
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length() && text.charAt(at) != '"'; at++) {
                value.append(text.charAt(at) == '\\' ? text.charAt(++at) : text.charAt(at));
            }
            at++;
            return value.toString();
        }

        private boolean lookingAt(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("cfg predicate ends early: " + text);
            }
            return text.charAt(at);
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }
    }
}
