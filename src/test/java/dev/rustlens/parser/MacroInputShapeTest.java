package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shapes a macro input is read in: the likely one first, the other only where it can parse. */
@Tag("fast")
class MacroInputShapeTest {

    private static MacroInputs.Shape first(String input) {
        return MacroInputs.shapeOf(input, 0, input.length() - 1);
    }

    private static MacroInputs.Shape other(String input) {
        return MacroInputs.otherShapeOf(input, 0, input.length() - 1);
    }

    @Test
    void bracesHoldStatementsAndAreReadAsArgumentsWhenACommaSeparatesTheirTopLevel() {
        // crossbeam's atomic! { T, a, { .. } }
        String atomic = "{ T, a, { a = &*(src as *const _); mem::transmute_copy(&a) } }";
        assertEquals(MacroInputs.Shape.STATEMENTS, first(atomic));
        assertEquals(MacroInputs.Shape.ARGUMENTS, other(atomic));
    }

    @Test
    void statementsWithoutATopLevelCommaAreNotReadAgain() {
        assertNull(other("{ let x = f(a, b); x }"), "the comma is inside a call");
        assertNull(other("{ \"a, b\" }"), "the comma is inside a string");
        assertNull(other("{ vec![1, 2].len() }"), "the comma is inside brackets");
        assertNull(other("(static X: u8 = 1;)"), "parentheses around statements, one of them");
    }

    @Test
    void parenthesesHoldArgumentsUnlessASemicolonShowsStatementsAndBracketsHoldElements() {
        assertEquals(MacroInputs.Shape.ARGUMENTS, first("(a, b)"));
        assertEquals(MacroInputs.Shape.STATEMENTS, other("(a, b)"));
        assertEquals(MacroInputs.Shape.STATEMENTS, first("(static A: u8 = 1; static B: u8 = 2;)"));
        assertEquals(MacroInputs.Shape.ELEMENTS, first("[0; 4]"));
        assertNull(other("[a, b]"));
    }
}
