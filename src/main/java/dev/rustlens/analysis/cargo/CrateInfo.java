package dev.rustlens.analysis.cargo;

import java.util.List;
import java.util.Optional;

/**
 * One Cargo package found in a source tree.
 *
 * @param name package name
 * @param version package version, when known
 * @param edition Rust edition, when declared
 * @param directory repository-relative directory of the package, empty for the root
 * @param manifest the package's manifest
 * @param workspace the manifest of the workspace it belongs to, when there is one
 * @param rootFiles crate root files (lib first, then binaries), repository-relative
 * @param hasLibrary whether the package has a library target
 */
public record CrateInfo(
        String name,
        Optional<String> version,
        Optional<String> edition,
        String directory,
        CargoManifest manifest,
        Optional<CargoManifest> workspace,
        List<String> rootFiles,
        boolean hasLibrary) {

    /** The repository path of {@code relative} inside this crate. */
    public String resolve(String relative) {
        return directory.isEmpty() ? relative : directory + "/" + relative;
    }

    /** The path of {@code repositoryPath} relative to this crate's directory. */
    public String relativize(String repositoryPath) {
        return directory.isEmpty() ? repositoryPath : repositoryPath.substring(directory.length() + 1);
    }
}
