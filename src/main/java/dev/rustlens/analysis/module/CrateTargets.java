package dev.rustlens.analysis.module;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.cargo.FileRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The root files of a crate's targets, declared in Cargo.toml or found where Cargo looks for them. */
final class CrateTargets {

    /** A target's root file and the role of what it reaches. */
    record Root(String path, FileRole role) {
    }

    private CrateTargets() {
    }

    /** The roots in the order their trees are placed: the library, binaries, the build script, then tests, benches and examples. */
    static List<Root> roots(CrateInfo crate, Set<String> files) {
        List<Root> roots = new ArrayList<>();
        CargoManifest manifest = crate.manifest();
        List<String> declaredRoots = crate.rootFiles();
        if (crate.hasLibrary()) {
            roots.add(new Root(declaredRoots.getFirst(), FileRole.LIBRARY));
        }
        for (String bin : declaredRoots.subList(crate.hasLibrary() ? 1 : 0, declaredRoots.size())) {
            roots.add(new Root(bin, FileRole.BINARY));
        }
        autoDiscovered(crate, files, "bin", "src/bin", roots, FileRole.BINARY);
        manifest.buildScript().flatMap(build -> ModulePaths.relativeTo(crate.directory(), build)).filter(files::contains)
                .ifPresent(build -> roots.add(new Root(build, FileRole.BUILD_SCRIPT)));
        autoDiscovered(crate, files, "test", "tests", roots, FileRole.TEST);
        autoDiscovered(crate, files, "bench", "benches", roots, FileRole.BENCH);
        autoDiscovered(crate, files, "example", "examples", roots, FileRole.EXAMPLE);
        return roots;
    }

    /** Declared targets of a kind, then (unless {@code auto<kind>s = false}) {@code dir/*.rs} and {@code dir/*}{@code /main.rs}. */
    private static void autoDiscovered(CrateInfo crate, Set<String> files, String kind, String directory,
            List<Root> roots, FileRole role) {
        for (String declared : crate.manifest().targetPaths(kind)) {
            ModulePaths.relativeTo(crate.directory(), declared).filter(files::contains)
                    .ifPresent(path -> roots.add(new Root(path, role)));
        }
        // A target declared by name only lives at `dir/name.rs` or `dir/name/main.rs`.
        for (String name : crate.manifest().targetNamesWithoutPath(kind)) {
            List.of(directory + "/" + name + ".rs", directory + "/" + name + "/main.rs").stream()
                    .map(crate::resolve).filter(files::contains).findFirst()
                    .ifPresent(path -> roots.add(new Root(path, role)));
        }
        if (!crate.manifest().autoDiscovers(kind)) {
            return;
        }
        Pattern target = Pattern.compile(Pattern.quote(crate.resolve(directory)) + "/([^/]+\\.rs|[^/]+/main\\.rs)");
        files.stream().filter(path -> target.matcher(path).matches()).sorted()
                .forEach(path -> roots.add(new Root(path, role)));
    }
}
