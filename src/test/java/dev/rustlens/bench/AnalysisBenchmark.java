package dev.rustlens.bench;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the whole analysis (every check and metric) over the corpus against the C reference
 * scanner, in the same run, and prints the figures. See docs/benchmarks.md for the command.
 *
 * <p>Usage: {@code AnalysisBenchmark [--threads N] [--passes P] [--reference DIR] CORPUS}, or
 * {@code --cold CORPUS}: one analysis in a fresh process, as the cold measurement runs it.
 */
public final class AnalysisBenchmark {

    /** A one-shot process is over before C2's compilations pay off: it runs on C1 alone. */
    private static final String COLD_JIT_OPTION = "-XX:TieredStopAtLevel=1";
    private static final Pattern REFERENCE_PASS = Pattern.compile("parse_s=([0-9.]+).*MB_s=([0-9.]+)");

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 2;
        int passes = 3;
        Path referenceDir = Path.of("target/tsscan");
        boolean cold = false;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--reference" -> referenceDir = Path.of(args[++i]);
                case "--cold" -> cold = true;
                default -> corpus = Path.of(args[i]);
            }
        }
        if (corpus == null) {
            throw new IllegalArgumentException("usage: AnalysisBenchmark [--threads N] [--passes P] [--cold] CORPUS");
        }
        if (cold) {
            runCold(corpus, threads);
            return;
        }
        long bytes = corpusBytes(corpus);
        System.out.printf(Locale.ROOT, "corpus=%s rs_bytes=%d threads=%d machine=%s cores=%d%n", corpus, bytes, threads,
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());

        Path tsscan = buildReference(referenceDir);
        double referenceMbs = referenceWarm(tsscan, corpus, threads, passes);
        double referenceColdSeconds = timeProcess(List.of(tsscan.toString(), "--threads", String.valueOf(threads),
                corpus.toString()));

        double oursMbs = oursWarm(corpus, threads, passes, bytes);
        // The cold process runs with this process's JVM options (heap size, native access), and
        // with C1 only: C2 compiles the hot methods for longer than one scan of the corpus takes.
        List<String> coldCommand = new ArrayList<>();
        coldCommand.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        coldCommand.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        coldCommand.add(COLD_JIT_OPTION);
        coldCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), AnalysisBenchmark.class.getName(), "--cold",
                "--threads", String.valueOf(threads), corpus.toString()));
        double oursColdSeconds = timeProcess(coldCommand);

        System.out.printf(Locale.ROOT, "reference warm: %.1f MB/s; rustlens warm: %.1f MB/s; ratio %.2f (target >= 0.6)%n",
                referenceMbs, oursMbs, oursMbs / referenceMbs);
        System.out.printf(Locale.ROOT, "reference cold process: %.2f s; rustlens cold process (%s): %.2f s; ratio %.2f (target <= 2)%n",
                referenceColdSeconds, COLD_JIT_OPTION, oursColdSeconds, oursColdSeconds / referenceColdSeconds);
        System.out.printf(Locale.ROOT, "rustlens warm process peak RSS: %d MiB (target < 512; JVM options %s)%n",
                peakRssMib(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static void runCold(Path corpus, int threads) throws Exception {
        long start = System.nanoTime();
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults().withThreads(threads))) {
            AnalysisResult result = analyzer.analyze(corpus);
            System.out.printf(Locale.ROOT, "cold: %s in %.2f s, peak RSS %d MiB%n", summary(result),
                    (System.nanoTime() - start) / 1e9, peakRssMib());
        }
    }

    private static double oursWarm(Path corpus, int threads, int passes, long bytes) throws Exception {
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults().withThreads(threads))) {
            double best = 0;
            for (int pass = 0; pass <= passes; pass++) {
                long start = System.nanoTime();
                AnalysisResult result = analyzer.analyze(corpus);
                double seconds = (System.nanoTime() - start) / 1e9;
                double mbs = bytes / 1e6 / seconds;
                System.out.printf(Locale.ROOT, "rustlens pass=%d%s %.2f s %.1f MB/s %s%n", pass,
                        pass == 0 ? " (warm-up)" : "", seconds, mbs, summary(result));
                if (pass > 0) {
                    best = Math.max(best, mbs);
                }
            }
            return best;
        }
    }

    private static String summary(AnalysisResult result) {
        long lines = 0;
        long findings = 0;
        long unsafeBlocks = 0;
        for (CrateResult crate : result.crates()) {
            lines += crate.metrics().get(Metric.CODE_LINES) + crate.metrics().get(Metric.COMMENT_LINES)
                    + crate.metrics().get(Metric.BLANK_LINES);
            findings += crate.findings().size();
            unsafeBlocks += crate.metrics().get(Metric.UNSAFE_BLOCKS);
        }
        return String.format(Locale.ROOT, "crates=%d files=%d lines=%d findings=%d unsafe_blocks=%d",
                result.crates().size(), result.filesAnalyzed(), lines, findings, unsafeBlocks);
    }

    private static long corpusBytes(Path corpus) throws IOException {
        long bytes = 0;
        for (SourceFile file : new DirectorySourceTree(corpus).files()) {
            if (file.path().endsWith(".rs")) {
                bytes += file.size();
            }
        }
        return bytes;
    }

    private static Path buildReference(Path dir) throws Exception {
        Path binary = dir.resolve("tsscan");
        if (!Files.isExecutable(binary)) {
            Path script = Path.of("../shared/bench/build-tsscan.sh");
            run(List.of("bash", script.toString(), dir.toString()));
        }
        return binary;
    }

    /** The reference's best warm pass over pre-read files (its parse timer excludes I/O). */
    private static double referenceWarm(Path tsscan, Path corpus, int threads, int passes) throws Exception {
        String output = run(List.of(tsscan.toString(), "--preread", "--threads", String.valueOf(threads),
                "--passes", String.valueOf(passes + 1), corpus.toString()));
        double best = 0;
        int pass = 0;
        for (String line : output.lines().toList()) {
            Matcher matcher = REFERENCE_PASS.matcher(line);
            if (matcher.find()) {
                System.out.println("reference " + line);
                if (pass++ > 0) {
                    best = Math.max(best, Double.parseDouble(matcher.group(2)));
                }
            }
        }
        return best;
    }

    private static double timeProcess(List<String> command) throws Exception {
        long start = System.nanoTime();
        String output = run(command);
        double seconds = (System.nanoTime() - start) / 1e9;
        output.lines().filter(line -> line.startsWith("cold:") || line.startsWith("total_s"))
                .forEach(line -> System.out.println("  " + line));
        return seconds;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static long peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
