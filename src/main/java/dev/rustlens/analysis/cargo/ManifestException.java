package dev.rustlens.analysis.cargo;

/** A {@code Cargo.toml} that cannot be read; the message names the file and the problem. */
public class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String manifestPath;

    public ManifestException(String manifestPath, String message, Throwable cause) {
        super(message, cause);
        this.manifestPath = manifestPath;
    }

    public ManifestException(String manifestPath, String message) {
        super(message);
        this.manifestPath = manifestPath;
    }

    /** Repository path of the manifest at fault. */
    public String manifestPath() {
        return manifestPath;
    }
}
