package dev.rustlens.analysis.advisories;

import dev.rustlens.analysis.dependencies.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the advisories that concern a locked package: those about its name whose patched and
 * unaffected requirements its version meets none of. Only crates.io packages are matched (RustSec
 * speaks of crates.io's crates; a git or path package of the same name is another crate), and
 * withdrawn advisories never match.
 */
public final class AdvisoryMatcher {

    private final Map<String, List<Advisory>> byPackage = new HashMap<>();
    private final int count;

    /** Indexes the advisories by package, leaving out the withdrawn ones. */
    public AdvisoryMatcher(List<Advisory> advisories) {
        int kept = 0;
        for (Advisory advisory : advisories) {
            if (advisory.withdrawn().isEmpty()) {
                byPackage.computeIfAbsent(advisory.packageName(), name -> new ArrayList<>()).add(advisory);
                kept++;
            }
        }
        byPackage.replaceAll((name, list) -> List.copyOf(list));
        this.count = kept;
    }

    /** The advisories that affect the package's version, in database order; none for a version Cargo cannot read. */
    public List<Advisory> matches(LockedPackage pkg) {
        if (!pkg.source().cratesIo()) {
            return List.of();
        }
        List<Advisory> candidates = byPackage.getOrDefault(pkg.name(), List.of());
        if (candidates.isEmpty()) {
            return List.of();
        }
        Optional<CargoVersion> version = CargoVersion.parse(pkg.version());
        if (version.isEmpty()) {
            return List.of();
        }
        return candidates.stream().filter(advisory -> advisory.affects(version.get())).toList();
    }

    /** The advisories matched against (withdrawn ones left out). */
    public int count() {
        return count;
    }
}
