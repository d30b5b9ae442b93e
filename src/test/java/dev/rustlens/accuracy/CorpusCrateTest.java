package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CorpusCrateTest {

    @Test
    void aLineWithEveryField() {
        List<CorpusCrate> crates = CorpusCrate.parse("""
                # a comment
                bytes-1.2.1 | --all-features | --lib --tests | debian=librust-a-dev,librust-b-dev drop=loom

                regex-1.7.1 | | --all-targets |
                """);
        assertEquals(List.of(
                new CorpusCrate("bytes-1.2.1", List.of("--all-features"), List.of("--lib", "--tests"),
                        List.of("librust-a-dev", "librust-b-dev"), List.of("loom")),
                new CorpusCrate("regex-1.7.1", List.of(), List.of("--all-targets"), List.of(), List.of())), crates);
    }

    @Test
    void anUnknownOptionOrAMissingFieldIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CorpusCrate.parse("x-1 | | --lib | remove=loom"));
        assertThrows(IllegalArgumentException.class, () -> CorpusCrate.parse("x-1 | | --lib"));
    }

    @Test
    void theListHasAtLeastFifteenCrates() {
        List<CorpusCrate> listed = CorpusCrate.listed();
        assertTrue(listed.size() >= 15, listed.size() + " crates");
        assertEquals(listed.size(), listed.stream().map(CorpusCrate::directory).distinct().count());
    }
}
