package dev.rustlens.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads code that rustc accepts but the pinned tree-sitter-rust grammar (0.24) does not: each
 * construct is rewritten, where the first parse failed, into a shape the grammar reads, and the
 * file is parsed again. The grammar cannot be regenerated here (docs/native.md), so this is
 * the fix. Every rewrite keeps the text's length and the offset of every token outside the
 * construct, so nodes of the second tree point at the same places of the original text, which
 * is what findings quote.
 *
 * <p>Rules apply only on lines where the first parse reported an error, so a file that parses
 * is never touched and a rule cannot change code it was not written for.
 */
public final class SyntaxRecovery {

    /** One construct and how it is made readable. */
    public record Rule(String name, Pattern pattern, UnaryOperator<String> replacement) {

        /** A rule that blanks what {@code pattern} matches (its whole match). */
        static Rule blank(String name, String regex) {
            return new Rule(name, Pattern.compile(regex), match -> " ".repeat(match.length()));
        }

        /** A rule that writes {@code text} over what {@code pattern} matches, which must be as long. */
        static Rule overwrite(String name, String regex, String text) {
            return new Rule(name, Pattern.compile(regex), match -> text);
        }
    }

    /**
     * The constructs, each named as the docs and tests name it. A replacement is always as long
     * as its match. A rule whose long lookbehind comes first starts with a lookahead for the
     * match's first chars: the matcher tries every position of the error lines, and a bounded
     * lookbehind of 200 chars tried at each of them cost 0.7 s of a corpus scan.
     */
    public static final List<Rule> RULES = List.of(
            // Edition 2015: `try!(..)` is std's macro and `try` an ordinary name (`try::x`).
            Rule.overwrite("edition-2015 try", "(?<![\\w#$])try(?=\\s*(?:!|::))", "tr_"),
            // `&raw` where `raw` is a variable or a module, not Rust 2024's `&raw const`/`&raw mut`.
            Rule.overwrite("raw as a name", "(?<=&\\s{0,2})raw\\b(?!\\s+(?:const|mut)\\b)", "ra_"),
            // Rust 2024: `unsafe extern "C" { .. }` and the `safe` items inside it.
            Rule.blank("unsafe extern block", "\\bunsafe(?=\\s+extern\\b(?:\\s*\"[^\"]*\")?\\s*\\{)"),
            Rule.blank("safe foreign item", "\\bsafe(?=\\s+(?:fn|static)\\b)"),
            // Unstable items that rustc still parses (behind a feature, or cfg'd out).
            Rule.blank("auto trait", "\\bauto(?=\\s+trait\\b)"),
            Rule.blank("default impl", "\\bdefault(?=\\s+(?:unsafe\\s+)?impl\\b)"),
            Rule.blank("negative inherent impl", "(?<=\\bimpl\\s{1,4})!(?=\\s*(?:[A-Za-z_][\\w:]*|!)\\s*\\{)"),
            // `Literal { #[cfg(x)] inner: a, .. }`: attributes on the fields of a struct pattern.
            Rule.blank("attribute on a field pattern", "#\\[[^\\]\\n]*\\](?=\\s*[A-Za-z_]\\w*\\s*:(?!:))"),
            // Foreign types: `type Foo;` in an extern block, written `type Foo=!;` over the `;` and
            // the two blanks that follow it.
            Rule.overwrite("foreign type", "(?=;\\s\\s)(?<=\\btype\\s{1,4}[A-Za-z_]\\w{0,200}\\s{0,4});\\s\\s", "=!;"),
            // Tokens the grammar's token trees lack: `~` (`Token![~]`) and a lone `$` (`[$]`).
            Rule.overwrite("tilde token", "~", "-"),
            Rule.overwrite("lone dollar token", "\\$(?![\\w({])", "#"),
            // `Result<>`, `Option::<>::None`: empty generic arguments.
            Rule.blank("empty generic arguments", "(?<=\\w)(?:::)?<\\s*>"),
            // `|end| ..=end`: a closure whose body is a range without a start.
            Rule.overwrite("closure returning a range to", "(?<=\\|) (?=\\.\\.=?[\\w(&*-])", "0"),
            // `where (): Trait`: the unit type bounded in a where clause.
            Rule.overwrite("unit type in a where clause", "(?=\\(\\))(?<=(?:\\bwhere|,)\\s{1,200})\\(\\)(?=\\s*:)", "__"),
            // `struct S where T: A;`: a unit struct with a where clause, written `struct S() where ..`
            // with the two chars taken from the blanks after `where`.
            new Rule("unit struct with a where clause",
                    Pattern.compile("(?=\\s+where)(?<=\\bstruct\\s{1,4}[A-Za-z_]\\w{0,200})(\\s+where)(\\s\\s)(?=[^;{]{0,2000};)"),
                    match -> "()" + match.substring(0, match.length() - 2)));

