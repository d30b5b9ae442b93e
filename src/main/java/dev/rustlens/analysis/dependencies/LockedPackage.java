package dev.rustlens.analysis.dependencies;

import java.util.Optional;

/**
 * One {@code [[package]]} of a {@code Cargo.lock}.
 *
 * @param name the package name
 * @param version its exact version
 * @param source where it comes from
 * @param checksum the SHA-256 of its {@code .crate} archive, lower-case hex, for registry packages
 *     (from the entry, or from a version 1 lock file's {@code [metadata]}); empty otherwise
 * @param line the 1-based line of the entry's {@code [[package]]} header in the lock file
 */
public record LockedPackage(String name, String version, PackageSource source, Optional<String> checksum, int line) {

    /** The package as other entries' {@code dependencies} name it: {@code name version}. */
    public String key() {
        return name + " " + version;
    }
}
