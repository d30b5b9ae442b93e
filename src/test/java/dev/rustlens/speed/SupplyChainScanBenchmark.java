package dev.rustlens.speed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.analysis.source.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * What the supply chain adds to a scan whose dependencies the server has analysed before: two
 * repositories alike but for their lock file, one locking 300 registry packages (the corpus's
 * crates and packages the advisory database speaks of), one locking none, scanned commit after
 * commit by the packaged rustlens (its own process and schema) with the advisory database of
 * {@code args[0]} (a checkout of RustSec's advisory-db) in use. Prints each repository's scan
 * times as the server measured them and the median difference: the cost of reading the lock,
 * looking up 300 analysed packages, storing them, and matching them against every advisory.
 * See docs/benchmarks.md for the command.
 */
public final class SupplyChainScanBenchmark {

    private static final String SCHEMA = "rustlens_bench_supply";
    private static final int PORT = 18_082;
    private static final int PACKAGES = 300;
    private static final String TOKEN = "rlt_" + UUID.randomUUID();
    private static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";

    private SupplyChainScanBenchmark() {
    }

    /** A locked registry package of the benchmark's lock file. */
    private record Locked(String name, String version, String checksum) {
    }

    public static void main(String[] args) throws Exception {
        Path advisoryCheckout = Path.of(args.length > 0 ? args[0] : "/tmp/advisory-db");
        Path corpus = Path.of(args.length > 1 ? args[1] : "/usr/share/cargo/registry");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path jar = Path.of(args.length > 3 ? args[3] : "target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("rustlens-supply-bench");
        Path database = work.resolve("advisory-db");
        copyAsRepository(advisoryCheckout, database);
        List<Locked> locked = packages(corpus, advisoryCheckout.resolve("crates"));
        Path withLock = work.resolve("locked");
        Path withoutLock = work.resolve("unlocked");
        Map<String, String> lockedFiles = workspace(lockFile(locked));
        Map<String, String> unlockedFiles = workspace(lockFile(List.of()));

        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        Path noSources = Files.createDirectories(work.resolve("no-sources"));
        try (Git locking = commit(Git.init().setDirectory(withLock.toFile()).setInitialBranch("main").call(), lockedFiles, 0);
                Git plain = commit(Git.init().setDirectory(withoutLock.toFile()).setInitialBranch("main").call(),
                        unlockedFiles, 0);
                BenchServer app = BenchServer.start(jar, SCHEMA, PORT, work.resolve("app.log"), List.of(
                        "-Drustlens.work-dir=" + work.resolve("app"), "-Drustlens.admin.token=" + TOKEN,
                        "-Drustlens.git.file-roots=" + work, "-Drustlens.advisories.url=" + database,
                        "-Drustlens.dependencies.sources=directory:" + noSources))) {
            System.out.printf(Locale.ROOT, "rustlens (pid %d) on %s, log in %s%n", app.pid(), app.base(), work.resolve("app.log"));
            JsonNode status = awaitAdvisories(app);
            System.out.printf(Locale.ROOT, "advisory database %s: %d advisories%n", status.get("revision").asText(),
                    status.get("advisories").asInt());
            long lockedId = app.post("/api/v1/repositories", Map.of("name", "locked", "url", withLock.toUri().toString()),
                    TOKEN).get("id").asLong();
            long plainId = app.post("/api/v1/repositories", Map.of("name", "unlocked", "url",
                    withoutLock.toUri().toString()), TOKEN).get("id").asLong();
            scan(app, lockedId);
            scan(app, plainId);
            analysed(locked);

            List<Long> lockedMillis = new ArrayList<>();
            List<Long> plainMillis = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String lib = "//! Round " + round + ".\n\n/// Adds one.\npub fn next(x: u64) -> u64 {\n    x + " + round + "\n}\n";
                commit(locking, Map.of("bench-app/src/lib.rs", lib), round);
                commit(plain, Map.of("bench-app/src/lib.rs", lib), round);
                lockedMillis.add(scan(app, lockedId));
                plainMillis.add(scan(app, plainId));
            }
            JsonNode report = app.get("/api/v1/repositories/" + lockedId + "/dependencies");
            System.out.printf(Locale.ROOT, "locked packages: %d, analysed: %d, with advisories: %d%n",
                    report.get("totals").get("packages").asInt(), report.get("totals").get("analysed").asInt(),
                    report.get("totals").get("withAdvisories").asInt());
            System.out.printf(Locale.ROOT, "scan with 300 locked packages: %s ms, median %d ms%n", lockedMillis,
                    median(lockedMillis));
            System.out.printf(Locale.ROOT, "scan without:                  %s ms, median %d ms%n", plainMillis,
                    median(plainMillis));
            List<Long> added = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                added.add(lockedMillis.get(i) - plainMillis.get(i));
            }
            System.out.printf(Locale.ROOT, "added by the supply chain: median %d ms (target under 1,000 ms)%n",
                    median(added));
        }
    }

    /**
     * 300 registry packages: the corpus crates at their versions, then packages the advisory database
     * has advisories about, at 0.1.0, so that matching meets advisories; checksums made up (the
     * server is told they were analysed).
     */
    private static List<Locked> packages(Path corpus, Path advisoryCrates) throws IOException {
        Map<String, Locked> packages = new TreeMap<>();
        try (Stream<Path> crates = Files.list(corpus)) {
            for (Path crate : crates.sorted().toList()) {
                String directory = crate.getFileName().toString();
                int dash = directory.lastIndexOf('-');
                String name = directory.substring(0, dash);
                packages.putIfAbsent(name, locked(name, directory.substring(dash + 1)));
            }
        }
        try (Stream<Path> advised = Files.list(advisoryCrates)) {
            for (Path crate : advised.sorted().toList()) {
                if (packages.size() == PACKAGES) {
                    break;
                }
                String name = crate.getFileName().toString();
                packages.putIfAbsent(name, locked(name, "0.1.0"));
            }
        }
        return new ArrayList<>(packages.values()).subList(0, Math.min(PACKAGES, packages.size()));
    }

    private static Locked locked(String name, String version) {
        return new Locked(name, version, Digests.sha256Hex(name + "@" + version, 32));
    }

    /** A version 4 lock file: the member depending on every package, then the packages, by name. */
    private static String lockFile(List<Locked> packages) {
        StringBuilder lock = new StringBuilder("version = 4\n\n[[package]]\nname = \"bench-app\"\nversion = \"0.1.0\"\n");
        if (!packages.isEmpty()) {
            lock.append("dependencies = [\n");
            packages.forEach(p -> lock.append(" \"").append(p.name()).append("\",\n"));
            lock.append("]\n");
        }
        for (Locked p : packages) {
            lock.append("\n[[package]]\nname = \"").append(p.name()).append("\"\nversion = \"").append(p.version())
                    .append("\"\nsource = \"").append(CRATES_IO).append("\"\nchecksum = \"").append(p.checksum())
                    .append("\"\n");
        }
        return lock.toString();
    }

    private static Map<String, String> workspace(String lock) {
        return Map.of("Cargo.toml", "[workspace]\nmembers = [\"bench-app\"]\n", "Cargo.lock", lock,
                "bench-app/Cargo.toml", "[package]\nname = \"bench-app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                "bench-app/src/lib.rs", "//! Round 0.\n");
    }

    /** Records the packages as analysed by the server's analyzer, as earlier scans of other repositories would have. */
    private static void analysed(List<Locked> packages) throws Exception {
        try (Connection connection = BenchServer.connect();
                PreparedStatement version = connection.prepareStatement(
                        "select analyzer_version from " + SCHEMA + ".scan where analyzer_version is not null limit 1");
                ResultSet row = version.executeQuery();
                PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".package_analysis"
                        + " (name, version, checksum, analyzer_version, status, files, code_lines, unsafe_blocks,"
                        + " forbids_unsafe, unsafe_rating, source) values (?, ?, ?, ?, 'ANALYSED', 3, 400, ?, ?, ?, 'benchmark')")) {
            row.next();
            String analyzer = row.getString(1);
            for (int i = 0; i < packages.size(); i++) {
                Locked p = packages.get(i);
                insert.setString(1, p.name());
                insert.setString(2, p.version());
                insert.setString(3, p.checksum());
                insert.setString(4, analyzer);
                insert.setInt(5, i % 3);
                insert.setBoolean(6, i % 3 == 0);
                insert.setString(7, i % 3 == 0 ? "A" : "B");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static JsonNode awaitAdvisories(BenchServer app) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = app.get("/api/v1/advisories/database");
            if (status.hasNonNull("revision")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the advisory database was not fetched within 120 s");
    }

    /** Scans the repository's head and answers how long the scan ran, as the server measured it. */
    private static long scan(BenchServer app, long repositoryId) throws Exception {
        JsonNode queued = app.post("/api/v1/repositories/" + repositoryId + "/scans", Map.of(), TOKEN);
        JsonNode done = app.awaitScan(repositoryId, queued.get("id").asLong());
        if (!done.get("status").asText().equals("succeeded")) {
            throw new IllegalStateException("scan " + done.get("id") + " " + done.get("status") + ": " + done.get("error"));
        }
        return done.get("durationMillis").asLong();
    }

    private static Git commit(Git git, Map<String, String> files, int day) throws Exception {
        Path root = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent() == null ? root : target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        git.add().addFilepattern(".").call();
        PersonIdent ident = new PersonIdent("bench", "bench@rustlens.dev",
                Instant.parse("2026-06-01T12:00:00Z").plusSeconds(86_400L * day), ZoneOffset.UTC);
        git.commit().setMessage("round " + day).setAuthor(ident).setCommitter(ident).call();
        return git;
    }

    /** The advisory checkout's files committed to a new git repository, as the server fetches a database. */
    private static void copyAsRepository(Path checkout, Path repository) throws Exception {
        try (Stream<Path> files = Files.walk(checkout)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.git/")).toList()) {
                Path target = repository.resolve(checkout.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            commit(git, Map.of(), 0);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
