package dev.rustlens.accuracy;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.source.DirectorySourceTree;
import java.nio.charset.StandardCharsets;
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
 * clippy's cached output and cost only rustlens's analysis.
 *
 * <p>Arguments: {@code --force-clippy} runs clippy again; {@code --crates a-1.0,b-2.0} compares
 * only those; {@code --work DIR} (default {@code target/accuracy}); {@code --registry DIR}
 * (default Debian's {@code /usr/share/cargo/registry}).
 */
public final class AccuracyComparison {

    private AccuracyComparison() {
    }

    public static void main(String[] args) throws Exception {
        boolean force = false;
        Path work = Path.of("target/accuracy");
        Path systemRegistry = Path.of("/usr/share/cargo/registry");
        Set<String> only = Set.of();
        // Maven passes the options as one property: words are split here.
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(List.of(arg.strip().split("\\s+")).stream().filter(word -> !word.isEmpty()).toList());
        }
        for (int i = 0; i < words.size(); i++) {
            switch (words.get(i)) {
                case "--force-clippy" -> force = true;
                case "--crates" -> only = Set.of(words.get(++i).split(","));
                case "--work" -> work = Path.of(words.get(++i));
                case "--registry" -> systemRegistry = Path.of(words.get(++i));
                default -> throw new IllegalArgumentException(
                        "usage: AccuracyComparison [--force-clippy] [--crates a-1.0,b-2.0] [--work DIR] [--registry DIR]; not "
                                + words.get(i));
            }
        }
        Set<String> selected = only;
        List<CorpusCrate> crates = CorpusCrate.listed().stream()
                .filter(crate -> selected.isEmpty() || selected.contains(crate.directory())).toList();
        // The registry serves every listed crate, so that a run on a few crates does not remake it.
        Path registry = PrivateRegistry.prepare(work.resolve("registry"), work.resolve("debs"), systemRegistry,
                CorpusCrate.listed().stream().flatMap(crate -> crate.debianPackages().stream())
                        .collect(Collectors.toCollection(TreeSet::new)));

        Map<String, List<String>> edits = new LinkedHashMap<>();
        Map<CorpusCrate, CrateCopy> copies = new LinkedHashMap<>();
        Map<CorpusCrate, Map<View, ClippyRun>> runs = new LinkedHashMap<>();
        for (CorpusCrate crate : crates) {
            Path cached = work.resolve("runs").resolve(crate.directory());
            CrateCopy copy = CrateCopy.prepare(crate, systemRegistry, registry, work.resolve("crates"), force);
            Map<View, ClippyRun> byView = new EnumMap<>(View.class);
            for (View view : View.values()) {
                byView.put(view, ClippyRun.of(crate, copy, view, cached, work.resolve("cargo-target"), force));
            }
            System.out.printf("%s: %s%n", crate.directory(), byView.get(View.ALL_TARGETS).command());
            copy.edits().forEach(edit -> System.out.printf("%s: %s%n", crate.directory(), edit));
            copies.put(crate, copy);
            runs.put(crate, byView);
            edits.put(crate.directory(), copy.edits());
        }

        GeigerOracle oracle = GeigerOracle.build(work.resolve("cargo-target"), work.resolve("geiger"));
        Set<String> targetOptions = BuildOptions.target();
        List<CrateComparison> comparisons = new ArrayList<>();
        List<GeigerComparison> geiger = new ArrayList<>();
        String analyzerVersion;
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            Set<String> checks = catalogue.checks().stream().map(Check::id).collect(Collectors.toSet());
            analyzerVersion = catalogue.analyzerVersion();
            for (CorpusCrate crate : crates) {
                Path copy = copies.get(crate).directory();
                CapturedFileResults files = new CapturedFileResults();
                DirectorySourceTree tree = new DirectorySourceTree(copy, true);
                AnalysisResult result = analyzer.analyze(tree, files, Analyzer.Progress.NONE);
                List<Finding> findings = result.crates().stream().flatMap(c -> c.findings().stream()).toList();
                try (CfgFilter compiled = new CfgFilter(copy, targetOptions)) {
                    comparisons.add(CrateComparison.compare(crate.directory(), copy, runs.get(crate), findings, checks, compiled));
                }
                List<String> unparsed = new ArrayList<>();
                Map<String, GeigerCounts> expected = GeigerCounts.parseOracle(oracle.run(copy), unparsed);
                geiger.add(GeigerComparison.compare(crate.directory(), files.geigerCounts(tree), expected, unparsed));
            }
        }
        Report report = new Report(comparisons, geiger, edits);
        String header = String.format("Measured on %s: %d crates, %s, rustlens analyzer version %s.", LocalDate.now(),
                crates.size(), clippyVersion(), analyzerVersion);
        report.write(work.resolve("report"), header);
        System.out.println();
        System.out.println(header);
        System.out.println();
        System.out.println(report.checkTable());
        System.out.println(report.crateTable());
        System.out.println(report.leftOut());
        System.out.println(report.geigerTable());
        System.out.println("Disagreements: " + work.resolve("report/summary.md") + " and " + work.resolve("report/disagreements.json"));
    }

    private static String clippyVersion() throws Exception {
        Process process = new ProcessBuilder("cargo", "clippy", "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return version;
    }
}
