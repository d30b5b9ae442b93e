package dev.rustlens.supply;

import dev.rustlens.analysis.dependencies.LockedPackage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One place a locked package's source is looked for ({@code rustlens.dependencies.sources}). */
sealed interface DependencySource {

    /** The scanned repository's own {@code vendor/} directory, as {@code cargo vendor} writes it. */
    record Vendor() implements DependencySource {
    }

    /** A directory of unpacked crates, one {@code <name>-<version>/} each (Debian's layout). */
    record Directory(Path root) implements DependencySource {
        /** Where the package would be. */
        Path packageDirectory(LockedPackage locked) {
            return root.resolve(locked.name() + "-" + locked.version());
        }
    }

    /** A registry's {@code .crate} downloads; {@code {name}} and {@code {version}} are filled in. */
    record Registry(String template) implements DependencySource {
        /** The package's download URL. */
        URI url(LockedPackage locked) {
            return URI.create(template.replace("{name}", locked.name()).replace("{version}", locked.version()));
        }
    }

    /**
     * Reads the configured sources.
     *
     * @throws IllegalStateException naming the entry that is not a source
     */
    static List<DependencySource> parse(List<String> specs) {
        return specs.stream().map(String::strip).filter(spec -> !spec.isEmpty()).map(DependencySource::parse).toList();
    }

    private static DependencySource parse(String spec) {
        if (spec.equals("vendor")) {
            return new Vendor();
        }
        if (spec.startsWith("directory:")) {
            Path root = Path.of(spec.substring("directory:".length()));
            if (!root.isAbsolute()) {
                throw invalid(spec, "the directory must be an absolute path");
            }
            return new Directory(root.normalize());
        }
        if (spec.startsWith("registry:")) {
            String template = spec.substring("registry:".length());
            if (!template.contains("{name}") || !template.contains("{version}")) {
                throw invalid(spec, "the URL must hold {name} and {version}");
            }
            try {
                URI uri = new URI(template.replace("{name}", "name").replace("{version}", "1.0.0"));
                if (!"https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                    throw invalid(spec, "the URL must be https://");
                }
            } catch (URISyntaxException e) {
                throw invalid(spec, "not a URL: " + e.getMessage());
            }
            return new Registry(template);
        }
        throw invalid(spec, "expected vendor, directory:/path or registry:https://...");
    }

    private static IllegalStateException invalid(String spec, String why) {
        return new IllegalStateException("rustlens.dependencies.sources: '" + spec + "': " + why);
    }
}
