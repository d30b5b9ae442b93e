package dev.rustlens.analysis.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CargoManifest.Dependency;
import dev.rustlens.analysis.cargo.CargoManifest.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CargoManifestDependenciesTest {

    private static CargoManifest manifest(String path, String text) throws Exception {
        return CargoManifest.parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static CargoManifest fixture(String file) throws Exception {
        return manifest(file, DependencyFixtures.text("workspace-v4", file));
    }

    @Test
    void everyTableRenameInheritanceAndSourceOfARealMemberManifest() throws Exception {
        List<Dependency> dependencies = fixture("app/Cargo.toml").dependencies(Optional.of(fixture("Cargo.toml")));

        Optional<String> none = Optional.empty();
        assertEquals(List.of(
                new Dependency("util", "util", Section.NORMAL, "*", false, none, Optional.of("../util"), none, 7, none),
                new Dependency("log", "log", Section.NORMAL, "0.4", false, none, none, none, 8, none),
                new Dependency("json", "serde_json", Section.NORMAL, "1.0", false, none, none, none, 9, none),
                new Dependency("helper", "helper", Section.NORMAL, "*", false, none, Optional.of("../extern/helper"), none,
                        10, none),
                new Dependency("either", "either", Section.NORMAL, "1.6", true, none, none, none, 11, none),
                new Dependency("cc", "cc", Section.BUILD, "1.0", false, none, none, none, 17, none),
                new Dependency("version_check", "version_check", Section.BUILD, "0.9", false, none, none, none, 18, none),
                new Dependency("gitdep", "gitdep", Section.DEV, "*", false, none, none,
                        Optional.of("file:///tmp/lockgraph/gitdep"), 21, none),
                new Dependency("memchr", "memchr", Section.DEV, "2.5", false, none, none, none, 22, none),
                new Dependency("quickcheck", "quickcheck", Section.DEV, "1", false, none, none, none, 23, none),
                new Dependency("libc", "libc", Section.NORMAL, "0.2", false, Optional.of("cfg(unix)"), none, none, 14, none)),
                dependencies);
    }

    @Test
    void theOldUnderscoreSpellingIsRead() throws Exception {
        List<Dependency> dependencies = fixture("util/Cargo.toml").dependencies(Optional.of(fixture("Cargo.toml")));

        assertEquals(List.of("NORMAL memchr 2.5 @7", "BUILD autocfg 1 @13", "DEV static_assertions 1 @10"),
                dependencies.stream().map(d -> d.section() + " " + d.name() + " " + d.requirement() + " @" + d.line())
                        .toList());
    }

    @Test
    void subTablesQuotedKeysAndTargetTablesFindTheirLines() throws Exception {
        CargoManifest manifest = manifest("Cargo.toml", """
                [package]
                name = "x"
                version = "0.1.0"

                [dependencies.serde]
                version = "1"
                features = [
                  "derive",
                ]

                [dependencies]
                "quoted-name" = "2"
                dotted.version = "3"
                dotted.optional = true

                [target."cfg(target_os = \\"linux\\")".build-dependencies]
                cc = { version = "1", package = "cc-fork" }

                [target.x86_64-pc-windows-msvc.dev-dependencies.winapi]
                version = "0.3"
                """);

        assertEquals(List.of("NORMAL serde 1 @5 -", "NORMAL quoted-name 2 @12 -", "NORMAL dotted 3 @13 -",
                "BUILD cc-fork 1 @17 cfg(target_os = \"linux\")", "DEV winapi 0.3 @19 x86_64-pc-windows-msvc"),
                manifest.dependencies(Optional.empty()).stream().map(d -> d.section() + " " + d.name() + " "
                        + d.requirement() + " @" + d.line() + " " + d.target().orElse("-")).toList());
        assertEquals(true, manifest.dependencies(Optional.empty()).get(2).optional());
    }

    @Test
    void inheritingWhatTheWorkspaceDoesNotDeclareIsAProblem() throws Exception {
        CargoManifest member = manifest("m/Cargo.toml", """
                [package]
                name = "m"
                version = "0.1.0"

                [dependencies]
                rand = { workspace = true, optional = true }
                """);

        Dependency rand = member.dependencies(Optional.of(fixture("Cargo.toml"))).get(0);

        assertEquals("*", rand.requirement());
        assertEquals(true, rand.optional());
        assertEquals(6, rand.line());
        assertEquals(Optional.of("`rand` says `workspace = true` but the workspace's [workspace.dependencies] does not "
                + "declare it"), rand.problem());
    }
}
