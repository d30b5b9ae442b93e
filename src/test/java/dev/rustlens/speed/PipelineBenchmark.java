package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Measures the scan pipeline end to end on the corpus: a git repository made of the corpus
 * crates in 20 commits, scanned by the packaged rustlens started as its own process on a
 * schema of its own. Prints the first scan, an unchanged rescan, and a backfill of 20 commits
 * with an empty content cache. See docs/benchmarks.md for the command.
 */
public final class PipelineBenchmark {

    private static final String SCHEMA = "rustlens_bench";
    private static final int COMMITS = 20;
    private static final int PORT = 18_080;
    /** The admin token this run starts rustlens with: writes need one. */
    private static final String TOKEN = "rlt_" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/usr/share/cargo/registry");
        Path jar = Path.of(args.length > 1 ? args[1] : "target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("rustlens-pipeline-bench");
        Path repository = work.resolve("repo");
        long started = System.nanoTime();
        buildHistory(corpusCrates(corpus), repository, COMMITS);
        System.out.printf(Locale.ROOT, "history: %d commits of %s built in %.1f s%n", COMMITS, corpus, seconds(started));

        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        try (BenchServer app = BenchServer.start(jar, SCHEMA, PORT, work.resolve("app.log"), List.of(
                "-Drustlens.work-dir=" + work.resolve("app"), "-Drustlens.admin.token=" + TOKEN,
                "-Drustlens.git.file-roots=" + work))) {
            System.out.printf(Locale.ROOT, "rustlens (pid %d) on %s, log in %s%n", app.pid(), app.base(), work.resolve("app.log"));
            String url = repository.toUri().toString();
            long repositoryId = app.post("/api/v1/repositories", Map.of("name", "corpus", "url", url), TOKEN)
                    .get("id").asLong();

            Storage empty = Storage.now();
            JsonNode first = timed(app, "first scan",
                    () -> List.of(app.post("/api/v1/repositories/" + repositoryId + "/scans", Map.of(), TOKEN)));
            Storage afterFirst = Storage.now();
            JsonNode rescan = timed(app, "unchanged rescan",
                    () -> List.of(app.post("/api/v1/repositories/" + repositoryId + "/scans", Map.of(), TOKEN)));
            Storage afterRescan = Storage.now();
            System.out.printf(Locale.ROOT, "rescan/first: %.1f%% of the time (target 2%%)%n",
                    100.0 * rescan.get("wallMillis").asLong() / first.get("wallMillis").asLong());
            Storage firstScan = afterFirst.minus(empty);
            Storage rescanned = afterRescan.minus(afterFirst);
            firstScan.print("first scan");
            rescanned.print("unchanged rescan");
            System.out.printf(Locale.ROOT, "rescan/first storage: %.2f%%, without the file cache %.2f%% (target 1%%)%n",
                    100.0 * rescanned.all() / firstScan.all(), 100.0 * rescanned.results() / firstScan.results());

            // The backfill starts from an empty content cache, on a second registration of the
            // same history: every file of the 20 commits is parsed once, as for a new repository.
            BenchServer.sql("truncate " + SCHEMA + ".file_result");
            Storage beforeBackfill = Storage.now();
            long backfillId = app.post("/api/v1/repositories", Map.of("name", "corpus-backfill", "url", url), TOKEN)
                    .get("id").asLong();
            timed(app, "backfill of " + COMMITS + " commits", () -> {
                // A backfill answers at once; a worker fetches the branch and lists the scans it queued.
                long id = app.post("/api/v1/repositories/" + backfillId + "/backfill", Map.of("last", COMMITS), TOKEN)
                        .get("id").asLong();
                JsonNode backfill = app.get("/api/v1/backfills/" + id);
                while (List.of("queued", "running").contains(backfill.get("status").asText())) {
                    Thread.sleep(100);
                    backfill = app.get("/api/v1/backfills/" + id);
                }
                if (!backfill.get("status").asText().equals("done")) {
                    throw new IllegalStateException("backfill " + id + ": " + backfill);
                }
                List<JsonNode> queued = new ArrayList<>();
                backfill.get("scanIds").forEach(scanId -> queued.add(JsonNodeFactory.instance.objectNode()
                        .put("repositoryId", backfillId).put("id", scanId.asLong())));
                return queued;
            });
            Storage backfilled = Storage.now().minus(beforeBackfill);
            backfilled.print("backfill");
            System.out.printf(Locale.ROOT, "backfill/first storage: %.2f x, without the file cache %.2f x (target 1.3 x)%n",
                    (double) backfilled.all() / firstScan.all(), (double) backfilled.results() / firstScan.results());
        }
    }

