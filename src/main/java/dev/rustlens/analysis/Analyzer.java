package dev.rustlens.analysis;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateDiscovery;
import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.dependencies.DependencyGraph;
import dev.rustlens.analysis.dependencies.RepositoryDependencies;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The pure analysis core: a source tree in, crates with metrics, unsafe inventory and findings
 * out. No database, no HTTP; the same input always gives the same output.
 */
public final class Analyzer implements AutoCloseable {

    /** tree-sitter recurses on the native stack: deeply nested code needs far more than 1 MiB. */
    private static final long ANALYSIS_THREAD_STACK = 256L << 20;
    private static final long MAX_CI_CONFIG_BYTES = 1L << 20;
    /** CI configurations at fixed places, besides GitHub's workflows. */
    private static final java.util.Set<String> CI_CONFIGURATIONS = java.util.Set.of(".gitlab-ci.yml", ".travis.yml",
            ".cirrus.yml", ".circleci/config.yml", "azure-pipelines.yml", ".buildkite/pipeline.yml", "appveyor.yml");
    private static final long COLLECT_INTERVAL_NANOS = 50_000_000;

    private final CheckCatalogue catalogue;
    private final AnalyzerSettings settings;
    private final ExecutorService pool;
    private final List<FileAnalyzer> fileAnalyzers = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<FileAnalyzer> threadAnalyzer;

    public Analyzer(CheckCatalogue catalogue, AnalyzerSettings settings) {
        this(catalogue, settings, () -> {
        });
    }

