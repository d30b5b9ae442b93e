package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TallyTest {

    @Test
    void precisionAndRecall() {
        Tally tally = new Tally(90, 10, 30);
        assertEquals(OptionalDouble.of(0.9), tally.precision());
        assertEquals(OptionalDouble.of(0.75), tally.recall());
        assertEquals("0.90", Tally.format(tally.precision()));
    }

    @Test
    void undefinedWithoutFindingsOrHits() {
        Tally tally = new Tally(0, 0, 4);
        assertEquals(OptionalDouble.empty(), tally.precision());
        assertEquals(OptionalDouble.of(0), tally.recall());
        assertEquals("–", Tally.format(tally.precision()));
        assertEquals("0.00", Tally.format(tally.recall()));
    }

    @Test
    void talliesAddUp() {
        assertEquals(new Tally(3, 5, 7), new Tally(1, 2, 3).plus(new Tally(2, 3, 4)).plus(Tally.ZERO));
    }
}
