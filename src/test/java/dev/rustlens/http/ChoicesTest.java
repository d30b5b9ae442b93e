package dev.rustlens.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One wording for a parameter's bad value: the parameter, the values it takes, and what was sent. */
@Tag("fast")
class ChoicesTest {

    private enum Colour {
        RED, GREEN, BLUE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void aNamedConstantIsFoundExactly() {
        assertEquals(Colour.GREEN, Choices.parse("colour", "GREEN", Colour.class));
        assertEquals(Colour.BLUE, Choices.parse("colour", "blue", Colour.class, Colour::wire));
        assertEquals("b", Choices.parse("letter", "b", List.of("a", "b")));
    }

    @Test
    void anAbsentOrBlankValueIsNoChoiceUnlessOneIsRequired() {
        assertNull(Choices.parse("colour", null, Colour.class));
        assertNull(Choices.parse("colour", " ", Colour.class));
        assertNull(Choices.parse("letter", "", List.of("a", "b")));
        assertEquals("colour must be one of red, green or blue, not (none)",
                assertThrows(BadRequest.class, () -> Choices.require("colour", null, Colour.class, Colour::wire))
                        .getMessage());
    }

    @Test
    void aBadValueNamesTheParameterAndTheValuesItTakes() {
        assertEquals("colour must be one of RED, GREEN or BLUE, not 'green'",
                assertThrows(BadRequest.class, () -> Choices.parse("colour", "green", Colour.class)).getMessage());
        assertEquals("letter must be a or b, not 'c'",
                assertThrows(BadRequest.class, () -> Choices.require("letter", "c", List.of("a", "b"))).getMessage());
    }
}
