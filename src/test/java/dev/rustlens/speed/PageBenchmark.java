package dev.rustlens.speed;

import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.ScoreFormula;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Page speed: seeds repositories (50, or {@code --repositories N}) with succeeded scans each (100,
 * or {@code --scans N}): crates, crate snapshots with scores and metrics, tracked findings, unsafe
 * sites, gate verdicts, benchmarks with results and alerts, straight into PostgreSQL; starts the
 * packaged rustlens on that schema, and prints the median and 95th percentile of every page's
 * HTTP round trip with one client after a warm-up of all pages. With {@code --concurrent CORPUS}
 * it then starts rustlens again with two scan workers, scans two repositories of corpus crates,
 * and while they run has {@value #CLIENTS} clients request every page at once. Targets (issue 22):
 * p95 at most 100 ms with one client, 250 ms with 16 while two scans run. {@code --schema} and
 * {@code --port} let two people measure at once, {@code --pages TEXT} times only the pages whose
 * name contains TEXT. See docs/benchmarks.md.
 */
public final class PageBenchmark {

    private static String schema = "rustlens_seed";
    private static int port = 18_082;
    private static final int CLIENTS = 16;
    private static int repositories = 50;
    private static int scans = 100;
    private static final int WARM_UP = 50;
    private static final int TIMED = 100;
    private static final String TOKEN = "rlt_" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Check ids with their default severity and a message like the check's; findings cycle through them. */
    private static final String[][] CHECKS = {
        {"unwrap_used", "MINOR", "`.unwrap()` panics on None or Err: handle the error or use `expect` with the invariant"},
        {"expect_used", "MINOR", "`.expect(..)` panics on None or Err: return the error to the caller"},
        {"missing_docs", "MINOR", "public function has no doc comment"},
        {"missing_doc_example", "INFO", "documented public function has no code example"},
        {"panic_in_library", "MAJOR", "`panic!` in library code: return an error instead"},
        {"undocumented_unsafe_block", "CRITICAL", "unsafe block without a `// SAFETY:` comment"},
        {"unsafe_outside_core", "MAJOR", "unsafe code outside the modules declared as core"},
        {"allow_without_reason", "MINOR", "`#[allow(clippy::cast_possible_truncation)]` without a `reason`"},
        {"missing_docs", "MINOR", "public struct has no doc comment"},
        {"transmute", "MAJOR", "`mem::transmute` reinterprets bits unchecked: prefer a safe conversion"},
        {"unwrap_used", "MINOR", "`.unwrap()` on an Option panics on None"},
        {"static_mut", "MAJOR", "`static mut` is shared mutable state: use an atomic or a lock"},
    };

    private PageBenchmark() {
    }

    /**
     * Arguments: {@code --reuse} keeps an already seeded schema ({@code --only-concurrent} too,
     * and skips the one-client measurements); {@code --repositories N},
     * {@code --scans N}, {@code --schema NAME} (default rustlens_seed), {@code --port N} (default 18082),
     * {@code --pages TEXT}, {@code --concurrent CORPUS}, {@code --jar JAR} (default
     * target/quarkus-app/quarkus-run.jar); a schema and port of its own let two benchmarks run on one machine.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean reuse = arguments.contains("--reuse") || arguments.contains("--only-concurrent");
        repositories = Integer.parseInt(option(arguments, "--repositories", "50"));
        scans = Integer.parseInt(option(arguments, "--scans", "100"));
        schema = option(arguments, "--schema", schema);
        port = Integer.parseInt(option(arguments, "--port", Integer.toString(port)));
        String pageNameContains = option(arguments, "--pages", "");
        String concurrent = option(arguments, "--concurrent", null);
        Path jar = Path.of(option(arguments, "--jar", "target/quarkus-app/quarkus-run.jar"));
        Path work = Files.createTempDirectory("rustlens-page-bench");
        if (!reuse) {
            BenchServer.sql("drop schema if exists " + schema + " cascade");
        }
        try (BenchServer server = BenchServer.start(jar, schema, port, work.resolve("app.log"), List.of(
                "-Drustlens.work-dir=" + work.resolve("app"), "-Drustlens.scan.workers=0",
                "-Drustlens.admin.token=" + TOKEN))) {
            if (!reuse) {
                long start = System.nanoTime();
                seed();
                System.out.printf(Locale.ROOT, "seeded %d repositories x %d scans in %.1f s%n", repositories, scans,
                        (System.nanoTime() - start) / 1e9);
            }
            System.out.println(counts());
            System.out.printf(Locale.ROOT, "%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            Map<String, List<String>> pages = pages();
            if (arguments.contains("--only-concurrent")) {
                pages.clear();
            }
            pages.keySet().removeIf(name -> !name.contains(pageNameContains));
            // Every page is warmed up before any is timed, so the first ones do not pay for the JIT.
            for (List<String> paths : pages.values()) {
                for (int i = 0; i < WARM_UP; i++) {
                    get(server, paths.get(i % paths.size()));
                }
            }
            System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "page", "median ms", "p95 ms", "kB");
            for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                measure(server, page.getKey(), page.getValue());
            }
        }
        if (concurrent != null) {
            ConcurrentPages.measure(jar, schema, port, work, TOKEN, Path.of(concurrent), pages(), CLIENTS);
        }
    }

    private static String option(List<String> arguments, String name, String absent) {
        int at = arguments.indexOf(name);
        return at < 0 || at + 1 >= arguments.size() ? absent : arguments.get(at + 1);
    }

    /** Each page kind with the addresses it is requested at (cycled through), ids read from the seeded data. */
    private static Map<String, List<String>> pages() throws Exception {
        List<Long> repositories = ids("select id from repository order by id");
        List<Long> crates = ids("select min(id) from crate group by repository_id order by 1");
        List<Long> latestScans = ids("select max(id) from scan where status = 'succeeded' group by repository_id order by 1");
        // A finding of each of 20 current scans from the middle of the list, for pages that start after it.
        List<Long> laterFindings = ids("select (select min(f.id) from finding f where f.scan_id = s.id) from (select max(id) as id"
                + " from scan where status = 'succeeded' group by repository_id) s order by 1 offset " + repositories.size() / 2 + " limit 20");
        List<Long> benchmarks = ids("select min(id) from benchmark group by repository_id order by 1");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("overview /", List.of("/"));
        pages.put("overview, last page by name", List.of("/?sort=name&order=asc&page=" + (repositories.size() + 49) / 50));
        pages.put("overview by unsafe trend", List.of("/?sort=unsafe-trend&order=asc"));
        pages.put("overview by unsafe trend, descending", List.of("/?sort=unsafe-trend&order=desc"));
        pages.put("overview by score trend", List.of("/?sort=score-trend&order=asc"));
        pages.put("overview by score trend, descending", List.of("/?sort=score-trend&order=desc"));
        pages.put("repository page", each(repositories, "/repositories/%d"));
        pages.put("crate page", each(crates, "/crates/%d"));
        pages.put("crates of every repository", List.of("/crates"));
        pages.put("findings browser, all repositories", List.of("/findings"));
        pages.put("findings browser, one repository", each(repositories, "/findings?repository=%d"));
        pages.put("findings browser, repository and check", each(repositories, "/findings?repository=%d&check=unwrap_used"));
        pages.put("findings browser, all repositories, one check", List.of("/findings?check=transmute"));
        pages.put("findings browser, all repositories, later page", each(laterFindings, "/findings?after=%d"));
        pages.put("check catalogue", List.of("/checks"));
        pages.put("check page", Arrays.stream(CHECKS).map(check -> "/checks/" + check[0]).distinct().toList());
        pages.put("benchmarks of a repository", each(repositories, "/repositories/%d/benchmarks"));
        pages.put("benchmark page", each(benchmarks, "/benchmarks/%d"));
        pages.put("GET /api/v1/repositories", List.of("/api/v1/repositories"));
        pages.put("GET /api/v1/repositories/{id}/scans", each(repositories, "/api/v1/repositories/%d/scans"));
        pages.put("GET /api/v1/scans/{id}", each(latestScans, "/api/v1/scans/%d"));
        pages.put("GET /api/v1/scans/{id}/findings?limit=100", each(latestScans, "/api/v1/scans/%d/findings?limit=100"));
        pages.put("GET /api/v1/findings?limit=100", List.of("/api/v1/findings?limit=100"));
        pages.put("GET /api/v1/findings?sort=path&limit=100", List.of("/api/v1/findings?sort=path&limit=100"));
        pages.put("GET /api/v1/repositories/{id}/score", each(repositories, "/api/v1/repositories/%d/score"));
        pages.put("GET /api/v1/repositories/{id}/trends", each(repositories, "/api/v1/repositories/%d/trends"));
        pages.put("GET /api/v1/crates", List.of("/api/v1/crates"));
        pages.put("GET /api/v1/crates/{id}", each(crates, "/api/v1/crates/%d"));
        pages.put("GET /api/v1/crates/{id}/trends", each(crates, "/api/v1/crates/%d/trends"));
        pages.put("GET /api/v1/repositories/{id}/gate/status", each(repositories, "/api/v1/repositories/%d/gate/status"));
        pages.put("GET /api/v1/repositories/{id}/benchmarks", each(repositories, "/api/v1/repositories/%d/benchmarks"));
        pages.put("GET /api/v1/benchmarks/{id}/history", each(benchmarks, "/api/v1/benchmarks/%d/history"));
        pages.put("GET /api/v1/repositories/{id}/badge/grade.svg", each(repositories, "/api/v1/repositories/%d/badge/grade.svg"));
        return pages;
    }

    /** Requests the page's addresses in turn, {@value #TIMED} times, and prints the median and p95 round trip. */
    private static void measure(BenchServer server, String page, List<String> paths) throws Exception {
        long[] nanos = new long[TIMED];
        long bytes = 0;
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            bytes += get(server, paths.get(i % paths.size()));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-44s %9.1f %9.1f %9.1f%n", page, nanos[TIMED / 2] / 1e6,
                nanos[(int) Math.ceil(TIMED * 0.95) - 1] / 1e6, bytes / 1e3 / TIMED);
    }

    /** One request; returns the size of the response body, which must be a 200. */
    private static int get(BenchServer server, String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    private static List<String> each(List<Long> ids, String pattern) {
        return ids.stream().map(id -> String.format(Locale.ROOT, pattern, id)).toList();
    }

    private static List<Long> ids(String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = BenchServer.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path = " + schema);
            try (ResultSet rows = sql.executeQuery(query)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String counts() throws Exception {
        StringBuilder counts = new StringBuilder("rows:");
        for (String table : List.of("repository", "scan", "crate", "crate_snapshot", "finding", "unsafe_site", "gate_result",
                "benchmark", "benchmark_result", "benchmark_alert")) {
            counts.append(' ').append(table).append(' ').append(ids("select count(*) from " + table).getFirst());
        }
        return counts.toString();
    }

    /**
     * The history, generated in PostgreSQL: scan i of a repository has, per crate, the findings
     * numbered i/2+1 .. base+i (one new per scan, one fixed every other scan), fingerprinted by
     * crate and number, so tracking and new/fixed counts are consistent across scans. Scores drift
     * down, stay or go up depending on the repository.
     */
    private static void seed() throws Exception {
        try (Connection connection = BenchServer.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path = " + schema);
            sql.execute("set work_mem = '64MB'");
            sql.execute("""
                    insert into repository (name, url, default_branch)
                    select 'service-' || lpad(r::text, 3, '0'), 'https://git.example.com/team/service-' || r || '.git', 'main'
                    from generate_series(1, %d) r""".formatted(repositories));
            sql.execute("""
                    create temp table seed_crate as
                    select r.id as repository_id, c as cn, r.name || '-' || (array['core', 'io', 'cli', 'macros', 'util', 'ffi', 'async'])[c] as name,
                           20 + (r.id * 7 + c * 13) % 80 as base
                    from repository r, generate_series(1, 7) c where c <= 3 + r.id % 5""");
            sql.execute("insert into crate (repository_id, name) select repository_id, name from seed_crate");
            sql.execute("alter table seed_crate add column crate_id bigint");
            sql.execute("update seed_crate s set crate_id = c.id from crate c where c.repository_id = s.repository_id and c.name = s.name");
            sql.execute("""
                    insert into scan (repository_id, branch, commit_sha, trigger, status, queued_at, started_at, finished_at,
                                      heartbeat_at, worker, analyzer_version, committed_at)
                    select r.id, 'main', md5(r.id || ':' || i) || substr(md5(i || ':' || r.id), 1, 8),
                           case when i %% 10 = 0 then 'manual' else 'schedule' end, 'succeeded',
                           t + interval '1 hour', t + interval '61 minutes', t + interval '63 minutes', t + interval '63 minutes',
                           'bench', '1', t
                    from repository r, generate_series(1, %d) i,
                         lateral (select now() - (%d + 1 - i) * interval '1 day' - r.id * interval '7 minutes' as t) c""".formatted(scans, scans));
            sql.execute("""
                    create temp table seed_scan as
                    select id as scan_id, repository_id, row_number() over (partition by repository_id order by committed_at) as i
                    from scan""");
            sql.execute("""
                    with v as (
                        select ss.scan_id, ss.i, sc.crate_id, sc.name, sc.cn, sc.base,
                               5 + sc.base / 4 + ss.i / 10 as files,
                               case when sc.cn in (1, 6) then sc.base % 15 + ss.i / 20 else 0 end as ub,
                               case when sc.cn = 6 then 2 else 0 end as ui,
                               sc.base + ss.i - ss.i / 2 as findings,
                               greatest(30, least(98, 96 - sc.base / 4 - case when sc.cn in (1, 6) then sc.base % 15 else 0 end
                                   + ss.i * (sc.repository_id % 3 - 1) / 8)) as score
                        from seed_scan ss join seed_crate sc on sc.repository_id = ss.repository_id),
                    w as (select v.*, v.files * 160 + v.i * 12 as code_lines, 100 - v.score as lost from v)
                    insert into crate_snapshot (scan_id, crate_id, path, version, edition, files, code_lines, unsafe_blocks,
                        unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks, unsafe_in_macros, findings,
                        metrics, score, grade, score_formula, score_exact, ratings)
                    select w.scan_id, w.crate_id, 'crates/' || w.name, '0.' || w.cn || '.' || w.i, '2021', w.files, w.code_lines,
                           w.ub, w.ub / 3, w.ub / 4, w.ui, 0, case when w.cn = 6 then 1 else 0 end, 0, w.findings,
                           jsonb_build_object('files', w.files, 'code_lines', w.code_lines, 'blank_lines', w.code_lines / 8,
                               'comment_lines', w.code_lines / 5, 'library_code_lines', w.code_lines * 3 / 4,
                               'test_code_lines', w.code_lines / 4, 'findings', w.findings, 'suppressed_findings', w.findings / 40,
                               'public_items', w.base + 10, 'documented_public_items', (w.base + 10) * w.score / 100,
                               'public_fns', w.base / 2 + 5, 'public_fns_with_example', w.base / 8, 'crate_docs', 1,
                               'test_fns', w.base / 2 + w.i / 5, 'doctests', w.cn * 2, 'integration_test_files', w.cn,
                               'bench_targets', case when w.cn = 1 then 2 else 0 end, 'criterion', case when w.cn = 1 then 1 else 0 end,
                               'parse_errors', 0, 'unsafe_blocks', w.ub, 'unsafe_functions', w.ub / 3, 'unsafe_methods', w.ub / 4,
                               'unsafe_impls', w.ui, 'unsafe_traits', 0, 'extern_blocks', case when w.cn = 6 then 1 else 0 end,
                               'unsafe_in_macros', 0, 'unsafe_in_tests', 0, 'unsafe_expressions', w.ub * 3,
                               'forbids_unsafe', case when w.ub = 0 then 1 else 0 end, 'pedantic_enabled', w.cn % 2,
                               'clippy_allows', w.base % 5, 'allow_attributes', w.base % 7, 'allows_without_reason', w.base % 3),
                           w.score,
                           {grade of w.score},
                           {formula version}, w.score,
                           (select jsonb_agg(jsonb_build_object('kind', r.kind, 'score', r.rating, 'grade', {grade of r.rating},
                                'parts', jsonb_build_array(jsonb_build_object('id', lower(r.kind) || '.seeded',
                                    'title', 'Seeded part', 'points', r.rating, 'max', 100,
                                    'explanation', 'generated for the page benchmark', 'findingsByCheck', '{}'::jsonb)))
                                order by r.n)
                            from (values (1, 'UNSAFE', greatest(0, w.score - 10)), (2, 'PANICS', w.score),
                                         (3, 'DOCUMENTATION', least(100, w.score + 5)), (4, 'VERIFICATION', w.score),
                                         (5, 'HYGIENE', least(100, w.score + 10))) as r(n, kind, rating))
                    from w""".replace("{grade of w.score}", grade("w.score")).replace("{grade of r.rating}", grade("r.rating"))
                    .replace("{formula version}", Integer.toString(ScoreFormula.VERSION)));
            sql.execute("create temp table seed_check (n int, check_id text, severity text, message text)");
            try (PreparedStatement insert = connection.prepareStatement("insert into seed_check values (?, ?, ?, ?)")) {
                for (int i = 0; i < CHECKS.length; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, CHECKS[i][0]);
                    insert.setString(3, CHECKS[i][1]);
                    insert.setString(4, CHECKS[i][2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            sql.execute("""
                    insert into finding (scan_id, crate_snapshot_id, check_id, severity, path, line, col, end_line, end_col,
                                         message, in_test_code, suppression, fingerprint, tracking)
                    select cs.scan_id, cs.id, ch.check_id, ch.severity,
                           'crates/' || sc.name || '/src/' || (array['lib', 'parser', 'io', 'error', 'util', 'raw'])[1 + k %% 6] || '.rs',
                           1 + (k * 37) %% 1500, 5 + k %% 30, 1 + (k * 37) %% 1500, 20 + k %% 30, ch.message, k %% 9 = 0,
                           case when k %% 37 = 0 then 'COMMENT' when k %% 53 = 0 then 'LINT_ATTRIBUTE' else 'NONE' end,
                           md5(sc.crate_id || ':' || k),
                           case when ss.i > 1 and k <= sc.base + ss.i - 1 then 'unchanged' else 'new' end
                    from crate_snapshot cs join seed_scan ss on ss.scan_id = cs.scan_id
                    join seed_crate sc on sc.crate_id = cs.crate_id
                    cross join lateral generate_series(ss.i / 2 + 1, sc.base + ss.i) k
                    join seed_check ch on ch.n = k %% %d""".formatted(CHECKS.length));
            // The counts a store writes with each scan (FindingCounts), which the trends read.
            sql.execute("""
                    insert into finding_count (scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code,
                                               suppression, findings)
                    select scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression, count(*)
                    from finding f where exists (select 1 from seed_scan ss where ss.scan_id = f.scan_id)
                    group by scan_id, crate_snapshot_id, check_id, severity, tracking, in_test_code, suppression""");
            sql.execute("""
                    insert into unsafe_site (crate_snapshot_id, kind, path, line, col, in_test_code)
                    select cs.id, case when n % 3 = 0 then 'FUNCTION' else 'BLOCK' end, cs.path || '/src/raw.rs', n * 11, 9, false
                    from crate_snapshot cs, generate_series(1, cs.unsafe_blocks) n""");
            sql.execute("""
                    update scan s set previous_scan_id = p.previous from (
                        select id, lag(id) over (partition by repository_id order by committed_at) as previous from scan) p
                    where s.id = p.id""");
            sql.execute("""
                    update scan s set score = a.score, unsafe_blocks = a.unsafe_blocks,
                           grade = {grade of a.score},
                           files_total = a.files, files_done = a.files, files_analyzed = a.files / 10, files_reused = a.files - a.files / 10
                    from (select scan_id, (sum(score * code_lines) / sum(code_lines))::int as score, sum(files)::int as files,
                                 sum(unsafe_blocks)::int as unsafe_blocks
                          from crate_snapshot group by scan_id) a
                    where s.id = a.scan_id""".replace("{grade of a.score}", grade("a.score")));
            sql.execute("""
                    update scan s set findings_new = coalesce(n.new, 0), findings_fixed = coalesce(n.fixed, 0)
                    from (select s2.id,
                                 (select count(*) from finding f where f.scan_id = s2.id and f.tracking = 'new') as new,
                                 (select count(*) from finding f where f.scan_id = s2.previous_scan_id and not exists (
                                     select 1 from finding g where g.scan_id = s2.id and g.fingerprint = f.fingerprint)) as fixed
                          from scan s2) n
                    where s.id = n.id""");
            sql.execute("""
                    insert into gate_result (scan_id, baseline_scan_id, passed, conditions, new_code)
                    select s.id, s.previous_scan_id, s.grade <= 'C',
                           jsonb_build_array(
                               jsonb_build_object('condition', jsonb_build_object('type', 'no_new_findings', 'check', 'undocumented_unsafe_block'),
                                   'description', 'no new undocumented_unsafe_block findings', 'passed', true, 'actual', '0', 'expected', '0'),
                               jsonb_build_object('condition', jsonb_build_object('type', 'min_grade', 'grade', 'C'),
                                   'description', 'grade C or better', 'passed', s.grade <= 'C', 'actual', s.grade, 'expected', 'C or better'),
                               jsonb_build_object('condition', jsonb_build_object('type', 'no_open_benchmark_regressions'),
                                   'description', 'no open benchmark regression alert', 'passed', true, 'actual', '0', 'expected', '0')),
                           jsonb_build_object('baselineScanId', s.previous_scan_id, 'newFindings', s.findings_new,
                               'bySeverity', '{}'::jsonb, 'byCheck', '{}'::jsonb, 'metricsDelta', '{}'::jsonb)
                    from scan s""");
            // A few scans that did not get through: one queued (its progress bar) and one failed.
            sql.execute("""
                    insert into scan (repository_id, branch, trigger, status, queued_at)
                    select id, 'main', 'manual', 'queued', now() from repository where id % 10 = 0""");
            sql.execute("""
                    insert into scan (repository_id, branch, trigger, status, error, queued_at, started_at, finished_at)
                    select id, 'main', 'schedule', 'failed', 'git fetch failed: connection refused', now(), now(), now()
                    from repository where id % 10 = 5""");
            sql.execute("""
                    insert into benchmark (repository_id, name, crate_name)
                    select sc.repository_id, b.name, sc.name from seed_crate sc,
                           (values ('parse/small'), ('parse/large'), ('search/literal')) b(name)
                    where sc.cn = 1""");
            sql.execute("""
                    insert into benchmark_result (benchmark_id, measure, value, lower_value, upper_value, commit_sha, branch,
                                                  testbed, created_at)
                    select b.id, 'latency', v.value, v.value * 0.97, v.value * 1.03, s.commit_sha, 'main', 'ci-linux',
                           s.committed_at + interval '2 hours'
                    from benchmark b join seed_scan ss on ss.repository_id = b.repository_id join scan s on s.id = ss.scan_id
                    cross join lateral (select (1000 + b.id %% 7 * 800) * (1 + 0.03 * sin(ss.i))
                        * case when b.repository_id %% 7 = 0 and b.name = 'parse/small' and ss.i > %d then 1.4 else 1 end as value) v"""
                    .formatted(scans - 3));
            sql.execute("""
                    insert into benchmark_threshold (benchmark_id, measure, test, window_size, min_sample_size, upper_boundary)
                    select id, 'latency', 't_test', 30, 5, 0.99 from benchmark""");
            sql.execute("""
                    insert into benchmark_alert (result_id, test, boundary, baseline_mean, baseline_spread, baseline_size,
                                                 limit_value, value, change_percent, status)
                    select r.id, 't_test', 'upper', base.mean, base.spread, 30, base.mean * 1.05, r.value,
                           (r.value / base.mean - 1) * 100, 'open'
                    from benchmark b join benchmark_result r on r.benchmark_id = b.id
                    cross join lateral (select avg(value) as mean, stddev(value) as spread from benchmark_result
                                        where benchmark_id = b.id and id < r.id) base
                    where b.repository_id % 7 = 0 and b.name = 'parse/small'
                      and r.id = (select max(id) from benchmark_result where benchmark_id = b.id)""");
            // Each repository's trend as RecentTrends stores it: its newest 30 points, oldest first, filled by
            // the migration that gave stored trends their points (V38, the same query), and their changes.
            sql.execute("insert into repository_trend (repository_id) select id from repository");
            sql.execute(Files.readString(Path.of("migrations/V38__Store_the_overview_sparklines.sql")));
            sql.execute("""
                    update repository_trend set score_change = scores[cardinality(scores)] - scores[1],
                        unsafe_blocks_change = unsafe_blocks[cardinality(unsafe_blocks)] - unsafe_blocks[1]""");
            sql.execute("analyze");
        }
    }

    /** The SQL that grades a score expression with the grade boundaries the server uses. */
    private static String grade(String score) {
        StringBuilder sql = new StringBuilder("case");
        for (Grade grade : Grade.values()) {
            sql.append(" when ").append(score).append(" >= ").append(grade.minimum()).append(" then '").append(grade)
                    .append('\'');
        }
        return sql.append(" end").toString();
    }
}
