package dev.rustlens.trend;

import dev.rustlens.finding.CsvCells;
import dev.rustlens.trend.DependencyReports.AdvisedPackage;
import dev.rustlens.trend.DependencyReports.AdvisoryRef;
import dev.rustlens.trend.DependencyReports.AdvisoryUse;
import dev.rustlens.trend.DependencyReports.Dependency;
import dev.rustlens.trend.DependencyReports.Exposure;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The dependency table and the server-wide advisory table as CSV (RFC 4180, spreadsheet formulas
 * neutralised), one record per locked package, and per repository use of an advised version.
 */
final class DependencyCsv {

    private DependencyCsv() {
    }

    /** One record per locked package of the report. */
    static String of(DependencyReports.DependencyReport report) {
        StringBuilder csv = new StringBuilder(CsvCells.row("lock_file", "package", "version", "source", "depth", "kind",
                "dependents", "analysis", "unsafe_blocks", "unsafe_functions", "unsafe_methods", "unsafe_impls",
                "unsafe_traits", "extern_blocks", "forbids_unsafe", "unsafe_rating", "advisories"));
        for (Dependency dependency : report.packages()) {
            Exposure exposure = dependency.exposure();
            csv.append(CsvCells.row(dependency.lockPath(), dependency.name(), dependency.version(),
                    dependency.sourceKind(), Integer.toString(dependency.depth()), dependency.kind(),
                    String.join(" ", dependency.dependents()), exposure.status(), text(exposure.unsafeBlocks()),
                    text(exposure.unsafeFunctions()), text(exposure.unsafeMethods()), text(exposure.unsafeImpls()),
                    text(exposure.unsafeTraits()), text(exposure.externBlocks()), text(exposure.forbidsUnsafe()),
                    Objects.requireNonNullElse(exposure.unsafeRating(), ""),
                    dependency.advisories().stream().map(AdvisoryRef::id).collect(Collectors.joining(" "))));
        }
        return csv.toString();
    }

    /** One record per advisory and repository that locks a version it affects. */
    static String of(DependencyReports.ServerAdvisories advisories) {
        StringBuilder csv = new StringBuilder(CsvCells.row("advisory", "rule", "title", "package", "version",
                "repository", "scan", "lock_file", "line", "kind", "depth", "fixed_in", "url"));
        for (AdvisedPackage advised : advisories.advisories()) {
            AdvisoryRef advisory = advised.advisory();
            for (AdvisoryUse use : advised.uses()) {
                csv.append(CsvCells.row(advisory.id(), advisory.rule(), advisory.title(), use.name(), use.version(),
                        use.repository(), Long.toString(use.scanId()), use.lockPath(), Integer.toString(use.line()),
                        use.kind(), Integer.toString(use.depth()), String.join(" or ", advisory.fixedVersions()),
                        advisory.url()));
            }
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
