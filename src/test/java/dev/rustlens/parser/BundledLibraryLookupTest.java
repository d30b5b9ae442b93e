package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BundledLibraryLookupTest {

    @Test
    void theLibraryIsAResourceAndParsesRust() {
        assertNotNull(BundledLibraryLookup.class.getResource(BundledLibraryLookup.resourcePath()),
                "the build packs the native library as a resource");
        assertFalse(System.getProperty("java.library.path").contains("rustlens"));
        assertEquals("rust", RustGrammar.language().getName());
        String source = "fn main() { unsafe { f() } }";
        try (RustParser parser = new RustParser();
                SyntaxTree tree = parser.parse(source, ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
            assertEquals("(source_file (function_item (identifier) (parameters) (block (expression_statement "
                    + "(unsafe_block (block (call_expression (identifier) (arguments))))))))", sexp(tree.getRootNode()));
            assertFalse(tree.getRootNode().hasError());
            // Offsets are UTF-16 bytes: twice the char offsets in the Java string.
            assertEquals(2 * source.length(), tree.getRootNode().getEndByte());
        }
    }

    @Test
    void nonAsciiSourceKeepsCharOffsets() {
        String source = "/// Größe: 🦀\nfn größe() {}\n";
        try (RustParser parser = new RustParser();
                SyntaxTree tree = parser.parse(source, ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
            SyntaxNode function = tree.getRootNode().getNamedChildren().stream()
                    .filter(node -> node.getType().equals("function_item")).findFirst().orElseThrow();
            SyntaxNode name = function.getChildByFieldName("name").orElseThrow();
            assertEquals("größe", source.substring(name.getStartByte() / 2, name.getEndByte() / 2));
        }
    }

    @Test
    void aParserIsReusableAfterAnExhaustedBudget() {
        try (RustParser parser = new RustParser()) {
            String big = "fn f() { let x = 1; }\n".repeat(200_000);
            assertTrue(parser.parse(big, ParseBudget.of(Duration.ZERO)).isEmpty(), "no time: the parse gives up");
            try (SyntaxTree tree = parser.parse("fn g() {}", ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
                assertFalse(tree.getRootNode().hasError());
            }
        }
    }

    @Test
    void aParseThatOutrunsItsBudgetStopsInsideTreeSitterAndTheNextStartsClean() {
        try (RustParser parser = new RustParser()) {
            // 4.4 MB of code takes tree-sitter a few hundred milliseconds at least: a budget of one
            // millisecond runs out inside the parse, where tree-sitter itself must stop it.
            String big = "fn f() { let x = 1; }\n".repeat(200_000);
            assertTrue(parser.parse(big, ParseBudget.of(Duration.ofMillis(1))).isEmpty(), "the budget stops the parse");
            // A stopped parse would resume on the next call: the next file must get a tree of its own.
            try (SyntaxTree tree = parser.parse("fn g() {}", ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
                assertEquals("(source_file (function_item (identifier) (parameters) (block)))", sexp(tree.getRootNode()));
                assertEquals(2 * "fn g() {}".length(), tree.getRootNode().getEndByte());
            }
        }
    }

    /** The named nodes as an S-expression, without field names. */
    private static String sexp(SyntaxNode node) {
        StringBuilder out = new StringBuilder("(").append(node.getType());
        for (SyntaxNode child : node.getNamedChildren()) {
            out.append(' ').append(sexp(child));
        }
        return out.append(')').toString();
    }
}
