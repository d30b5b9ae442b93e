package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.treesitter.jtreesitter.Tree;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BundledLibraryLookupTest {

    @Test
    void theLibraryIsAResourceAndParsesRust() {
        assertNotNull(BundledLibraryLookup.class.getResource(BundledLibraryLookup.resourcePath()),
                "the build packs the native library as a resource");
        assertFalse(System.getProperty("java.library.path").contains("rustlens"));
        assertEquals("rust", RustGrammar.language().getName());
        try (RustParser parser = new RustParser();
                Tree tree = parser.parse("fn main() { unsafe { f() } }", ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
            assertEquals("(source_file (function_item name: (identifier) parameters: (parameters) "
                    + "body: (block (expression_statement (unsafe_block (block (call_expression "
                    + "function: (identifier) arguments: (arguments))))))))", tree.getRootNode().toSexp());
            assertFalse(tree.getRootNode().hasError());
        }
    }

    @Test
    void aParserIsReusableAfterAnExhaustedBudget() {
        try (RustParser parser = new RustParser()) {
            String big = "fn f() { let x = 1; }\n".repeat(200_000);
            assertTrue(parser.parse(big, ParseBudget.of(Duration.ZERO)).isEmpty(), "no time: the parse gives up");
            try (Tree tree = parser.parse("fn g() {}", ParseBudget.of(Duration.ofSeconds(5))).orElseThrow()) {
                assertFalse(tree.getRootNode().hasError());
            }
        }
    }
}
