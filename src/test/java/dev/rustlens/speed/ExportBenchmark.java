package dev.rustlens.speed;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Exports 200,000 findings of one scan as CSV and as SARIF from the packaged rustlens started
 * with a 128 MiB heap, and prints the time, the size and the process's peak memory: the exports
 * stream, so a heap far smaller than the documents is enough. See docs/benchmarks.md.
 */
public final class ExportBenchmark {

    private static final String SCHEMA = "rustlens_exportbench";
    private static final int PORT = 18_081;
    private static final int FINDINGS = 200_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar");
        Path work = Files.createTempDirectory("rustlens-export-bench");
        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        try (BenchServer app = BenchServer.start(jar, SCHEMA, PORT, work.resolve("app.log"), List.of("-Xmx128m",
                "-Drustlens.work-dir=" + work, "-Drustlens.scan.workers=0"))) {
            long scanId = seed();
            for (String format : new String[] {"csv", "sarif"}) {
                long start = System.nanoTime();
                HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(app.base() + "/api/v1/scans/" + scanId + "/findings." + format)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long bytes;
                try (InputStream body = response.body()) {
                    bytes = body.transferTo(OutputStream.nullOutputStream());
                }
                System.out.printf(Locale.ROOT, "%s: status %d, %d findings, %.1f MB in %.2f s%n", format,
                        response.statusCode(), FINDINGS, bytes / 1e6, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf(Locale.ROOT, "rustlens process with -Xmx128m: peak RSS %s%n", peakRss(app.pid()));
        }
    }

    /** One repository, scan and crate snapshot with {@link #FINDINGS} findings, written by SQL. */
    private static long seed() throws Exception {
        try (Connection connection = BenchServer.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path = " + SCHEMA);
            sql.execute("insert into repository (name, url, default_branch) values ('export', 'https://example.com/x.git', 'main')");
            sql.execute("insert into scan (repository_id, branch, commit_sha, trigger, status, committed_at)"
                    + " select id, 'main', repeat('a', 40), 'api', 'succeeded', now() from repository");
            sql.execute("insert into crate (repository_id, name) select id, 'big' from repository");
            sql.execute("insert into crate_snapshot (scan_id, crate_id, path, files, code_lines, unsafe_blocks,"
                    + " unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks, unsafe_in_macros,"
                    + " findings, metrics) select s.id, c.id, '.', 1, 1, 0, 0, 0, 0, 0, 0, 0, " + FINDINGS + ", '{}'"
                    + " from scan s, crate c");
            sql.execute("insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line,"
                    + " end_col, message, in_test_code, suppression, fingerprint, tracking)"
                    + " select cs.scan_id, cs.id, 'unwrap_used', 'MINOR', 'src/module_' || (n % 500) || '.rs', n % 2000 + 1,"
                    + " 5, n % 2000 + 1, 14, '`.unwrap()` panics on None or Err: handle the error or use expect with"
                    + " the invariant', false, 'NONE', md5(n::text), 'new'"
                    + " from crate_snapshot cs, generate_series(1, " + FINDINGS + ") n");
            try (ResultSet ids = sql.executeQuery("select id from scan")) {
                ids.next();
                return ids.getLong(1);
            }
        }
    }

    private static String peakRss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).strip();
            }
        }
        return "unknown";
    }
}
