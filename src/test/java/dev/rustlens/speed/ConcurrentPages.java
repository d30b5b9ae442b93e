package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PageBenchmark's concurrent phase: rustlens started again on the seeded schema with two scan
 * workers, two repositories of corpus crates scanned at once, and meanwhile {@code clients}
 * clients requesting every page kind in turn, each on its own connection; prints each page's
 * median and 95th percentile under that load.
 */
final class ConcurrentPages {

    private static final int CRATES_PER_REPOSITORY = 40;
    private static final long AT_LEAST_MILLIS = 30_000;

    private ConcurrentPages() {
    }

    static void measure(Path jar, String schema, int port, Path work, String token, Path corpus,
            Map<String, List<String>> pages, int clients) throws Exception {
        Path roots = work.resolve("corpus-repositories");
        List<Path> crates = PipelineBenchmark.corpusCrates(corpus);
        List<Path> repositories = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path repository = roots.resolve("corpus-" + i);
            int from = Math.min(i * CRATES_PER_REPOSITORY, crates.size());
            PipelineBenchmark.buildHistory(crates.subList(from, Math.min(from + CRATES_PER_REPOSITORY, crates.size())),
                    repository, 1);
            repositories.add(repository);
        }
        try (BenchServer server = BenchServer.start(jar, schema, port, work.resolve("concurrent.log"), List.of(
                "-Drustlens.work-dir=" + work.resolve("app"), "-Drustlens.scan.workers=2",
                "-Drustlens.admin.token=" + token, "-Drustlens.git.file-roots=" + roots))) {
            Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
            pages.keySet().forEach(page -> nanos.put(page, Collections.synchronizedList(new ArrayList<>())));
            AtomicBoolean running = new AtomicBoolean(true);
            HttpClient http = HttpClient.newHttpClient();
            long start = System.currentTimeMillis();
            List<long[]> scanned = new ArrayList<>();
            for (Path repository : repositories) {
                long id = server.post("/api/v1/repositories", Map.of("name", repository.getFileName().toString()
                        + "-" + start, "url", repository.toUri().toString(), "branch", "main"), token).get("id").asLong();
                scanned.add(new long[] {id, server.post("/api/v1/repositories/" + id + "/scans", Map.of(), token)
                        .get("id").asLong()});
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> clientsRunning = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    int offset = client;
                    clientsRunning.add(pool.submit(() -> {
                        List<String> kinds = new ArrayList<>(pages.keySet());
                        for (int i = offset; running.get(); i++) {
                            String page = kinds.get(i % kinds.size());
                            List<String> paths = pages.get(page);
                            String path = paths.get((i / kinds.size()) % paths.size());
                            long began = System.nanoTime();
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                    URI.create(server.base() + path)).header("Authorization", "Bearer " + token)
                                    .build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("GET " + path + ": " + response.statusCode());
                            }
                            nanos.get(page).add(System.nanoTime() - began);
                        }
                        return null;
                    }));
                }
                for (long[] scan : scanned) {
                    JsonNode done = server.awaitScan(scan[0], scan[1]);
                    System.out.printf(Locale.ROOT, "concurrent scan %d: %s after %.1f s%n", scan[1],
                            done.get("status").asText(), (System.currentTimeMillis() - start) / 1e3);
                }
                Thread.sleep(Math.max(0, start + AT_LEAST_MILLIS - System.currentTimeMillis()));
                running.set(false);
                for (Future<?> client : clientsRunning) {
                    client.get();
                }
            }
            System.out.printf(Locale.ROOT, "%d clients while two scans ran (%.1f s), load average %s%n", clients,
                    (System.currentTimeMillis() - start) / 1e3, Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "page", "requests", "median ms", "p95 ms");
            pages.keySet().forEach(page -> {
                long[] sorted = nanos.get(page).stream().mapToLong(Long::longValue).sorted().toArray();
                if (sorted.length > 0) {
                    System.out.printf(Locale.ROOT, "%-44s %9d %9.1f %9.1f%n", page, sorted.length,
                            sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
                }
            });
        }
    }
}
