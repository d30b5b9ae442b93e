package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.parser.RustGrammar;
import io.github.treesitter.jtreesitter.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A predicate the engine does not evaluate stops the catalogue instead of matching everything. */
@Tag("fast")
class QueryPredicatesTest {

    @Test
    void aMisspelledPredicateIsAnError() {
        String source = "((identifier) @name (#eqq? @name \"unwrap\"))";
        try (Query query = new Query(RustGrammar.language(), source)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> QueryPredicates.of(query, source));
            assertTrue(error.getMessage().contains("#eqq?"), error.getMessage());
        }
    }

    @Test
    void thePredicatesTheEngineAndTreeSitterEvaluateAreAccepted() {
        String source = """
                ((identifier) @name (#eq? @name "a") (#not-eq? @name "b") (#match? @name "^c") (#not-match? @name "d")
                  (#any-of? @name "e" "f") (#not-any-of? @name "g"))
                ((MISSING) @gap (#is? only-with-syntax-errors))
                """;
        try (Query query = new Query(RustGrammar.language(), source)) {
            assertDoesNotThrow(() -> QueryPredicates.of(query, source));
        }
    }
}
