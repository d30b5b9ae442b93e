package dev.rustlens.analysis.cargo;

import dev.rustlens.analysis.source.SourceFile;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the crates of a source tree the way Cargo does: a workspace's members (globs) minus its
 * {@code exclude}, a workspace root's own package, and packages outside any workspace. Every
 * {@code .rs} file then belongs to the package whose directory encloses it most closely.
 */
public final class CrateDiscovery {

    /** The crates found and the role of every {@code .rs} file that belongs to one. */
    public record Layout(List<CrateInfo> crates, Map<String, CrateFile> files, List<String> problems) {
    }

    /** A {@code .rs} file, the crate it belongs to and its role there. */
    public record CrateFile(SourceFile file, CrateInfo crate, FileRole role) {
    }

    private CrateDiscovery() {
    }

    /**
     * Discovers crates from parsed manifests. {@code read} gives a manifest's bytes; a root
     * manifest that does not parse fails the discovery; a workspace member's is replaced by a
     * stand-in with Cargo's defaults ({@link CargoManifest#standIn}); any other is reported as a
     * problem and left out.
     */
    public static Layout discover(List<SourceFile> files, ManifestReader read)
            throws ManifestException, java.io.IOException {
        Map<String, CargoManifest> manifests = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<ManifestException> broken = new ArrayList<>();
        for (SourceFile file : files) {
            if (file.name().equals("Cargo.toml")) {
                try {
                    CargoManifest manifest = read.read(file);
                    manifests.put(manifest.directory(), manifest);
                } catch (ManifestException e) {
                    broken.add(e);
                }
            }
        }
        for (ManifestException e : broken) {
            String path = e.manifestPath();
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            if (dir.isEmpty()) {
                throw e; // without the root manifest there is no telling what the repository holds
            }
            if (enclosingWorkspace(dir, manifests).isPresent()) {
                // One broken member does not hide the others: it is read with Cargo's defaults.
                manifests.put(dir, CargoManifest.standIn(path, e.getMessage()));
                problems.add(e.getMessage() + "; the crate was read with Cargo's defaults");
            } else {
                problems.add(e.getMessage());
            }
        }
        if (manifests.isEmpty()) {
            throw new ManifestException("Cargo.toml", "no Cargo.toml found: this is not a Rust repository");
        }

        Map<String, CrateInfo> crates = new LinkedHashMap<>();
        Set<String> fileSet = new java.util.HashSet<>();
        for (SourceFile file : files) {
            fileSet.add(file.path());
        }
        for (CargoManifest manifest : manifests.values()) {
            if (!manifest.isPackage()) {
                continue;
            }
            Optional<CargoManifest> workspace = enclosingWorkspace(manifest.directory(), manifests);
            if (workspace.isPresent() && !isMember(manifest.directory(), workspace.get())) {
                problems.add(manifest.path() + ": not a member of the workspace in "
                        + displayDir(workspace.get().directory()) + "; left out");
                continue;
            }
            crates.put(manifest.directory(), crateOf(manifest, workspace, fileSet));
        }

        Map<String, CrateFile> roles = new LinkedHashMap<>();
        for (SourceFile file : files) {
            if (!file.path().endsWith(".rs")) {
                continue;
            }
            String owner = nearestPackageDirectory(file.path(), manifests);
            if (owner == null) {
                continue;
            }
            CrateInfo crate = crates.get(owner);
            if (crate != null) {
                roles.put(file.path(), new CrateFile(file, crate, roleOf(crate, crate.relativize(file.path()))));
            }
        }
        List<CrateInfo> sorted = new ArrayList<>(crates.values());
        sorted.sort(Comparator.comparing(CrateInfo::directory));
        return new Layout(List.copyOf(sorted), roles, List.copyOf(problems));
    }

    /** Reads and parses one manifest. */
    @FunctionalInterface
    public interface ManifestReader {
        CargoManifest read(SourceFile file) throws ManifestException, java.io.IOException;
    }