    /** Past this many chars of lines with errors, a file is not Rust with a few misread constructs. */
    static final int MAX_REWRITTEN_CHARS = 1 << 16;
    /** Past this many errors the same holds. */
    static final int MAX_ERRORS = 1000;

    private SyntaxRecovery() {
    }

    /**
     * Parses the text; where the parse fails, parses it again with the rules applied around the
     * errors (twice at most: a rewrite can uncover an error the first one hid), and keeps the tree
     * that reads more of the file. Empty when the budget ran out before a first tree.
     */
    public static Optional<SyntaxTree> parse(RustParser parser, String text, ParseBudget budget) {
        Optional<SyntaxTree> first = parser.parse(text, budget);
        if (first.isEmpty()) {
            return first;
        }
        SyntaxTree best = first.get();
        String current = text;
        for (int round = 0; round < 2 && best.getRootNode().hasError(); round++) {
            SyntaxNode root = best.getRootNode();
            String rewritten = rewrite(current, errorLines(root, current), budget::exhausted);
            if (rewritten == null) {
                break;
            }
            Optional<SyntaxTree> second = parser.parse(rewritten, budget);
            if (second.isEmpty()) {
                break;
            }
            if (errorCount(second.get().getRootNode()) < errorCount(root)) {
                best.close();
                best = second.get();
                current = rewritten;
            } else {
                second.get().close();
                break;
            }
        }
        return Optional.of(best);
    }

    /**
     * The text with every rule applied where it matches a line in {@code errorLines}, or null
     * when no rule matched there, when errors cover more than {@link #MAX_REWRITTEN_CHARS}, or
     * when {@code stop} says the time is up.
     *
     * @param errorLines pairs of first and last char offsets of the lines around each error (the lines before and after included)
     */
    static String rewrite(String text, List<int[]> errorLines, BooleanSupplier stop) {
        int covered = errorLines.stream().mapToInt(range -> range[1] - range[0]).sum();
        if (covered > MAX_REWRITTEN_CHARS || errorLines.size() > MAX_ERRORS) {
            return null; // not code with a few misread constructs: bytes that are not Rust at all
        }
        char[] rewritten = null;
        for (Rule rule : RULES) {
            if (stop.getAsBoolean()) {
                return null;
            }
            Matcher matcher = rule.pattern().matcher(text);
            for (int[] range : errorLines) {
                matcher.region(range[0], range[1]);
                matcher.useTransparentBounds(true);
                while (matcher.find()) {
                    String replacement = rule.replacement().apply(matcher.group());
                    if (replacement.length() != matcher.group().length()) {
                        throw new IllegalStateException("rule " + rule.name() + " changes the text's length");
                    }
                    if (rewritten == null) {
                        rewritten = text.toCharArray();
                    }
                    replacement.getChars(0, replacement.length(), rewritten, matcher.start());
                }
            }
        }
        return rewritten == null ? null : new String(rewritten);
    }

    /** The offsets of the lines that the outermost error nodes of a tree cover, merged. */
    static List<int[]> errorLines(SyntaxNode root, String text) {
        List<int[]> errors = new ArrayList<>();
        collectErrors(root, errors);
        List<int[]> lines = new ArrayList<>();
        for (int[] error : errors) {
            // From the start of the line before: a construct may begin there (`struct S` above `where`).
            int lineStart = text.lastIndexOf('\n', Math.max(0, error[0] - 1));
            int start = lineStart <= 0 ? 0 : text.lastIndexOf('\n', lineStart - 1) + 1;
            // To the end of the next line: a rule may need the blanks after the construct.
            int newline = text.indexOf('\n', Math.min(text.length(), error[1]));
            int next = newline < 0 ? -1 : text.indexOf('\n', newline + 1);
            int end = newline < 0 || next < 0 ? text.length() : next + 1;
            if (!lines.isEmpty() && start <= lines.getLast()[1]) {
                lines.getLast()[1] = Math.max(end, lines.getLast()[1]);
            } else {
                lines.add(new int[] {start, end});
            }
        }
        return lines;
    }

    /** The number of outermost error nodes (ERROR or MISSING) in a tree. */
    static int errorCount(SyntaxNode root) {
        List<int[]> errors = new ArrayList<>();
        collectErrors(root, errors);
        return errors.size();
    }

    /**
     * Descends only into subtrees that hold an error, so a clean tree costs one call; stops past
     * {@link #MAX_ERRORS}, more than any file of Rust with a few misread constructs has.
     */
    private static void collectErrors(SyntaxNode node, List<int[]> errors) {
        if (errors.size() > MAX_ERRORS) {
            return;
        }
        if (node.getType().equals("ERROR") || node.isMissing()) {
            errors.add(new int[] {node.getStartByte() >>> 1, node.getEndByte() >>> 1});
            return;
        }
        if (!node.hasError()) {
            return;
        }
        for (SyntaxNode child : node.getChildren()) {
            collectErrors(child, errors);
        }
    }
}
