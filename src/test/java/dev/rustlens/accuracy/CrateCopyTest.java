package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CrateCopyTest {

    /** bytes-1.2.1's manifest, shortened: cargo's normalised form, as Debian ships it. */
    private static final String MANIFEST = """
            [package]
            name = "bytes"

            [dev-dependencies.serde_test]
            version = "1.0"

            [features]
            std = []

            [target."cfg(loom)".dev-dependencies.loom]
            version = "0.5"
            """;

    @Test
    void aDroppedDevDependencyLosesItsTableAndTheEditIsSaid() {
        List<String> edits = new ArrayList<>();
        String edited = CrateCopy.dropDevDependency(MANIFEST, "loom", edits);
        assertEquals(MANIFEST.substring(0, MANIFEST.indexOf("[target.")), edited);
        assertEquals(List.of("Cargo.toml: deleted the dev-dependency [target.\"cfg(loom)\".dev-dependencies.loom]"), edits);
        String withoutSerdeTest = CrateCopy.dropDevDependency(MANIFEST, "serde_test", edits);
        assertTrue(withoutSerdeTest.contains("[features]\nstd = []") && !withoutSerdeTest.contains("serde_test"));
    }

    @Test
    void droppingWhatIsNotThereFails() {
        assertThrows(IllegalArgumentException.class, () -> CrateCopy.dropDevDependency(MANIFEST, "criterion", new ArrayList<>()));
    }

    @Test
    void cargoIsOfflineOnThePrivateRegistry() {
        String config = CrateCopy.cargoConfig(Path.of("/tmp/registry"));
        assertTrue(config.contains("replace-with = \"debian\""));
        assertTrue(config.contains("directory = \"/tmp/registry\""));
        assertTrue(config.contains("offline = true"));
    }
}
