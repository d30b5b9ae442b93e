package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.treesitter.jtreesitter.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SyntaxQueryTest {

    /**
     * Node kinds that only occur as aliases (field_identifier and type_identifier are identifiers
     * renamed by their parent's production), kinds inside hidden nodes and extras (comments), and
     * a root that is also the tree's root: the rooted walk must find every one where a query run
     * over the whole tree does.
     */
    @Test
    void rootedRunsFindAliasedHiddenAndExtraNodes() {
        String querySource = """
                (field_identifier) @field
                (type_identifier) @type
                (shorthand_field_identifier) @shorthand
                (line_comment) @comment
                (source_file (function_item) @first)
                (token_tree (identifier) @macro_word)
                (binary_expression left: (_) @left)
                """;
        String source = """
                // a comment at the top
                struct Point { x: i32, y: i32 }
                macro_rules! twice { ($e:expr) => { $e + $e /* inside */ }; }
                fn norm(p: &Point) -> i32 {
                    let Point { x, y } = *p; // shorthand
                    let q = Point { x, y };
                    twice!(q.x * q.x) + p.y * p.y
                }
                """;
        try (Query query = new Query(RustGrammar.language(), querySource);
                RustParser parser = new RustParser();
                SyntaxTree tree = parser.parse(source, ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
            SyntaxQuery rooted = new SyntaxQuery(query, querySource, pattern -> true);
            SyntaxNode root = tree.getRootNode();
            List<String> whole = describe(rooted.matches(root, root.getStartByte(), root.getEndByte(), () -> false));
            assertEquals(whole, describe(rooted.matches(root, () -> false)));
            assertEquals(19, whole.size(), whole.toString());
        }
    }

    private static List<String> describe(List<SyntaxMatch> matches) {
        List<String> described = new ArrayList<>();
        for (SyntaxMatch match : matches) {
            for (SyntaxMatch.Capture capture : match.captures()) {
                described.add(capture.name() + "@" + capture.node().getStartByte() + "-" + capture.node().getEndByte());
            }
        }
        described.sort(null);
        return described;
    }
}
