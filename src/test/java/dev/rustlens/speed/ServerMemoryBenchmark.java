package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 22 point 3: the server's resident memory with its default settings, started by
 * {@code bin/rustlens-server} as an operator starts it, through a first scan of the corpus as one
 * repository, an unchanged rescan, and eight clients reading the scan, its findings and its pages at
 * once. Samples the process's VmRSS every 100 ms and prints each phase's peak and the final VmHWM
 * against the 1 GiB target. Needs the packaged application (docs/benchmarks.md has the command).
 */
public final class ServerMemoryBenchmark {

    private static final String SCHEMA = "rustlens_memory";
    private static final int PORT = 18_086;
    private static final String TOKEN = "rlt_" + UUID.randomUUID();
    private static final long TARGET_MIB = 1024;
    private static final int READERS = 8;
    private static final long READING_MILLIS = 30_000;

    private ServerMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/usr/share/cargo/registry");
        Path work = Files.createTempDirectory("rustlens-memory-bench");
        Path repository = work.resolve("repo");
        List<Path> crates = PipelineBenchmark.corpusCrates(corpus);
        PipelineBenchmark.buildHistory(crates, repository, 1);
        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");

        ProcessBuilder launcher = new ProcessBuilder(Path.of("bin", "rustlens-server").toString());
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        launcher.environment().put("RUSTLENS_JAVA_OPTS", String.join(" ", "-Ddb.schema=" + SCHEMA,
                "-Dquarkus.http.port=" + PORT, "-Drustlens.work-dir=" + work.resolve("app"),
                "-Drustlens.admin.token=" + TOKEN, "-Drustlens.git.file-roots=" + work));
        Map<String, Long> peaks = new LinkedHashMap<>();
        AtomicReference<String> phase = new AtomicReference<>("start-up");
        try (BenchServer app = BenchServer.launch(launcher, PORT, work.resolve("app.log"))) {
            Path status = Path.of("/proc", Long.toString(app.pid()), "status");
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peaks.merge(phase.get(), kib(status, "VmRSS"), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            System.out.printf(Locale.ROOT, "rustlens (pid %d) started by bin/rustlens-server; %d crates; log in %s%n",
                    app.pid(), crates.size(), work.resolve("app.log"));
            long repositoryId = app.post("/api/v1/repositories", Map.of("name", "corpus", "url",
                    repository.toUri().toString(), "branch", "main"), TOKEN).get("id").asLong();
            phase.set("first scan");
            long first = scan(app, repositoryId);
            phase.set("unchanged rescan");
            scan(app, repositoryId);
            phase.set(READERS + " readers");
            read(app, repositoryId, first);
            phase.set("end");
            Thread.sleep(300);
            sampler.interrupt();
            long hwm = kib(status, "VmHWM");
            peaks.forEach((name, value) -> System.out.printf(Locale.ROOT, "%-18s peak RSS %5d MiB%n", name,
                    value / 1024));
            System.out.printf(Locale.ROOT, "VmHWM (the process's peak) %d MiB; target <= %d MiB: %s%n", hwm / 1024,
                    TARGET_MIB, hwm / 1024 <= TARGET_MIB ? "met" : "NOT met");
        }
    }

    private static long scan(BenchServer app, long repositoryId) throws Exception {
        long start = System.nanoTime();
        long scanId = app.post("/api/v1/repositories/" + repositoryId + "/scans", Map.of(), TOKEN).get("id").asLong();
        JsonNode done = app.awaitScan(repositoryId, scanId);
        if (!done.get("status").asText().equals("succeeded")) {
            throw new IllegalStateException("scan " + scanId + ": " + done.get("status") + ": " + done.get("error"));
        }
        System.out.printf(Locale.ROOT, "scan %d: %.1f s wall, %d files parsed%n", scanId,
                (System.nanoTime() - start) / 1e9, done.get("filesAnalyzed").asInt());
        return scanId;
    }

    /** Eight clients read the scan's JSON, its findings in pages, the CSV export and the repository's page. */
    private static void read(BenchServer app, long repositoryId, long scanId) throws Exception {
        List<String> paths = List.of("/api/v1/scans/" + scanId, "/api/v1/scans/" + scanId + "/findings?limit=500",
                "/api/v1/scans/" + scanId + "/findings.csv", "/repositories/" + repositoryId,
                "/api/v1/repositories/" + repositoryId + "/trends");
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long end = System.currentTimeMillis() + READING_MILLIS;
        try (ExecutorService clients = Executors.newFixedThreadPool(READERS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < READERS; client++) {
                int first = client;
                running.add(clients.submit(() -> {
                    for (int i = first; System.currentTimeMillis() < end; i++) {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                URI.create(app.base() + paths.get(i % paths.size())))
                                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        requests.incrementAndGet();
                        bytes.addAndGet(response.body().length);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        System.out.printf(Locale.ROOT, "%d readers for %d s: %d requests, %.1f MB, statuses %s%n", READERS,
                READING_MILLIS / 1000, requests.get(), bytes.get() / 1e6, statuses);
    }

    /** A figure in kB of /proc/PID/status, e.g. VmRSS. */
    private static long kib(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0; // the process has ended
        }
        return 0;
    }
}
