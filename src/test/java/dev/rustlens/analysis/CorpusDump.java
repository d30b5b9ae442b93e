package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.VerificationEvidence;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes every finding, unsafe site, verification evidence and metric of the analysis of each
 * package in a directory (by default the corpus, {@code /usr/share/cargo/registry}) to a file, one
 * per line, packages by name and the rest in the analysis's own order, so that two builds can be
 * compared with {@code cmp}: a change that must not alter behaviour leaves the file
 * byte-identical. Not a test; run it with
 * {@code ./mvnw -q -o -Pcorpus-dump process-test-classes -Dcorpus-dump.args="/tmp/dump-before.txt"}
 * (arguments: the output file, then optionally the directory of packages).
 */
public final class CorpusDump {

    private CorpusDump() {
    }

    public static void main(String[] args) throws Exception {
        // Maven passes -Dcorpus-dump.args as one argument.
        String[] options = String.join(" ", args).trim().split("\\s+");
        if (options[0].isEmpty() || options.length > 2) {
            throw new IllegalArgumentException("arguments: OUTPUT-FILE [DIRECTORY]");
        }
        Path output = Path.of(options[0]);
        Path directory = options.length == 2 ? Path.of(options[1]) : CorpusTest.REGISTRY;
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults());
                PrintWriter out = new PrintWriter(output.toFile(), StandardCharsets.UTF_8)) {
            for (Path sources : CorpusTest.packages(directory)) {
                write(sources.getFileName().toString(), analyzer.analyze(sources), out);
            }
        }
    }

    /** One package's analysis; each crate is named by the package's directory and its own within it. */
    private static void write(String packageName, AnalysisResult result, PrintWriter out) {
        out.println("package " + packageName + ": files " + result.filesAnalyzed() + ", problems " + result.problems());
        for (CrateResult crate : result.crates()) {
            String name = packageName + "/" + crate.crate().directory();
            out.println("crate " + name);
            for (Map.Entry<String, Long> metric : crate.metrics().asMap().entrySet()) {
                out.println("metric\t" + name + "\t" + metric.getKey() + "\t" + metric.getValue());
            }
            for (Finding finding : crate.findings()) {
                out.println(String.join("\t", "finding", name, finding.path(),
                        finding.line() + ":" + finding.column() + "-" + finding.endLine() + ":" + finding.endColumn(),
                        finding.checkId(), finding.severity().name(), finding.suppression().name(),
                        finding.inTestCode() ? "test" : "shipped", finding.message(), finding.context()));
            }
            for (UnsafeSite site : crate.unsafeSites()) {
                out.println(String.join("\t", "unsafe", name, site.path(), site.line() + ":" + site.column(),
                        site.kind().name(), site.inTestCode() ? "test" : "shipped"));
            }
            for (VerificationEvidence evidence : crate.evidence()) {
                out.println(String.join("\t", "evidence", name, evidence.kind().name(), evidence.path(),
                        evidence.detail()));
            }
        }
    }
}