    /**
     * An analyzer whose threads each run {@code threadSetup} before their first file (a server
     * lowers their priority with it).
     */
    public Analyzer(CheckCatalogue catalogue, AnalyzerSettings settings, Runnable threadSetup) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(settings.threads(), analysisThreads(threadSetup));
        // The TOML parser gets ready while the queries compile and the first files are listed.
        Thread.ofPlatform().daemon().name("rustlens-manifest-parser-setup").start(CargoManifest::prepare);
        this.threadAnalyzer = ThreadLocal.withInitial(() -> {
            FileAnalyzer analyzer = new FileAnalyzer(catalogue, settings);
            fileAnalyzers.add(analyzer);
            return analyzer;
        });
    }

    /** Reports progress as files complete. */
    @FunctionalInterface
    public interface Progress {
        void filesDone(int done, int total);

        /** Progress that nobody watches. */
        Progress NONE = (done, total) -> { };
    }

    /** Reuses earlier results of unchanged files, keyed by content id and analyzer version. */
    public interface ResultCache {
        Optional<FileResult> get(String contentId);

        void put(String contentId, FileResult result);

        /** No cache: every file is analysed. */
        ResultCache NONE = new ResultCache() {
            @Override
            public Optional<FileResult> get(String contentId) {
                return Optional.empty();
            }

            @Override
            public void put(String contentId, FileResult result) {
                // nothing is kept
            }
        };
    }

    /** Analyses a directory on disk. */
    public AnalysisResult analyze(Path directory) throws IOException, ManifestException {
        return analyze(new DirectorySourceTree(directory), ResultCache.NONE, Progress.NONE);
    }

    /** Analyses a source tree, reusing cached file results where the content is unchanged. */
    public AnalysisResult analyze(SourceTree tree, ResultCache cache, Progress progress)
            throws IOException, ManifestException {
        return analyze(tree, List.of(), cache, progress);
    }

    /**
     * Analyses a source tree with more core modules than the settings name (a repository's own),
     * reusing cached file results where the content is unchanged.
     */
    public AnalysisResult analyze(SourceTree tree, List<String> extraCoreModules, ResultCache cache, Progress progress)
            throws IOException, ManifestException {
        List<SourceFile> files = tree.files();
        CrateDiscovery.Layout layout = CrateDiscovery.discover(files,
                file -> CargoManifest.parse(file.path(), tree.read(file)));
        Map<String, FileOutcome> outcomes = analyzeFiles(tree, layout, cache, progress);
        Map<String, FileResult> results = new LinkedHashMap<>();
        outcomes.forEach((path, outcome) -> results.put(path, outcome.result()));
        Map<String, String> ciConfigurations = ciConfigurations(tree, files);
        Map<String, SourceFile> filesByPath = new HashMap<>();
        files.forEach(file -> filesByPath.put(file.path(), file));
        Map<CrateInfo, List<CrateFile>> filesByCrate = new HashMap<>();
        layout.files().values().forEach(file -> filesByCrate.computeIfAbsent(file.crate(), key -> new ArrayList<>()).add(file));

        // Crates are aggregated in parallel, this thread taking part: sorting and filtering a large
        // repository's findings on one thread left a core idle. (Not on the analysis pool, where
        // they would queue behind the files of another scan.)
        List<CrateResult> crates = layout.crates().parallelStream()
                .map(crate -> aggregate(tree, crate, extraCoreModules, filesByCrate.getOrDefault(crate, List.of()), results,
                        filesByPath, ciConfigurations))
                .toList();
        int reused = (int) outcomes.values().stream().filter(FileOutcome::reused).count();
        return new AnalysisResult(List.copyOf(crates), layout.problems(), outcomes.size() - reused, reused);
    }

    /**
     * The dependency graphs of a source tree's Cargo workspaces, read from their lock files and
     * manifests without analysing any code: quick enough to run before the analysis, so that the
     * dependencies' own sources can be analysed beside the tree's files.
     */
    public List<DependencyGraph> dependencies(SourceTree tree) throws IOException, ManifestException {
        CrateDiscovery.Layout layout = CrateDiscovery.discover(tree.files(),
                file -> CargoManifest.parse(file.path(), tree.read(file)));
        return RepositoryDependencies.read(tree, layout.crates());
    }

    /** A file's result and whether it came from the cache. */
    private record FileOutcome(FileResult result, boolean reused) {
    }

    /** A file analysed by a worker, or the failure that stopped it. */
    private record Done(String path, FileOutcome outcome, Throwable failure) {
    }

    /**
     * Where the workers leave their files' outcomes for the thread that runs the analysis. That
     * thread collects them in batches, at most {@link #COLLECT_INTERVAL_NANOS} apart: waking it
     * for every file cost a futex call and a context switch on a busy core, 4,000 times a pass.
     * It is woken at once for a failure and for the last file.
     */
    private static final class Outbox {
        private final Queue<Done> done = new ConcurrentLinkedQueue<>();
        private final AtomicInteger pending;
        private final Thread collector = Thread.currentThread();

        Outbox(int files) {
            this.pending = new AtomicInteger(files);
        }

        void add(Done file) {
            done.add(file);
            if (pending.decrementAndGet() == 0 || file.failure() != null) {
                LockSupport.unpark(collector);
            }
        }

        /** The next outcome, waiting for one up to the collect interval; null if none came. */
        Done next() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException("the analysis was stopped");
            }
            Done file = done.poll();
            if (file == null) {
                LockSupport.parkNanos(this, COLLECT_INTERVAL_NANOS);
                file = done.poll();
            }
            return file;
        }

        boolean empty() {
            return done.isEmpty();
        }
    }

    private Map<String, FileOutcome> analyzeFiles(SourceTree tree, CrateDiscovery.Layout layout, ResultCache cache,
            Progress progress) throws IOException {
        List<CrateFile> work = new ArrayList<>(layout.files().values());
        int total = work.size();
        FileSchedule schedule = new FileSchedule(work, settings.maxFileBytes());
        Outbox outbox = new Outbox(total);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.threads(), total); i++) {
            workers.add(pool.submit(() -> analyzeScheduled(tree, schedule, cache, outbox)));
        }
        Map<String, FileOutcome> results = new java.util.TreeMap<>();
        try {
            int count = 0;
            while (count < total) {
                Done next = outbox.next();
                if (next == null) {
                    continue;
                }
                if (next.failure() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (next.failure() != null) {
                    throw new IllegalStateException("analysis of " + next.path() + " failed: " + next.failure(),
                            next.failure());
                }
                results.put(next.path(), next.outcome());
                count++;
                if (count == total || outbox.empty()) {
                    progress.filesDone(count, total);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("analysis interrupted", e);
        } finally {
            // Stops the workers when the analysis ends early: a failure, or a progress listener
            // stopping a cancelled or overdue scan.
            workers.forEach(worker -> worker.cancel(true));
        }
        return results;
    }

    /** One analysis thread's loop: takes files from the schedule until none is left. */
    private void analyzeScheduled(SourceTree tree, FileSchedule schedule, ResultCache cache, Outbox done) {
        try {
            for (Optional<CrateFile> next = schedule.next(); next.isPresent(); next = schedule.next()) {
                CrateFile file = next.get();
                try {
                    done.add(new Done(file.file().path(), analyzeFile(tree, file.file(), cache), null));
                } catch (RuntimeException | Error e) {
                    done.add(new Done(file.file().path(), null, e));
                    return;
                } finally {
                    schedule.done(file);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FileOutcome analyzeFile(SourceTree tree, SourceFile file, ResultCache cache) {
        if (file.contentId() != null) {
            Optional<FileResult> cached = cache.get(file.contentId());
            if (cached.isPresent()) {
                return new FileOutcome(cached.get().atPath(file.path()), true);
            }
        }
        try {
            FileAnalyzer analyzer = threadAnalyzer.get();
            FileResult result = file.size() > settings.maxFileBytes()
                    ? analyzer.oversized(file.path(), file.size())
                    : analyzer.analyze(file.path(), tree.read(file));
            if (file.contentId() != null) {
                cache.put(file.contentId(), result);
            }
            return new FileOutcome(result, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> ciConfigurations(SourceTree tree, List<SourceFile> files) throws IOException {
        Map<String, String> configurations = new LinkedHashMap<>();
        for (SourceFile file : files) {
            String path = file.path();
            boolean workflow = path.startsWith(".github/workflows/") && (path.endsWith(".yml") || path.endsWith(".yaml"));
            if ((workflow || CI_CONFIGURATIONS.contains(path)) && file.size() <= MAX_CI_CONFIG_BYTES) {
                configurations.put(path, new String(tree.read(file), StandardCharsets.UTF_8));
            }
        }
        return configurations;
    }

    private static Optional<String> readSmallText(SourceTree tree, Map<String, SourceFile> files, String path) {
        SourceFile file = files.get(path);
        if (file == null || file.size() > MAX_CI_CONFIG_BYTES * 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(tree.read(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private CrateResult aggregate(SourceTree tree, CrateInfo crate, List<String> extraCoreModules,
            List<CrateFile> crateFiles, Map<String, FileResult> results,
            Map<String, SourceFile> repositoryFiles, Map<String, String> ciConfigurations) {
        List<String> coreModules = new ArrayList<>(settings.coreModules());
        coreModules.addAll(extraCoreModules);
        coreModules.addAll(crate.manifest().coreModules());
        return new CrateAggregator(catalogue, crate, coreModules, tree.holdsRepositoryFiles()).aggregate(crateFiles, results,
                (metrics, unlinkedFiles) -> new CrateContext(crate, metrics, repositoryFiles.keySet(), ciConfigurations,
                        path -> readSmallText(tree, repositoryFiles, path), unlinkedFiles));
    }

    private static ThreadFactory analysisThreads(Runnable threadSetup) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Runnable setUp = () -> {
                threadSetup.run();
                task.run();
            };
            Thread thread = new Thread(null, setUp, "rustlens-analysis-" + count.incrementAndGet(), ANALYSIS_THREAD_STACK);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("analysis threads did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (fileAnalyzers) {
            fileAnalyzers.forEach(FileAnalyzer::close);
            fileAnalyzers.clear();
        }
    }
}
