package dev.rustlens.supply;

import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.config.BackgroundPriority;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.supply.PackageFetcher.Fetched;
import dev.rustlens.supply.PackageFetcher.Found;
import dev.rustlens.supply.PackageFetcher.Missing;
import dev.rustlens.supply.PackageUnsafe.Status;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The unsafe exposure of a repository's locked dependencies. Each registry package version is
 * fetched, checked against its checksum and analysed once for the whole server: the outcomes are
 * read for a whole lock file in one query, and a package that two scans ask for at once is
 * analysed by one of them for both. Packages are fetched and analysed on this service's own
 * threads (their files are parsed on the analysis threads, beside the repository's own), each
 * within the per-package timeout.
 */
@ApplicationScoped
public class DependencyAnalyses {

    private static final Logger LOG = Logger.getLogger(DependencyAnalyses.class);
    /** How often a waiting request asks its stop signal. */
    private static final long WATCH_MILLIS = 200;
    /** Outcomes already logged, so that each is logged once; forgotten in bulk past this size. */
    private static final int MAX_LOGGED = 10_000;

    private final boolean enabled;
    private final Duration timeout;
    private final PackageFetcher fetcher;
    private final PackageAnalysisStore store;
    private final Path scratchRoot;
    private final ExecutorService workers;
    /** Runs a request's lookup, so that {@link #analyseAsync} returns at once. */
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rustlens-dependency-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** The analyses under way, by package, checksum and analyzer version: a second asker joins the first. */
    private final Map<String, Work> inFlight = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final AtomicLong analysed = new AtomicLong();
    private volatile boolean closing;

    @Inject
    public DependencyAnalyses(RustlensConfig config, OutboundPolicy outbound, PackageAnalysisStore store) {
        RustlensConfig.Dependencies settings = config.dependencies();
        this.enabled = settings.enabled();
        this.timeout = settings.timeout();
        this.fetcher = new PackageFetcher(DependencySource.parse(settings.sources()), outbound, config.archive(),
                () -> closing);
        this.store = store;
        this.scratchRoot = config.workDir().resolve("dependencies");
        AtomicInteger count = new AtomicInteger();
        int nice = config.analysis().nice();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.threads()), task -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread(nice);
                task.run();
            }, "rustlens-dependency-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        deleteLeftovers();
    }

    /**
     * The unsafe exposure of {@code packages}, by {@link LockedPackage#key()}: every package has an
     * answer, analysed or saying why not. Waits until each is done, at most its timeout after its
     * fetch started, or until {@code stop} says so (the rest are then TIMED_OUT).
     *
     * @param repository the scanned tree, whose {@code vendor/} may hold the packages
     * @param analyzer the server's engine, which parses the packages' files on its threads
     * @param analyzerVersion the engine's version, part of what identifies a recorded analysis
     */
    public Map<String, PackageUnsafe> analyse(List<LockedPackage> packages, SourceTree repository, Analyzer analyzer,
            String analyzerVersion, BooleanSupplier stop) {
        try {
            return analyseAsync(packages, repository, analyzer, analyzerVersion, stop).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** {@link #analyse}, started now and done later: a scan starts it before its own analysis and joins after. */
    public CompletableFuture<Map<String, PackageUnsafe>> analyseAsync(List<LockedPackage> packages,
            SourceTree repository, Analyzer analyzer, String analyzerVersion, BooleanSupplier stop) {
        List<LockedPackage> ordered = List.copyOf(packages);
        return CompletableFuture.supplyAsync(() -> start(ordered, repository, analyzer, analyzerVersion), requests)
                .thenCompose(started -> collect(ordered, started, analyzerVersion, stop));
    }

    /** Packages this server has fetched and analysed since it started (the recorded ones not counted). */
    long packagesAnalysed() {
        return analysed.get();
    }

    /** Each package's answer now, or the analysis that will give it. */
    private Map<String, CompletableFuture<PackageUnsafe>> start(List<LockedPackage> packages, SourceTree repository,
            Analyzer analyzer, String analyzerVersion) {
        Map<String, CompletableFuture<PackageUnsafe>> answers = new LinkedHashMap<>();
        List<LockedPackage> fetchable = new ArrayList<>();
        for (LockedPackage locked : packages) {
            Optional<String> why = enabled ? PackageFetcher.notFetchable(locked)
                    : Optional.of("dependency analysis is off (rustlens.dependencies.enabled)");
            if (why.isPresent()) {
                answers.put(locked.key(), CompletableFuture.completedFuture(logged(
                        notAnalysed(locked, Status.UNAVAILABLE, why.get(), analyzerVersion))));
            } else {
                fetchable.add(locked);
            }
        }
        try {
            Set<String> vendored = fetcher.usesVendor() ? PackageFetcher.vendoredPackages(repository) : Set.of();
            Map<String, PackageUnsafe> recorded = store.find(fetchable, analyzerVersion);
            for (LockedPackage locked : fetchable) {
                Optional<String> vendorDirectory = vendored.isEmpty() ? Optional.empty()
                        : PackageFetcher.vendoredDirectory(locked, repository, vendored);
                PackageUnsafe known = recorded.get(locked.key());
                if (vendorDirectory.isPresent()) {
                    // What the repository builds is its vendored copy: analysed from there, and kept
                    // for this scan only, since a repository may vendor a patched copy.
                    Work work = new Work();
                    work.run(() -> analyseVendored(locked, repository, vendorDirectory.get(), analyzer,
                            analyzerVersion));
                    answers.put(locked.key(), work.answer(locked, analyzerVersion));
                } else if (known != null) {
                    answers.put(locked.key(), CompletableFuture.completedFuture(known.status() == Status.ANALYSED
                            ? known : logged(known)));
                } else {
                    answers.put(locked.key(), shared(locked, analyzer, analyzerVersion).answer(locked, analyzerVersion));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the repository's vendor/ directory", e);
        }
        return answers;
    }

    /** The analysis of {@code locked} under way, started now unless another scan started it. */
    private Work shared(LockedPackage locked, Analyzer analyzer, String analyzerVersion) {
        String key = locked.key() + " " + locked.checksum().orElseThrow() + " " + analyzerVersion;
        Work created = new Work();
        Work running = inFlight.putIfAbsent(key, created);
        if (running != null) {
            return running;
        }
        created.done.whenComplete((outcome, failure) -> inFlight.remove(key, created));
        created.run(() -> fetchAndAnalyse(locked, analyzer, analyzerVersion, created));
        return created;
    }

    /** Waits for every answer, giving up on the rest when {@code stop} says so. */
    private CompletableFuture<Map<String, PackageUnsafe>> collect(List<LockedPackage> packages,
            Map<String, CompletableFuture<PackageUnsafe>> answers, String analyzerVersion, BooleanSupplier stop) {
        CompletableFuture<Void> all = CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new));
        ScheduledFuture<?> watch = watchdog.scheduleWithFixedDelay(() -> {
            if (stop.getAsBoolean()) {
                for (LockedPackage locked : packages) {
                    answers.get(locked.key()).complete(notAnalysed(locked, Status.TIMED_OUT,
                            "the scan stopped before it was analysed", analyzerVersion));
                }
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return all.thenApply(done -> {
            watch.cancel(false);
            Map<String, PackageUnsafe> result = new LinkedHashMap<>();
            for (LockedPackage locked : packages) {
                result.put(locked.key(), answers.get(locked.key()).join());
            }
            return result;
        });
    }

    private PackageUnsafe fetchAndAnalyse(LockedPackage locked, Analyzer analyzer, String analyzerVersion, Work work)
            throws IOException, ManifestException {
        // Another server, or a scan that looked just before this analysis was registered, may have recorded it.
        PackageUnsafe recorded = store.find(List.of(locked), analyzerVersion).get(locked.key());
        if (recorded != null) {
            return recorded;
        }
        Path scratch = scratch(locked);
        try {
            Fetched fetched = fetcher.fetch(locked, scratch, work.deadline());
            PackageUnsafe outcome = switch (fetched) {
                case Missing missing -> notAnalysed(locked, missing.status(), missing.reason(), analyzerVersion);
                case Found found -> analysedFrom(locked, found, analyzer, analyzerVersion);
            };
            if (outcome.status() == Status.ANALYSED || outcome.status() == Status.REFUSED) {
                record(outcome, switch (fetched) {
                    case Found found -> found.source();
                    case Missing missing -> missing.source();
                });
            }
            return outcome;
        } finally {
            delete(scratch);
        }
    }

    /** Keeps a lasting outcome; one that cannot be kept is still this scan's answer, and the next scan's work. */
    private void record(PackageUnsafe outcome, String source) {
        try {
            store.save(outcome, source);
        } catch (RuntimeException e) {
            LOG.warnf(e, "the analysis of dependency %s %s is not kept", outcome.name(), outcome.version());
        }
    }

    private PackageUnsafe analyseVendored(LockedPackage locked, SourceTree repository, String directory,
            Analyzer analyzer, String analyzerVersion) throws IOException, ManifestException {
        return switch (PackageFetcher.vendored(locked, repository, directory)) {
            case Missing missing -> notAnalysed(locked, missing.status(), missing.reason(), analyzerVersion);
            case Found found -> analysedFrom(locked, found, analyzer, analyzerVersion);
        };
    }

    private PackageUnsafe analysedFrom(LockedPackage locked, Found found, Analyzer analyzer, String analyzerVersion)
            throws IOException, ManifestException {
        PackageUnsafe outcome = PackageAnalysis.analyse(locked, found.tree(), analyzer, analyzerVersion);
        if (outcome.status() == Status.ANALYSED) {
            analysed.incrementAndGet();
        }
        return outcome;
    }

    /**
     * One package's fetch and analysis on the service's threads. Its timeout runs from when it
     * starts, so packages queued behind others are not timed out for waiting.
     */
    private final class Work {
        private final CompletableFuture<Long> started = new CompletableFuture<>();
        private final CompletableFuture<PackageUnsafe> done = new CompletableFuture<>();

        /** A job of one package. */
        interface Job {
            PackageUnsafe run() throws IOException, ManifestException;
        }

        void run(Job job) {
            try {
                workers.execute(() -> {
                    started.complete(System.nanoTime());
                    try {
                        done.complete(job.run());
                    } catch (IOException | ManifestException | RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                started.complete(System.nanoTime());
                done.completeExceptionally(e);
            }
        }

        long deadline() {
            return started.join() + timeout.toNanos();
        }

        /**
         * What one request gets: the outcome, or TIMED_OUT once the package has run for the
         * timeout (it goes on, and records its outcome, in the background); FAILED if it failed.
         */
        CompletableFuture<PackageUnsafe> answer(LockedPackage locked, String analyzerVersion) {
            Supplier<PackageUnsafe> timedOut = () -> notAnalysed(locked, Status.TIMED_OUT,
                    "not analysed within " + timeout.toMillis() + " ms (rustlens.dependencies.timeout)", analyzerVersion);
            return started.thenCompose(at -> done.copy()
                    .exceptionally(failure -> notAnalysed(locked, Status.FAILED, describe(failure), analyzerVersion))
                    .completeOnTimeout(null, Math.max(0, at + timeout.toNanos() - System.nanoTime()),
                            TimeUnit.NANOSECONDS)
                    .thenApply(outcome -> logged(outcome == null ? timedOut.get() : outcome)));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return switch (cause) {
            case ManifestException e -> "its Cargo.toml cannot be read: " + e.getMessage();
            case RejectedExecutionException e -> "the server is stopping";
            default -> "the analysis failed: " + cause;
        };
    }

    private static PackageUnsafe notAnalysed(LockedPackage locked, Status status, String reason, String analyzerVersion) {
        return PackageUnsafe.notAnalysed(locked.name(), locked.version(), locked.checksum().orElse(""), status, reason,
                analyzerVersion);
    }

    /** Logs an outcome other than an analysis, once. */
    private PackageUnsafe logged(PackageUnsafe outcome) {
        if (outcome.status() != Status.ANALYSED
                && logged.add(outcome.name() + " " + outcome.version() + " " + outcome.status() + " " + outcome.reason())) {
            if (logged.size() > MAX_LOGGED) {
                logged.clear();
            }
            LOG.infof("dependency %s %s not analysed (%s): %s", outcome.name(), outcome.version(), outcome.status(),
                    outcome.reason());
        }
        return outcome;
    }

    private Path scratch(LockedPackage locked) throws IOException {
        Files.createDirectories(scratchRoot);
        return Files.createTempDirectory(scratchRoot, locked.name() + "-" + locked.version() + "-");
    }

    /** A server that stopped mid-fetch leaves its scratch directories: they go at the next start. */
    private void deleteLeftovers() {
        if (Files.isDirectory(scratchRoot)) {
            delete(scratchRoot);
        }
    }

    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("cannot delete %s: %s", directory, e);
        }
    }

    /** Stops the fetches under way (their sessions end within a fifth of a second) and waits for their clean-up. */
    @PreDestroy
    void close() {
        closing = true;
        watchdog.shutdownNow();
        requests.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("dependency analyses did not stop within 10 s; their scratch directories go at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
