package dev.rustlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.finding.FindingRow;
import dev.rustlens.scan.StoredCrates.StoredCrate;
import dev.rustlens.scoring.ScoreFormula;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON report of one scan (docs/cli.md): the repository's score, a summary per crate, and
 * every finding in the shape of the server's findings API. A later scan takes it as its baseline.
 *
 * @param format {@value #FORMAT}; a reader refuses any other
 * @param directory the directory scanned
 * @param analyzerVersion the analyzer's version
 * @param scoreFormula the score formula's version
 * @param files files analysed
 * @param score the repository's score, 0 to 100
 * @param grade the repository's grade
 * @param scoreHeldBecause why the score is held below the crates' mean; null when it is not
 * @param problems what the analysis left out, in words
 * @param crates one summary per crate
 * @param findings every finding, suppressed and test-code ones included
 */
record ScanReport(String format, String directory, String analyzerVersion, int scoreFormula, int files, int score,
        String grade, String scoreHeldBecause, List<String> problems, List<CrateSummary> crates,
        List<FindingRow> findings) {

    /** The version of this shape. */
    static final String FORMAT = "rustlens-scan/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One crate's summary.
     *
     * @param findingsBySeverity findings that are not suppressed, by severity, most severe first
     * @param metrics every metric of the crate, by name
     */
    record CrateSummary(String name, String path, String version, String edition, int score, String grade,
            long unsafeBlocks, long unsafeFunctions, long unsafeMethods, long unsafeImpls,
            Map<String, Long> findingsBySeverity, Map<String, Long> metrics) {
    }

    /** The report of a scan, findings tracked against {@code baseline} fingerprints. */
    static ScanReport of(DirectoryScan scan, Set<String> baseline) {
        List<FindingRow> findings = scan.findingRows(baseline);
        List<CrateSummary> crates = scan.crates().stream().map(crate -> {
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            for (Severity severity : List.of(Severity.BLOCKER, Severity.CRITICAL, Severity.MAJOR, Severity.MINOR,
                    Severity.INFO)) {
                bySeverity.put(severity.name(), 0L);
            }
            crate.stored().findings().stream().filter(finding -> finding.active())
                    .forEach(finding -> bySeverity.merge(finding.severity().name(), 1L, Long::sum));
            StoredCrate stored = crate.stored();
            return new CrateSummary(stored.name(), stored.directory(), stored.version().orElse(null),
                    stored.edition().orElse(null), crate.score().score(), crate.score().grade().name(),
                    crate.metric(Metric.UNSAFE_BLOCKS), crate.metric(Metric.UNSAFE_FUNCTIONS),
                    crate.metric(Metric.UNSAFE_METHODS), crate.metric(Metric.UNSAFE_IMPLS), bySeverity, crate.metrics());
        }).toList();
        ScoreFormula.RepositoryScore score = scan.score();
        return new ScanReport(FORMAT, scan.directory().toString(), scan.analyzerVersion(), ScoreFormula.VERSION,
                scan.files(), score.score(), score.grade().name(), score.heldBecause().orElse(null), scan.problems(),
                crates, findings);
    }

    /** Writes the report as indented JSON. */
    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * An earlier report as a baseline: its findings' fingerprints and its documentation coverage.
     *
     * @param source where it was read from, for the output
     * @param docCoverage documented public items as a percentage of all, 100 when there are none
     */
    record Baseline(Path source, Set<String> fingerprints, double docCoverage) {
    }

    /** Reads an earlier report as a baseline. */
    static Baseline readBaseline(Path file) throws UsageError {
        JsonNode report;
        try {
            report = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageError("cannot read the baseline " + file + ": " + oneLine(e));
        }
        if (report == null || !FORMAT.equals(report.path("format").asText())) {
            throw new UsageError("the baseline " + file + " is not a rustlens JSON report (\"format\": \"" + FORMAT
                    + "\"); write one with --json");
        }
        Set<String> fingerprints = new HashSet<>();
        report.path("findings").forEach(finding -> fingerprints.add(finding.path("fingerprint").asText()));
        long items = 0;
        long documented = 0;
        for (JsonNode crate : report.path("crates")) {
            items += crate.path("metrics").path(Metric.PUBLIC_ITEMS.key()).asLong();
            documented += crate.path("metrics").path(Metric.DOCUMENTED_PUBLIC_ITEMS.key()).asLong();
        }
        return new Baseline(file, fingerprints, docCoverage(items, documented));
    }

    /** This scan's documentation coverage, as the server's gate computes it. */
    double docCoverage() {
        long items = crates.stream().mapToLong(crate -> crate.metrics().getOrDefault(Metric.PUBLIC_ITEMS.key(), 0L)).sum();
        long documented = crates.stream()
                .mapToLong(crate -> crate.metrics().getOrDefault(Metric.DOCUMENTED_PUBLIC_ITEMS.key(), 0L)).sum();
        return docCoverage(items, documented);
    }

    private static double docCoverage(long items, long documented) {
        return items == 0 ? 100.0 : 100.0 * documented / items;
    }

    /** An exception's message on one line (Jackson's run over several). */
    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
