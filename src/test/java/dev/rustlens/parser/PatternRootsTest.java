package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Query;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PatternRootsTest {

    private static final Language RUST = RustGrammar.language();

    @Test
    void nodesAlternativesAndGroupsWithPredicatesAreRoots() {
        String source = """
                ; a comment (with parentheses) before the first pattern
                (unsafe_block) @unsafe
                (call_expression
                  function: (identifier) @name
                  (#eq? @name "forget")) @call
                ([
                  (struct_item (visibility_modifier) @v)
                  (enum_item name: (_) @name)
                ] @item
                  (#eq? @v "pub"))
                ((macro_invocation macro: (identifier) @m) @finding
                  (#any-of? @m "panic" "todo"))
                (ERROR) @error""";
        assertEquals(Set.of("unsafe_block", "call_expression", "struct_item", "enum_item", "macro_invocation", "ERROR"),
                roots(source, pattern -> true).orElseThrow());
    }

    @Test
    void aPatternThatCouldStartAnywhereLeavesTheQueryWithoutRoots() {
        for (String pattern : new String[] {"(_) @any", "((MISSING) @missing)", "(_expression) @expression",
                "\"unsafe\" @keyword", "((identifier) @a . (identifier) @b)", "(line_comment)+ @comments"}) {
            assertTrue(roots("(unsafe_block) @u\n" + pattern, p -> true).isEmpty(), pattern);
        }
    }

    @Test
    void disabledPatternsAreLeftOut() {
        assertEquals(Set.of("unsafe_block"), roots("(unsafe_block) @u\n((MISSING) @m)", pattern -> pattern == 0).orElseThrow());
    }

    private static Optional<Set<String>> roots(String source, IntPredicate enabled) {
        try (Query query = new Query(RUST, source)) {
            return PatternRoots.of(query, source, RUST, enabled).map(bitmap -> {
                Set<String> names = new TreeSet<>();
                for (int symbol = 0; symbol < bitmap.length * Byte.SIZE; symbol++) {
                    if ((bitmap[symbol >>> 3] >> (symbol & 7) & 1) != 0) {
                        names.add(RUST.getSymbolName((short) symbol));
                    }
                }
                return names;
            });
        }
    }
}
