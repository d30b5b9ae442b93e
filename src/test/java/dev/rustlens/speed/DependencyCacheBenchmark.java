package dev.rustlens.speed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.config.TestConfig;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.supply.DependencyAnalyses;
import dev.rustlens.supply.PackageAnalysisStore;
import dev.rustlens.supply.PackageUnsafe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures the dependency analyses on the local PostgreSQL (schema {@code rustlens_depbench},
 * made afresh with migration V22): a scan's lock of 300 packages that are all recorded already
 * (five rounds, the median), and N corpus crates that are not, fetched from the corpus directory
 * and analysed, beside the engine analysing the same crates one after another (after one untimed
 * engine pass that warms the JIT). See
 * docs/benchmarks.md for the command.
 */
public final class DependencyCacheBenchmark {

    private static final String SCHEMA = "rustlens_depbench";
    private static final PackageSource CRATES_IO = PackageSource.parse(
            Optional.of("registry+https://github.com/rust-lang/crates.io-index"));
    private static final int RECORDED = 300;
    private static final int ROUNDS = 5;

    private DependencyCacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/usr/share/cargo/registry");
        int crates = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path work = Files.createTempDirectory("rustlens-dependency-bench");
        BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        BenchServer.sql("create schema " + SCHEMA);
        try (Connection connection = BenchServer.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute(Files.readString(Path.of("migrations/V22__Analyse_each_dependency_once.sql")));
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + SCHEMA);
        dataSource.setUser("postgres");
        dataSource.setPassword(System.getenv().getOrDefault("PGPASSWORD", ""));
        PackageAnalysisStore store = new PackageAnalysisStore(dataSource);
        RustlensConfig config = TestConfig.of(Map.of("rustlens.work-dir", work.toString(),
                "rustlens.dependencies.sources", "directory:" + corpus));
        DependencyAnalyses analyses = new DependencyAnalyses(config, new OutboundPolicy(config), store);
        String version = "bench-" + UUID.randomUUID();
        DirectorySourceTree repository = new DirectorySourceTree(work);

        try (Analyzer analyzer = new Analyzer(CheckCatalogue.load(), AnalyzerSettings.defaults())) {
            List<LockedPackage> recorded = recorded(store, version);
            long[] millis = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                Map<String, PackageUnsafe> answers = analyses.analyse(recorded, repository, analyzer, version, () -> false);
                millis[round] = (System.nanoTime() - started) / 1_000_000;
                if (answers.values().stream().anyMatch(answer -> answer.status() != PackageUnsafe.Status.ANALYSED)) {
                    throw new IllegalStateException("a recorded package was not read back: " + answers);
                }
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%d recorded packages: median %d ms of %d rounds (%d-%d ms)%n", RECORDED,
                    millis[ROUNDS / 2], ROUNDS, millis[0], millis[ROUNDS - 1]);

            List<Path> directories = corpusCrates(corpus).subList(0, crates);
            List<LockedPackage> fresh = new ArrayList<>();
            for (Path directory : directories) {
                fresh.add(corpusPackage(directory));
            }
            // One untimed engine pass first, so that neither timed side is the one that warms the JIT.
            for (Path directory : directories) {
                analyzer.analyze(directory);
            }
            double[] ratios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long started = System.nanoTime();
                Map<String, PackageUnsafe> answers = analyses.analyse(fresh, repository, analyzer,
                        "bench-" + UUID.randomUUID(), () -> false);
                double serviceSeconds = (System.nanoTime() - started) / 1e9;
                answers.values().stream().filter(answer -> answer.status() != PackageUnsafe.Status.ANALYSED)
                        .forEach(answer -> System.out.printf(Locale.ROOT, "  %s %s: %s, %s%n", answer.name(),
                                answer.version(), answer.status(), answer.reason()));
                int libraryFiles = answers.values().stream().mapToInt(PackageUnsafe::files).sum();

                started = System.nanoTime();
                int engineFiles = 0;
                for (Path directory : directories) {
                    AnalysisResult result = analyzer.analyze(directory);
                    engineFiles += result.filesAnalyzed();
                }
                double engineSeconds = (System.nanoTime() - started) / 1e9;
                ratios[round] = serviceSeconds / engineSeconds;
                System.out.printf(Locale.ROOT, "round %d: %d unrecorded corpus crates fetched, checked and analysed"
                        + " (%d at once; %d library files) in %.1f s; the engine on the same crates whole (tests"
                        + " included), one after another: %d files in %.1f s; ratio %.2f%n", round + 1, crates,
                        config.dependencies().threads(), libraryFiles, serviceSeconds, engineFiles, engineSeconds,
                        ratios[round]);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "median ratio, dependency analyses to engine: %.2f%n", ratios[ROUNDS / 2]);
        } finally {
            BenchServer.sql("drop schema if exists " + SCHEMA + " cascade");
        }
        System.exit(0);
    }

    /** {@value #RECORDED} packages recorded as analysed, as a large lock file's would be. */
    private static List<LockedPackage> recorded(PackageAnalysisStore store, String version) {
        Random random = new Random(24);
        List<LockedPackage> packages = new ArrayList<>();
        for (int i = 0; i < RECORDED; i++) {
            byte[] checksum = new byte[32];
            random.nextBytes(checksum);
            LockedPackage locked = new LockedPackage("bench-crate-" + i, "1." + i + ".0", CRATES_IO,
                    Optional.of(HexFormat.of().formatHex(checksum)), 1 + 8 * i);
            store.save(new PackageUnsafe(locked.name(), locked.version(), locked.checksum().orElseThrow(),
                    PackageUnsafe.Status.ANALYSED, "", 10, 1000, i % 7, 0, 0, 0, 0, 0, false, "B", version), "bench");
            packages.add(locked);
        }
        return packages;
    }

    private static List<Path> corpusCrates(Path corpus) throws Exception {
        try (Stream<Path> listed = Files.list(corpus)) {
            List<Path> crates = new ArrayList<>();
            for (Path directory : listed.sorted().toList()) {
                // Debian could not get the checksum of some crates: their lock entry could not be checked.
                if (Files.isRegularFile(directory.resolve(".cargo-checksum.json"))
                        && checksumOf(directory).matches("[0-9a-f]{64}")) {
                    crates.add(directory);
                }
            }
            return crates;
        }
    }

    private static LockedPackage corpusPackage(Path directory) throws Exception {
        String dir = directory.getFileName().toString();
        int dash = dir.lastIndexOf('-', dir.indexOf('.'));
        return new LockedPackage(dir.substring(0, dash), dir.substring(dash + 1), CRATES_IO,
                Optional.of(checksumOf(directory)), 1);
    }

    private static String checksumOf(Path directory) throws Exception {
        return new ObjectMapper().readTree(directory.resolve(".cargo-checksum.json").toFile()).path("package").asText();
    }
}