    /** The schema's size on disk, by table: all of it, and its results without the content cache of file results. */
    private record Storage(Map<String, Long> tables) {

        private static final String FILE_CACHE = "file_result";
        /** How many of the tables that grew the most a phase's figures name. */
        private static final int LARGEST = 6;

        static Storage now() throws Exception {
            return new Storage(BenchServer.tableBytes(SCHEMA));
        }

        long all() {
            return tables.values().stream().mapToLong(Long::longValue).sum();
        }

        long results() {
            return all() - tables.getOrDefault(FILE_CACHE, 0L);
        }

        Storage minus(Storage before) {
            Map<String, Long> grown = new TreeMap<>(tables);
            before.tables.forEach((table, bytes) -> grown.merge(table, -bytes, Long::sum));
            return new Storage(grown);
        }

        /** The phase's growth, and the tables that grew the most, so that a figure says where it comes from. */
        void print(String label) {
            String largest = tables.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(LARGEST).filter(table -> table.getValue() > 0)
                    .map(table -> String.format(Locale.ROOT, "%s %.2f", table.getKey(), table.getValue() / 1e6))
                    .collect(Collectors.joining(", "));
            System.out.printf(Locale.ROOT, "%s stored %.1f MB (%.1f MB without the file cache; MB by table: %s)%n",
                    label, all() / 1e6, results() / 1e6, largest);
        }
    }

    /** The crates of the corpus: its directories, sorted. */
    static List<Path> corpusCrates(Path corpus) throws IOException {
        try (Stream<Path> entries = Files.list(corpus)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** A git repository of these crates on branch main, added in {@code commits} commits a day apart. */
    static void buildHistory(List<Path> crates, Path repository, int commits) throws Exception {
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            for (int commit = 0; commit < commits; commit++) {
                for (int i = commit; i < crates.size(); i += commits) {
                    copyRegularFiles(crates.get(i), repository.resolve(crates.get(i).getFileName().toString()));
                }
                git.add().addFilepattern(".").call();
                Instant time = Instant.parse("2026-01-01T12:00:00Z").plus(Duration.ofDays(commit));
                PersonIdent ident = new PersonIdent("bench", "bench@rustlens.dev", time, ZoneOffset.UTC);
                git.commit().setMessage("crates, batch " + commit).setAuthor(ident).setCommitter(ident).call();
            }
        }
    }

    private static void copyRegularFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Something that queues scans over the API. */
    private interface Trigger {
        List<JsonNode> queue() throws Exception;
    }

    /** Queues scans, waits for all of them to end, prints the time and the files parsed and reused. */
    private static JsonNode timed(BenchServer app, String label, Trigger trigger) throws Exception {
        long start = System.nanoTime();
        List<JsonNode> queued = trigger.queue();
        int parsed = 0;
        int reused = 0;
        long serverMillis = 0;
        for (JsonNode scan : queued) {
            JsonNode done = app.awaitScan(scan.get("repositoryId").asLong(), scan.get("id").asLong());
            if (!done.get("status").asText().equals("succeeded")) {
                throw new IllegalStateException(label + ": scan " + done.get("id") + " " + done.get("status") + ": " + done.get("error"));
            }
            parsed += done.get("filesAnalyzed").asInt();
            serverMillis += done.get("durationMillis").asLong();
            reused += done.get("filesReused").asInt();
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s: %.2f s for %d scan(s) (%.2f s running), %d files parsed, %d reused%n",
                label, wall / 1000.0, queued.size(), serverMillis / 1000.0, parsed, reused);
        return JSON.createObjectNode().put("wallMillis", wall);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
