package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What a fresh server's first scan costs against a warm second one: the packaged rustlens started
 * as its own process, a git repository of some corpus crates scanned twice, the second time as a
 * second registration with the result cache emptied, so that both scans parse every file. Extra
 * arguments are the server's JVM options (an AOT cache: {@code -XX:AOTCache=...}, or its training
 * run: {@code -XX:AOTCacheOutput=...}). See docs/benchmarks.md for the commands.
 */
public final class FirstScanBenchmark {

    private static final String SCHEMA = "rustlens_firstscan";
    private static final int PORT = 18_084;
    private static final String TOKEN = "rlt_" + UUID.randomUUID();

    private FirstScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/usr/share/cargo/registry");
        int crateCount = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        List<String> jvmOptions = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();

        Path work = Files.createTempDirectory("rustlens-first-scan-bench");
        Path repository = work.resolve("repo");
        List<Path> all = PipelineBenchmark.corpusCrates(corpus);
        // Crates spread over the corpus, not its first ones: small and large, old and new code.
        List<Path> crates = IntStream.range(0, Math.min(crateCount, all.size()))
                .mapToObj(i -> all.get(i * all.size() / Math.min(crateCount, all.size()))).toList();
        PipelineBenchmark.buildHistory(crates, repository, 1);

        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of("-Drustlens.work-dir=" + work.resolve("app"), "-Drustlens.admin.token=" + TOKEN,
                "-Drustlens.git.file-roots=" + work));
        long starting = System.nanoTime();
        try (BenchServer app = BenchServer.start(jar, SCHEMA, PORT, work.resolve("app.log"), options)) {
            System.out.printf(Locale.ROOT, "rustlens (pid %d, %s) ready in %.2f s; %d crates; log in %s%n", app.pid(),
                    jvmOptions.isEmpty() ? "no JVM options" : String.join(" ", jvmOptions),
                    (System.nanoTime() - starting) / 1e9, crates.size(), work.resolve("app.log"));
            Path log = work.resolve("app.log");
            long first = scan(app, log, "first scan", repository, "first");
            // A second registration with an empty result cache: every file is parsed again, warm.
            BenchServer.sql("truncate " + SCHEMA + ".file_result");
            long second = scan(app, log, "second scan", repository, "second");
            System.out.printf(Locale.ROOT, "first/second: %.2f%n", (double) first / second);
        }
    }

    /**
     * Registers the repository, scans it, prints the times and the server's log line of the scan's
     * phases; returns the wall time in milliseconds.
     */
    private static long scan(BenchServer app, Path log, String label, Path repository, String name) throws Exception {
        long repositoryId = app.post("/api/v1/repositories", Map.of("name", name, "url",
                repository.toUri().toString(), "branch", "main"), TOKEN).get("id").asLong();
        long start = System.nanoTime();
        long scanId = app.post("/api/v1/repositories/" + repositoryId + "/scans", Map.of(), TOKEN).get("id").asLong();
        JsonNode done = app.awaitScan(repositoryId, scanId);
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (!done.get("status").asText().equals("succeeded")) {
            throw new IllegalStateException(label + ": " + done.get("status") + ": " + done.get("error"));
        }
        System.out.printf(Locale.ROOT, "%s: %.2f s wall, %.2f s from claim to commit, %d files parsed%n", label,
                wall / 1000.0, done.get("durationMillis").asLong() / 1000.0, done.get("filesAnalyzed").asInt());
        System.out.println("  " + phasesLine(log, scanId));
        return wall;
    }

    /** The server's log line of the scan's phases, written just after its commit. */
    private static String phasesLine(Path log, long scanId) throws Exception {
        String start = "scan " + scanId + " succeeded: ";
        for (int attempt = 0; attempt < 100; attempt++) {
            for (String line : Files.readAllLines(log)) {
                if (line.contains(start)) {
                    return line.substring(line.indexOf(start));
                }
            }
            Thread.sleep(50);
        }
        return "(no log line for scan " + scanId + ")";
    }
}
