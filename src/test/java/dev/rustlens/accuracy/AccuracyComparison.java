package dev.rustlens.accuracy;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares rustlens's checks with their clippy and rustc lints on real crates of the corpus and
 * prints per-check precision and recall (docs/accuracy.md says how to run it and what it does).
 * Not a test: it builds some thirty crates with clippy, minutes the first time; later runs reuse
 * clippy's cached output and cost only rustlens's analysis. Its options: {@link ComparisonOptions}.
 */
public final class AccuracyComparison {

    private final ComparisonOptions options;
    private final Map<String, CrateCopy> copies = new LinkedHashMap<>();
    private final Map<String, Map<View, ClippyRun>> runs = new LinkedHashMap<>();

    private AccuracyComparison(ComparisonOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        ComparisonOptions options = ComparisonOptions.parse(args);
        List<CorpusCrate> crates = CorpusCrate.listed().stream()
                .filter(crate -> options.crates().isEmpty() || options.crates().contains(crate.directory())).toList();
        AccuracyComparison comparison = new AccuracyComparison(options);
        comparison.runClippy(crates);
        comparison.compareAndReport();
    }

    /** Copies each crate and runs (or reads the cached) clippy for both views. */
    private void runClippy(List<CorpusCrate> crates) throws IOException, InterruptedException {
        Path work = options.work();
        // The registry serves every listed crate, so that a run on a few crates does not remake it.
        Path registry = PrivateRegistry.prepare(work.resolve("registry"), work.resolve("debs"), options.systemRegistry(),
                CorpusCrate.listed().stream().flatMap(crate -> crate.debianPackages().stream())
                        .collect(Collectors.toCollection(TreeSet::new)));
        for (CorpusCrate crate : crates) {
            CrateCopy copy = CrateCopy.prepare(crate, options.systemRegistry(), registry, work.resolve("crates"),
                    options.forceClippy());
            Map<View, ClippyRun> byView = new EnumMap<>(View.class);
            for (View view : View.values()) {
                byView.put(view, ClippyRun.of(crate, copy, view, work.resolve("runs").resolve(crate.directory()),
                        work.resolve("cargo-target"), options.forceClippy()));
            }
            System.out.printf("%s: %s%n", crate.directory(), byView.get(View.ALL_TARGETS).command());
            copy.edits().forEach(edit -> System.out.printf("%s: %s%n", crate.directory(), edit));
            copies.put(crate.directory(), copy);
            runs.put(crate.directory(), byView);
        }
    }

    /** Analyses each copy with rustlens, compares, writes the report and prints its tables. */
    private void compareAndReport() throws Exception {
        Path work = options.work();
        GeigerOracle oracle = GeigerOracle.build(work.resolve("cargo-target"), work.resolve("geiger"));
        Set<String> targetOptions = BuildOptions.target();
        List<CrateComparison> comparisons = new ArrayList<>();
        List<GeigerComparison> geiger = new ArrayList<>();
        String analyzerVersion;
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            Set<String> checks = catalogue.checks().stream().map(Check::id).collect(Collectors.toSet());
            analyzerVersion = catalogue.analyzerVersion();
            for (Map.Entry<String, CrateCopy> entry : copies.entrySet()) {
                String crate = entry.getKey();
                Path copy = entry.getValue().directory();
                CapturedFileResults files = new CapturedFileResults();
                DirectorySourceTree tree = new DirectorySourceTree(copy, true);
                AnalysisResult result = analyzer.analyze(tree, files, Analyzer.Progress.NONE);
                List<Finding> findings = result.crates().stream().flatMap(c -> c.findings().stream()).toList();
                try (CfgFilter compiled = new CfgFilter(copy, targetOptions)) {
                    comparisons.add(CrateComparison.compare(crate, copy, runs.get(crate), findings, checks, compiled));
                }
                List<String> unparsed = new ArrayList<>();
                Map<String, GeigerCounts> expected = GeigerCounts.parseOracle(oracle.run(copy), unparsed);
                geiger.add(GeigerComparison.compare(crate, files.geigerCounts(tree), expected, unparsed));
            }
        }
        Map<String, List<String>> edits = new LinkedHashMap<>();
        copies.forEach((crate, copy) -> edits.put(crate, copy.edits()));
        Report report = new Report(comparisons, geiger, edits);
        String header = String.format("Measured on %s: %d crates, %s, rustlens analyzer version %s.", LocalDate.now(),
                copies.size(), Commands.output(List.of("cargo", "clippy", "--version")).strip(), analyzerVersion);
        report.write(work.resolve("report"), header);
        System.out.printf("%n%s%n%n%s%n%s%n%s%n%s%n", header, report.checkTable(), report.crateTable(), report.leftOut(),
                report.geigerTable());
        System.out.println("Disagreements: " + work.resolve("report/summary.md") + " and " + work.resolve("report/disagreements.json"));
    }
}
