package dev.rustlens.analysis.advisories;

import java.util.Optional;
import org.semver4j.Semver;

/**
 * A package version as Cargo reads it: strict SemVer 2.0 ({@code major.minor.patch}, optional
 * pre-release and build metadata), parsed and ordered by semver4j.
 */
public final class CargoVersion {

    private final String text;
    private final Semver semver;

    private CargoVersion(String text, Semver semver) {
        this.text = text;
        this.semver = semver;
    }

    /**
     * The version, or empty when Cargo would not read it. semver4j alone also accepts a leading
     * {@code v} and surrounding spaces, which Cargo's {@code semver} refuses.
     */
    public static Optional<CargoVersion> parse(String text) {
        if (text == null || text.isEmpty() || !Character.isDigit(text.charAt(0)) || text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.ofNullable(Semver.parse(text)).map(semver -> new CargoVersion(text, semver));
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    int major() {
        return semver.getMajor();
    }

    int minor() {
        return semver.getMinor();
    }

    int patch() {
        return semver.getPatch();
    }

    boolean isPreRelease() {
        return !semver.getPreRelease().isEmpty();
    }

    /** SemVer precedence; build metadata does not count. */
    int compareTo(Semver other) {
        return semver.compareTo(other);
    }

    @Override
    public String toString() {
        return text;
    }
}
