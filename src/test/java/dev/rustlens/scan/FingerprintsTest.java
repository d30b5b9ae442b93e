package dev.rustlens.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.check.Suppression;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class FingerprintsTest {

    private static Finding at(int line, String context) {
        return new Finding("unwrap_used", Severity.MINOR, "src/lib.rs", line, 5, line, 11, "m", false,
                Suppression.NONE, context);
    }

    @Test
    void linesInsertedAboveKeepTheFingerprint() {
        List<String> before = Fingerprints.of("core", List.of(at(10, "let x = y.unwrap();")));
        List<String> after = Fingerprints.of("core", List.of(at(42, "let x = y.unwrap();")));
        assertEquals(before, after);
    }

    @Test
    void identicalLinesAreTellApartByTheirRank() {
        List<String> prints = Fingerprints.of("core", List.of(at(3, "a.unwrap();"), at(9, "a.unwrap();")));
        assertNotEquals(prints.get(0), prints.get(1));
        assertNotEquals(prints.get(0), Fingerprints.of("other", List.of(at(3, "a.unwrap();"))).getFirst(),
                "the crate is part of the fingerprint");
    }
}
