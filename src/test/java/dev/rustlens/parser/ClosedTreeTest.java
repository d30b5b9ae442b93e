package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.treesitter.jtreesitter.Query;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A node kept after its tree (or its parser) is closed is an {@link IllegalStateException} that
 * says so, never a read of freed native memory; without the guard these calls would read freed
 * memory and crash the JVM or return garbage.
 */
class ClosedTreeTest {

    private static final String SOURCE = "mod m { fn f(x: u8) -> u8 { unsafe { g(x) } } }\n";
    private static final String QUERY = "(unsafe_block) @u";

    @Test
    void everyNativeAccessThroughANodeOfAClosedTreeThrows() {
        try (RustParser parser = new RustParser(); Query query = new Query(RustGrammar.language(), QUERY)) {
            SyntaxTree tree = parse(parser);
            SyntaxNode root = tree.getRootNode();
            SyntaxNode module = root.getNamedChildren().getFirst();
            // Asked once while the tree is open, so the answer is remembered: it must throw all the same.
            assertEquals(root, module.getParent().orElseThrow());
            tree.close();

            assertAllThrow("this syntax tree is closed", navigation(module, new SyntaxQuery(query, QUERY, p -> true)));
            assertThrows(IllegalStateException.class, tree::getRootNode);
            // What the node holds in Java stays readable.
            assertEquals("mod_item", module.getType());
            assertEquals(0, module.getStartByte());
            tree.close(); // a second close deletes nothing twice
        }
    }

    @Test
    void aTreeThatOutlivesItsParserThrowsToo() {
        SyntaxTree tree;
        SyntaxNode module;
        try (RustParser parser = new RustParser()) {
            tree = parse(parser);
            module = tree.getRootNode().getNamedChildren().getFirst();
        }
        try (tree) {
            // The tree itself is intact, but the memory nodes are handed over in belonged to the parser.
            assertAllThrow("the parser that made this syntax tree is closed", Map.of(
                    "getChildren", module::getChildren,
                    "getChildByFieldName", () -> module.getChildByFieldName("name"),
                    "getRootNode", tree::getRootNode));
        }
    }

    @Test
    void aClosedParserRefusesToParse() {
        RustParser parser = new RustParser();
        parser.close();
        assertThrows(IllegalStateException.class, () -> parse(parser));
        parser.close();
    }

    private static SyntaxTree parse(RustParser parser) {
        return parser.parse(SOURCE, ParseBudget.of(Duration.ofSeconds(5))).orElseThrow();
    }

    /** Every public call of a node that reaches into its tree, and a query over it, by name. */
    private static Map<String, Executable> navigation(SyntaxNode node, SyntaxQuery query) {
        return Map.ofEntries(
                Map.entry("getParent", node::getParent),
                Map.entry("getNextNamedSibling", node::getNextNamedSibling),
                Map.entry("getChildCount", node::getChildCount),
                Map.entry("getNamedChildCount", node::getNamedChildCount),
                Map.entry("getChild", () -> node.getChild(0)),
                Map.entry("getChildren", node::getChildren),
                Map.entry("getNamedChildren", node::getNamedChildren),
                Map.entry("getChildByFieldName", () -> node.getChildByFieldName("name")),
                Map.entry("getDescendant", () -> node.getDescendant(0, 2)),
                Map.entry("matches", () -> query.matches(node, () -> false)),
                Map.entry("matches in a range", () -> query.matches(node, 0, 2, () -> false)));
    }

    private static void assertAllThrow(String message, Map<String, Executable> calls) {
        calls.forEach((name, call) -> {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, call, name);
            assertTrue(thrown.getMessage().contains(message), name + ": " + thrown.getMessage());
        });
    }
}
