package dev.rustlens.analysis.dependencies;

import java.util.Optional;

/**
 * Where a locked package comes from, as {@code Cargo.lock}'s {@code source} says: a registry, a
 * git repository, or (no source at all) a path in the workspace or beside it.
 *
 * @param kind registry, git or path
 * @param text the source exactly as the lock file writes it ({@code registry+https://…},
 *     {@code sparse+https://…}, {@code git+https://…?rev=…#commit}); empty for a path package
 */
public record PackageSource(Kind kind, String text) {

    /** crates.io's index, as Cargo writes it for the git and for the sparse protocol. */
    private static final java.util.Set<String> CRATES_IO = java.util.Set.of(
            "registry+https://github.com/rust-lang/crates.io-index", "sparse+https://index.crates.io/");

    /** The kinds of source Cargo locks. */
    public enum Kind {
        REGISTRY, GIT, PATH
    }

    /** A package with no {@code source}: a workspace member or a path dependency. */
    public static final PackageSource PATH = new PackageSource(Kind.PATH, "");

    /**
     * Reads a lock file's {@code source} value; absent means a path package.
     *
     * @throws IllegalArgumentException for a source kind Cargo does not write
     */
    public static PackageSource parse(Optional<String> source) {
        if (source.isEmpty()) {
            return PATH;
        }
        String text = source.get();
        if (text.startsWith("registry+") || text.startsWith("sparse+")) {
            return new PackageSource(Kind.REGISTRY, text);
        }
        if (text.startsWith("git+")) {
            return new PackageSource(Kind.GIT, text);
        }
        throw new IllegalArgumentException("unknown package source '" + text + "'");
    }

    /** Whether this is crates.io's registry, the one RustSec's advisories speak of. */
    public boolean cratesIo() {
        return CRATES_IO.contains(text);
    }
}
