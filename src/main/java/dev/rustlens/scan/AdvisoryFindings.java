package dev.rustlens.scan;

import dev.rustlens.analysis.advisories.Advisory;
import dev.rustlens.analysis.advisories.AdvisoryRules;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.database.StorableText;
import dev.rustlens.supply.ScanDependencies.Advised;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The findings of the advisory rules: one per locked package and advisory that affects it, at the
 * package's {@code [[package]]} line of the lock file, on the first workspace member that reaches
 * it (a lock file is the workspace's, and one finding per advisory is what cargo-audit reports too).
 * A package only the members' dev-dependencies reach counts as test code: it is not shipped.
 */
final class AdvisoryFindings {

    /** {@code [[package]]}: the span a finding covers. */
    private static final int HEADER_END_COLUMN = "[[package]]".length() + 1;

    private AdvisoryFindings() {
    }

    /** A finding with the crate snapshot it belongs to. */
    record Placed(long snapshotId, String crateName, Finding finding) {
    }

    /**
     * The findings of the advised packages, each on the snapshot of its first dependent member
     * found in {@code snapshots} (crate name to snapshot id), else on {@code fallback}.
     */
    static List<Placed> of(List<Advised> advised, Map<String, Long> snapshots, Map.Entry<String, Long> fallback) {
        List<Placed> placed = new ArrayList<>();
        for (Advised dependency : advised) {
            Map.Entry<String, Long> owner = dependency.dependents().stream().filter(snapshots::containsKey)
                    .findFirst().map(name -> Map.entry(name, snapshots.get(name))).orElse(fallback);
            for (Advisory advisory : dependency.advisories()) {
                placed.add(new Placed(owner.getValue(), owner.getKey(), finding(dependency, advisory)));
            }
        }
        return placed;
    }

    private static Finding finding(Advised dependency, Advisory advisory) {
        CheckInfo rule = AdvisoryRules.ALL.stream().filter(r -> r.id().equals(advisory.checkId())).findFirst()
                .orElse(AdvisoryRules.NOTICE);
        String name = dependency.locked().name();
        String version = dependency.locked().version();
        int line = dependency.locked().line();
        // The fingerprint's context names the package and the advisory, not the version: an upgrade that
        // does not fix the advisory keeps the finding, one that does fixes it.
        String context = name + " " + advisory.id();
        return new Finding(rule.id(), rule.severity(), dependency.lockPath(), line, 1, line, HEADER_END_COLUMN,
                StorableText.of(message(name, version, advisory, rule)), "dev".equals(dependency.kind()),
                Suppression.NONE, context);
    }

    private static String message(String name, String version, Advisory advisory, CheckInfo rule) {
        String aliases = advisory.aliases().isEmpty() ? "" : " (" + String.join(", ", advisory.aliases()) + ")";
        String what = switch (rule.id()) {
            case "advisory_vulnerability" -> "`" + name + "` " + version + " has vulnerability " + advisory.id() + aliases;
            case "advisory_unsound" -> "`" + name + "` " + version + " is unsound: " + advisory.id() + aliases;
            case "advisory_unmaintained" -> "`" + name + "` is unmaintained: " + advisory.id();
            default -> "`" + name + "` " + version + " has notice " + advisory.id() + aliases;
        };
        List<String> fixed = advisory.fixedVersions();
        String remedy = fixed.isEmpty() ? "no fixed version is published" : "fixed in " + String.join(" or ", fixed);
        return what + ": " + advisory.title() + "; " + remedy + "; " + Advisory.page(advisory.id());
    }
}
