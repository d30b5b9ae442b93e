package dev.rustlens.speed;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times {@code bin/rustlens scan CORPUS} as a cold process against the C reference scanner, in
 * the same run, as {@link AnalysisBenchmark} times its cold process: rounds of the reference and
 * then the launcher, back to back, and the median round's ratio. Each process's CPU time (user and
 * system) is measured too: on a machine that other work shares, wall time says how much of the two
 * cores a process got, CPU time what it cost. See docs/benchmarks.md.
 *
 * <p>Usage: {@code CliBenchmark [--rounds R] [--threads N] [--reference DIR] [--parse-only] CORPUS}.
 * Needs the packaged application (target/quarkus-app) and {@code /usr/bin/time}. The launcher's
 * class-data archive is written by one untimed run first, in a cache directory of the benchmark's
 * own; that first run's time is printed too. With {@code --parse-only}, each round also times
 * {@link ParseFloor} with the launcher's JVM options: parsing each file once and nothing else.
 */
public final class CliBenchmark {

    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int threads = 2;
        Path referenceDir = Path.of("target/tsscan");
        Path corpus = null;
        boolean parseOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--parse-only" -> parseOnly = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reference" -> referenceDir = Path.of(args[++i]);
                default -> corpus = Path.of(args[i]);
            }
        }
        if (corpus == null) {
            throw new IllegalArgumentException(
                    "usage: CliBenchmark [--rounds R] [--threads N] [--reference DIR] [--parse-only] CORPUS");
        }
        Path tsscan = AnalysisBenchmark.buildReference(referenceDir);
        // A cache of this run's own: the first run writes the archive, as on a fresh CI runner.
        Path cache = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cli-benchmark-cache");
        // The launcher runs with JAVA_HOME's java; this JVM's is the one the build uses.
        List<String> cli = List.of("env", "JAVA_HOME=" + System.getProperty("java.home"), "XDG_CACHE_HOME=" + cache,
                Path.of("bin", "rustlens").toString(), "scan", "--threads", String.valueOf(threads), corpus.toString());
        List<String> reference = List.of(tsscan.toString(), "--threads", String.valueOf(threads), corpus.toString());
        // The launcher's JVM options and jars (bin/rustlens), without its class-data archive.
        List<String> parseFloor = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", launcherClassPath() + File.pathSeparator + "target/test-classes", ParseFloor.class.getName(),
                "--threads", String.valueOf(threads), corpus.toString());
        System.out.printf(Locale.ROOT, "corpus=%s threads=%d cores=%d%n", corpus, threads,
                Runtime.getRuntime().availableProcessors());
        TimedProcess first = TimedProcess.run(cli);
        System.out.printf(Locale.ROOT, "first run, writing the class-data archive: %.2f s (CPU %.2f s)%n", first.wall(),
                first.cpu());
        List<double[]> wall = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        List<double[]> floor = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            TimedProcess theirs = TimedProcess.run(reference);
            if (parseOnly) {
                TimedProcess parsing = TimedProcess.run(parseFloor);
                floor.add(new double[] {theirs.wall(), parsing.wall(), parsing.wall() / theirs.wall()});
                System.out.printf(Locale.ROOT, "round %d: parsing each file once %.2f s (CPU %.2f s), ratio %.2f%n", round,
                        parsing.wall(), parsing.cpu(), parsing.wall() / theirs.wall());
            }
            TimedProcess ours = TimedProcess.run(cli);
            wall.add(new double[] {theirs.wall(), ours.wall(), ours.wall() / theirs.wall()});
            cpu.add(new double[] {theirs.cpu(), ours.cpu(), ours.cpu() / theirs.cpu()});
            System.out.printf(Locale.ROOT, "cold round %d: reference %.2f s (CPU %.2f s), rustlens scan %.2f s (CPU %.2f s),"
                    + " ratio %.2f (CPU %.2f)%n", round, theirs.wall(), theirs.cpu(), ours.wall(), ours.cpu(),
                    ours.wall() / theirs.wall(), ours.cpu() / theirs.cpu());
        }
        double[] median = AnalysisBenchmark.median(wall);
        double[] medianCpu = AnalysisBenchmark.median(cpu);
        System.out.printf(Locale.ROOT, "reference cold process: %.2f s; bin/rustlens scan: %.2f s; ratio %.2f, the median"
                + " of %d rounds (target <= 1.5)%n", median[0], median[1], median[2], rounds);
        System.out.printf(Locale.ROOT, "CPU time: reference %.2f s; bin/rustlens scan %.2f s; ratio %.2f, the median of %d"
                + " rounds%n", medianCpu[0], medianCpu[1], medianCpu[2], rounds);
        if (parseOnly) {
            double[] medianFloor = AnalysisBenchmark.median(floor);
            System.out.printf(Locale.ROOT, "parsing each file once: %.2f s against the reference's %.2f s; ratio %.2f, the"
                    + " median of %d rounds%n", medianFloor[1], medianFloor[0], medianFloor[2], rounds);
        }
    }

    /** The packaged application's jars, as the launcher lists them: the app's own, then its dependencies, by name. */
    private static String launcherClassPath() throws IOException {
        List<String> jars = new ArrayList<>();
        for (String directory : List.of("target/quarkus-app/app", "target/quarkus-app/lib/main")) {
            try (Stream<Path> listed = Files.list(Path.of(directory))) {
                listed.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        return String.join(File.pathSeparator, jars);
    }
}
