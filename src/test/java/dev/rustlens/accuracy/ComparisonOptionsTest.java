package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ComparisonOptionsTest {

    @Test
    void defaultsAndAnEmptyMavenProperty() {
        assertEquals(new ComparisonOptions(false, Path.of("target/accuracy"), Path.of("/usr/share/cargo/registry"), Set.of()),
                ComparisonOptions.parse(""));
    }

    @Test
    void optionsInOneProperty() {
        assertEquals(new ComparisonOptions(true, Path.of("/tmp/w"), Path.of("/usr/share/cargo/registry"),
                Set.of("memchr-2.5.0", "bytes-1.2.1")), ComparisonOptions.parse(" --force-clippy --crates memchr-2.5.0,bytes-1.2.1 ",
                "--work /tmp/w"));
    }

    @Test
    void unknownOrIncomplete() {
        assertThrows(IllegalArgumentException.class, () -> ComparisonOptions.parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> ComparisonOptions.parse("--crates"));
    }
}