    private static CrateInfo crateOf(CargoManifest manifest, Optional<CargoManifest> workspace, Set<String> files) {
        String dir = manifest.directory();
        Function<String, String> resolve = relative -> dir.isEmpty() ? relative : dir + "/" + relative;
        List<String> roots = new ArrayList<>();
        String lib = manifest.libPath().orElse("src/lib.rs");
        boolean hasLibrary = files.contains(resolve.apply(normalise(lib)));
        if (hasLibrary) {
            roots.add(resolve.apply(normalise(lib)));
        }
        if (files.contains(resolve.apply("src/main.rs"))) {
            roots.add(resolve.apply("src/main.rs"));
        }
        for (String bin : manifest.targetPaths("bin")) {
            String path = resolve.apply(normalise(bin));
            if (files.contains(path) && !roots.contains(path)) {
                roots.add(path);
            }
        }
        return new CrateInfo(manifest.packageName().orElseThrow(), manifest.packageVersion(workspace),
                manifest.edition(workspace), dir, manifest, workspace, List.copyOf(roots), hasLibrary);
    }

    static FileRole roleOf(CrateInfo crate, String relative) {
        CargoManifest manifest = crate.manifest();
        if (manifest.buildScript().map(CrateDiscovery::normalise).filter(relative::equals).isPresent()) {
            return FileRole.BUILD_SCRIPT;
        }
        for (var kind : List.of("test", "bench", "example")) {
            if (manifest.targetPaths(kind).stream().map(CrateDiscovery::normalise).anyMatch(relative::equals)) {
                return switch (kind) {
                    case "test" -> FileRole.TEST;
                    case "bench" -> FileRole.BENCH;
                    default -> FileRole.EXAMPLE;
                };
            }
        }
        if (manifest.targetPaths("bin").stream().map(CrateDiscovery::normalise).anyMatch(relative::equals)) {
            return FileRole.BINARY;
        }
        if (relative.startsWith("tests/")) {
            return FileRole.TEST;
        }
        if (relative.startsWith("benches/")) {
            return FileRole.BENCH;
        }
        if (relative.startsWith("examples/")) {
            return FileRole.EXAMPLE;
        }
        if (relative.startsWith("src/bin/") || relative.equals("src/main.rs")) {
            return FileRole.BINARY;
        }
        return crate.hasLibrary() || crate.rootFiles().isEmpty() ? FileRole.LIBRARY : FileRole.BINARY;
    }

    private static Optional<CargoManifest> enclosingWorkspace(String dir, Map<String, CargoManifest> manifests) {
        String current = dir;
        while (true) {
            CargoManifest manifest = manifests.get(current);
            if (manifest != null && manifest.isWorkspace()) {
                return Optional.of(manifest);
            }
            if (current.isEmpty()) {
                return Optional.empty();
            }
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : current.substring(0, slash);
        }
    }

    private static boolean isMember(String dir, CargoManifest workspace) {
        String wsDir = workspace.directory();
        if (dir.equals(wsDir)) {
            return true;
        }
        String relative = wsDir.isEmpty() ? dir : dir.substring(wsDir.length() + 1);
        for (String excluded : workspace.workspaceExclude()) {
            String prefix = normalise(excluded);
            if (relative.equals(prefix) || relative.startsWith(prefix + "/")) {
                return false;
            }
        }
        for (String member : workspace.workspaceMembers()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalise(member));
            if (matcher.matches(Path.of(relative))) {
                return true;
            }
        }
        return false;
    }

    private static String nearestPackageDirectory(String filePath, Map<String, CargoManifest> manifests) {
        String current = filePath;
        while (!current.isEmpty()) {
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : current.substring(0, slash);
            CargoManifest manifest = manifests.get(current);
            if (manifest != null && manifest.isPackage()) {
                return current;
            }
        }
        return null;
    }

    private static String normalise(String path) {
        String result = path.replace('\\', '/');
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String displayDir(String dir) {
        return dir.isEmpty() ? "the repository root" : dir;
    }
}
