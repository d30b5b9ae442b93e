package dev.rustlens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class QuantitiesTest {

    @Test
    void timesScaleByThousandsUpToSeconds() {
        assertEquals("6.507 µs", Quantities.scaled(6_506.717, "ns"));
        assertEquals("812.0 ns", Quantities.scaled(812, "ns"));
        assertEquals("38.50 ms", Quantities.scaled(38_500_000, "ns"));
        assertEquals("2.000 s", Quantities.scaled(2e9, "ns"));
        assertEquals("3,600 s", Quantities.scaled(3.6e12, "ns"));
    }

    @Test
    void byteRatesScaleBy1024() {
        assertEquals("724.7 MiB/s", Quantities.scaled(759_883_190.817, "B/s"));
        assertEquals("724.7 ± 36.72 MiB/s", Quantities.scaledWithSpread(759_883_190.817, 38_499_945.551, "B/s"));
        assertEquals("512.0 B/s", Quantities.scaled(512, "B/s"));
    }

    @Test
    void otherRatesScaleByThousandsAndUnitlessValuesStayPlain() {
        assertEquals("1.235 M elements/s", Quantities.scaled(1_234_567, "elements/s"));
        assertEquals("12.50", Quantities.scaled(12.5, ""));
        assertEquals("6.410 – 6.620 µs", Quantities.scaledRange(6_410, 6_620, "ns"));
    }
}
