package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.PrintableText;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bidirectional control characters (embeddings, overrides, isolates) in the source: they make
 * code display in another order than the compiler reads it ("Trojan Source", CVE-2021-42574).
 * rustc denies them in literals and comments ({@code text_direction_codepoint_in_literal},
 * {@code text_direction_codepoint_in_comment}) and rejects them elsewhere.
 */
public final class BidiControlCharCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("bidi_control_char",
            "Bidirectional control character that reorders how code is displayed", Category.LINTS, Severity.CRITICAL)
            .suppressedBy("text_direction_codepoint_in_literal", "text_direction_codepoint_in_comment");

    private static final Map<Character, String> NAMES = Map.of(
            '\u202A', "LEFT-TO-RIGHT EMBEDDING", '\u202B', "RIGHT-TO-LEFT EMBEDDING",
            '\u202C', "POP DIRECTIONAL FORMATTING", '\u202D', "LEFT-TO-RIGHT OVERRIDE",
            '\u202E', "RIGHT-TO-LEFT OVERRIDE", '\u2066', "LEFT-TO-RIGHT ISOLATE", '\u2067', "RIGHT-TO-LEFT ISOLATE",
            '\u2068', "FIRST STRONG ISOLATE", '\u2069', "POP DIRECTIONAL ISOLATE");
    private static final Set<String> LITERALS = Set.of("string_literal", "raw_string_literal", "char_literal");

    public BidiControlCharCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode root = match.findNodes(Captures.FINDING).getFirst();
        String text = file.source().text();
        for (int at = firstBidiControl(text); at >= 0 && at < text.length(); at++) {
            char c = text.charAt(at);
            if (!PrintableText.isBidiControl(c)) {
                continue;
            }
            String where = file.commentAt(at).isPresent() ? "a comment"
                    : inside(root, at, LITERALS) ? "a literal" : "the code";
            file.report(this, at, at + 1, String.format(Locale.ROOT, "U+%04X %s in %s: the code is displayed in "
                    + "another order than the compiler reads it (Trojan Source); write it as an escape (\\u{%x})",
                    (int) c, NAMES.get(c), where, (int) c));
        }
    }

    /**
     * Where the first bidirectional control stands, or -1: {@code String.indexOf} answers at once
     * for a text of Latin-1 chars only (most files), where scanning every char cost 1% of a scan.
     */
    private static int firstBidiControl(String text) {
        int first = -1;
        for (char control : NAMES.keySet()) {
            int at = text.indexOf(control);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static boolean inside(SyntaxNode root, int offset, Set<String> kinds) {
        Optional<SyntaxNode> node = root.getDescendant(offset * 2, offset * 2 + 2);
        for (int level = 0; level < 3 && node.isPresent(); level++) {
            if (kinds.contains(node.get().getType())) {
                return true;
            }
            node = node.get().getParent();
        }
        return false;
    }
}
