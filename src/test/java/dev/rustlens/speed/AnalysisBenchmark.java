package dev.rustlens.speed;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the whole analysis (every check and metric) over the corpus against the C reference
 * scanner, in the same run, and prints the figures. See docs/benchmarks.md for the command.
 *
 * <p>Usage: {@code AnalysisBenchmark [--threads N] [--warmup W] [--rounds R] [--cold-rounds R] [--reference DIR]
 * CORPUS}, or
 * {@code --cold CORPUS}: one analysis in a fresh process, as the cold measurement runs it, or
 * {@code --warm CORPUS}: the warm-up passes, then one pass for each line read from standard input,
 * as the warm measurement runs them.
 */
public final class AnalysisBenchmark {

    /** A one-shot process is over before C2's compilations pay off: it runs on C1 alone. */
    private static final String COLD_JIT_OPTION = "-XX:TieredStopAtLevel=1";
    private static final Pattern WARM_PASS = Pattern.compile("rustlens pass=[0-9]+ [0-9.]+ s ([0-9.]+) MB/s");
    private static final Pattern WARM_RESULT = Pattern.compile("warm: peak_rss_MiB=([0-9]+)");
    private static final Pattern REFERENCE_PASS = Pattern.compile("parse_s=([0-9.]+).*MB_s=([0-9.]+)");
    /**
     * The jars the analysis core (dev.rustlens.analysis, dev.rustlens.parser) uses, by their
     * directories in the Maven repository: tree-sitter's binding and the TOML parser.
     */
    private static final List<String> ANALYSIS_CORE_JARS = List.of("/io/github/tree-sitter/jtreesitter/",
            "/com/fasterxml/jackson/core/jackson-core/", "/com/fasterxml/jackson/core/jackson-databind/",
            "/com/fasterxml/jackson/core/jackson-annotations/", "/com/fasterxml/jackson/dataformat/jackson-dataformat-toml/");

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 2;
        int warmRounds = 5;
        // C2 keeps compiling the analysis for three passes of the corpus on two busy cores.
        int warmupPasses = 3;
        int coldRounds = 5;
        Path referenceDir = Path.of("target/tsscan");
        boolean cold = false;
        boolean warm = false;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> warmRounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupPasses = Integer.parseInt(args[++i]);
                case "--cold-rounds" -> coldRounds = Integer.parseInt(args[++i]);
                case "--reference" -> referenceDir = Path.of(args[++i]);
                case "--cold" -> cold = true;
                case "--warm" -> warm = true;
                default -> corpus = Path.of(args[i]);
            }
        }
        if (corpus == null) {
            throw new IllegalArgumentException(
                    "usage: AnalysisBenchmark [--threads N] [--warmup W] [--rounds R] [--cold-rounds R] [--cold|--warm] CORPUS");
        }
        if (cold) {
            runCold(corpus, threads);
            return;
        }
        long bytes = corpusBytes(corpus);
        if (warm) {
            runWarm(corpus, threads, warmupPasses, bytes);
            return;
        }
        System.out.printf(Locale.ROOT, "corpus=%s rs_bytes=%d threads=%d machine=%s cores=%d%n", corpus, bytes, threads,
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());

        Path tsscan = buildReference(referenceDir);
        // rustlens runs in processes of its own, with this process's JVM options (heap size,
        // native access): a JVM that has started a process (the reference) analysed a third
        // slower afterwards, with all of glibc's 16 malloc arenas taken (see docs/benchmarks.md).
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = analysisCoreClassPath();

        // Warm: rounds of one reference pass and then one pass of rustlens's warm process, back
        // to back, and the median round's ratio. This machine's speed drifts by a third within
        // minutes; a slow spell then hits both sides of a round, not one side of the comparison.
        List<String> warmCommand = new ArrayList<>(java);
        warmCommand.addAll(List.of("-cp", classPath, AnalysisBenchmark.class.getName(), "--warm", "--threads",
                String.valueOf(threads), "--warmup", String.valueOf(warmupPasses), corpus.toString()));
        Process warmProcess = new ProcessBuilder(warmCommand).redirectErrorStream(true).start();
        List<double[]> warmRoundResults = new ArrayList<>();
        long oursPeakRssMib;
        // The process prints its peak RSS once its input ends: the writer is closed by hand, in the middle.
        Writer toWarm = warmProcess.outputWriter(StandardCharsets.UTF_8);
        try (BufferedReader fromWarm = warmProcess.inputReader(StandardCharsets.UTF_8)) {
            printUntil(fromWarm, "ready", warmCommand);
            for (int round = 1; round <= warmRounds; round++) {
                double referenceMbs = referenceWarm(tsscan, corpus, threads);
                toWarm.write("pass\n");
                toWarm.flush();
                Matcher pass = WARM_PASS.matcher(printUntil(fromWarm, "rustlens pass=", warmCommand));
                if (!pass.find()) {
                    throw new IllegalStateException("the warm process printed no pass");
                }
                double oursMbs = Double.parseDouble(pass.group(1));
                warmRoundResults.add(new double[] {referenceMbs, oursMbs, oursMbs / referenceMbs});
                System.out.printf(Locale.ROOT, "warm round %d: reference %.1f MB/s, rustlens %.1f MB/s, ratio %.2f%n", round,
                        referenceMbs, oursMbs, oursMbs / referenceMbs);
            }
            toWarm.close();
            Matcher result = WARM_RESULT.matcher(printUntil(fromWarm, "warm:", warmCommand));
            if (!result.find()) {
                throw new IllegalStateException("the warm process printed no peak RSS");
            }
            oursPeakRssMib = Long.parseLong(result.group(1));
        } catch (IOException | RuntimeException e) {
            warmProcess.destroy();
            throw e;
        }
        if (warmProcess.waitFor() != 0) {
            throw new IllegalStateException("the warm process failed");
        }
        double[] warmMedian = median(warmRoundResults);

        // The cold process runs on C1 alone: C2 compiles the hot methods for longer than one
        // scan of the corpus takes.
        List<String> coldCommand = new ArrayList<>(java);
        coldCommand.add(COLD_JIT_OPTION);
        coldCommand.addAll(List.of("-cp", classPath, AnalysisBenchmark.class.getName(), "--cold",
                "--threads", String.valueOf(threads), corpus.toString()));
        List<String> referenceCommand = List.of(tsscan.toString(), "--threads", String.valueOf(threads), corpus.toString());
        // This machine's speed drifts by a third within minutes: each round times the reference
        // and rustlens one after the other, and the median round's ratio is the result.
        // CPU time too: on a machine other builds share, it is the steadier figure.
        List<double[]> rounds = new ArrayList<>();
        List<double[]> cpuRounds = new ArrayList<>();
        for (int round = 1; round <= coldRounds; round++) {
            TimedProcess reference = timeProcess(referenceCommand);
            TimedProcess ours = timeProcess(coldCommand);
            rounds.add(new double[] {reference.wall(), ours.wall(), ours.wall() / reference.wall()});
            cpuRounds.add(new double[] {reference.cpu(), ours.cpu(), ours.cpu() / reference.cpu()});
            System.out.printf(Locale.ROOT, "cold round %d: reference %.2f s (CPU %.2f s), rustlens %.2f s (CPU %.2f s),"
                    + " ratio %.2f (CPU %.2f)%n", round, reference.wall(), reference.cpu(), ours.wall(), ours.cpu(),
                    ours.wall() / reference.wall(), ours.cpu() / reference.cpu());
        }
        double[] median = median(rounds);
        double[] medianCpu = median(cpuRounds);

        System.out.printf(Locale.ROOT, "reference warm: %.1f MB/s; rustlens warm: %.1f MB/s; ratio %.2f, the median of %d"
                + " rounds (target >= 0.8)%n", warmMedian[0], warmMedian[1], warmMedian[2], warmRounds);
        System.out.printf(Locale.ROOT, "reference cold process: %.2f s; rustlens cold process (%s): %.2f s; ratio %.2f,"
                + " the median of %d rounds (target <= 1.5)%n", median[0], COLD_JIT_OPTION, median[1], median[2], coldRounds);
        System.out.printf(Locale.ROOT, "cold CPU time: reference %.2f s; rustlens %.2f s; ratio %.2f, the median of %d"
                + " rounds%n", medianCpu[0], medianCpu[1], medianCpu[2], coldRounds);
        System.out.printf(Locale.ROOT, "rustlens warm process peak RSS: %d MiB (target < 512; JVM options %s)%n",
                oursPeakRssMib, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * This process's class path cut to the compiled classes and the analysis core's jars, as a
     * command-line scan would run: the test class path holds 342 jars (Quarkus, test tools) that
     * a fresh JVM opens and searches while it loads classes, 0.15 s of a cold start.
     */
    private static String analysisCoreClassPath() {
        List<String> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>(ANALYSIS_CORE_JARS);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                kept.add(entry);
            } else if (ANALYSIS_CORE_JARS.stream().anyMatch(entry::contains)) {
                kept.add(entry);
                missing.removeIf(entry::contains);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the class path has no jar for " + missing + ": " + System.getProperty("java.class.path"));
        }
        return String.join(java.io.File.pathSeparator, kept);
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

    /**
     * The warm process: the warm-up passes, then "ready", then one pass for each line read from
     * standard input, each printed; at the end of the input, the peak RSS.
     */
    private static void runWarm(Path corpus, int threads, int warmupPasses, long bytes) throws Exception {
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults().withThreads(threads));
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (int pass = 1 - warmupPasses; pass <= 0; pass++) {
                warmPass(analyzer, corpus, pass, bytes);
            }
            System.out.println("ready");
            for (int pass = 1; commands.readLine() != null; pass++) {
                warmPass(analyzer, corpus, pass, bytes);
            }
            System.out.printf(Locale.ROOT, "warm: peak_rss_MiB=%d%n", peakRssMib());
        }
    }

    private static void warmPass(Analyzer analyzer, Path corpus, int pass, long bytes) throws Exception {
        long start = System.nanoTime();
        String summary = timedPass(analyzer, corpus);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "rustlens pass=%d%s %.2f s %.1f MB/s %s%n", pass, pass <= 0 ? " (warm-up)" : "",
                seconds, bytes / 1e6 / seconds, summary);
        System.out.flush();
    }

    /** Prints the process's lines up to the first that starts with {@code prefix}, and returns that one. */
    private static String printUntil(BufferedReader lines, String prefix, List<String> command) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            System.out.println("  " + line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException(String.join(" ", command) + " ended before printing " + prefix);
    }

    /** The round (reference, rustlens, ratio) whose ratio is the median. */
    static double[] median(List<double[]> rounds) {
        List<double[]> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(round -> round[2]));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * One pass, summarised. The result dies with this frame: held in the caller's loop, the last
     * pass's result (70 MB of findings) would stay reachable through the next pass.
     */
    private static String timedPass(Analyzer analyzer, Path corpus) throws Exception {
        return summary(analyzer.analyze(corpus));
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

    static Path buildReference(Path dir) throws Exception {
        Path binary = dir.resolve("tsscan");
        if (!Files.isExecutable(binary)) {
            Path script = Path.of("../shared/bench/build-tsscan.sh");
            run(List.of("bash", script.toString(), dir.toString()));
        }
        return binary;
    }

    /**
     * One warm pass of the reference over pre-read files (its parse timer excludes I/O): it runs
     * two, and the second counts, after the first has warmed its caches.
     */
    private static double referenceWarm(Path tsscan, Path corpus, int threads) throws Exception {
        String output = run(List.of(tsscan.toString(), "--preread", "--threads", String.valueOf(threads),
                "--passes", "2", corpus.toString()));
        double second = 0;
        int pass = 0;
        for (String line : output.lines().toList()) {
            Matcher matcher = REFERENCE_PASS.matcher(line);
            if (matcher.find()) {
                System.out.println("reference " + line);
                if (pass++ == 1) {
                    second = Double.parseDouble(matcher.group(2));
                }
            }
        }
        if (second == 0) {
            throw new IllegalStateException("the reference printed no second pass:\n" + output);
        }
        return second;
    }


    private static TimedProcess timeProcess(List<String> command) throws Exception {
        TimedProcess timed = TimedProcess.run(command);
        timed.output().lines().filter(line -> line.startsWith("cold:") || line.startsWith("total_s"))
                .forEach(line -> System.out.println("  " + line));
        return timed;
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
