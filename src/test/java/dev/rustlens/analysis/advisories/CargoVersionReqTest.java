package dev.rustlens.analysis.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CargoVersionReq} answers as the Rust {@code semver} crate does (its answers: semver-oracle/README.md). */
@Tag("fast")
class CargoVersionReqTest {

    static Stream<Arguments> oracle() throws IOException {
        try (InputStream in = CargoVersionReqTest.class.getResourceAsStream("/semver-oracle/cargo-version-req.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> {
                String[] columns = line.split("\t", -1);
                return Arguments.of(columns[0], columns[1], columns[2]);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @MethodSource("oracle")
    void answersAsTheSemverCrate(String requirement, String version, String expected) {
        if (expected.equals("error:req")) {
            assertThrows(IllegalArgumentException.class, () -> CargoVersionReq.parse(requirement));
            return;
        }
        CargoVersionReq req = CargoVersionReq.parse(requirement);
        Optional<CargoVersion> parsed = CargoVersion.parse(version);
        if (expected.equals("error:version")) {
            assertTrue(parsed.isEmpty(), "the crate refuses version " + version);
            assertEquals(false, req.matches(version));
            return;
        }
        assertEquals(Boolean.parseBoolean(expected), req.matches(parsed.orElseThrow()));
    }

    @Test
    void theTableCoversEveryAnswer() throws IOException {
        assertEquals(4, oracle().map(arguments -> arguments.get()[2]).distinct().count());
    }

    @Test
    void errorsSayWhereAndWhat() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CargoVersionReq.parse(">= 1.2.3 < 2"));
        assertEquals("invalid version requirement \">= 1.2.3 < 2\": expected a comma, found '<' (at character 10)",
                error.getMessage());
    }
}
