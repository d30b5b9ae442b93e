package dev.rustlens.analysis;

import java.time.Duration;
import java.util.List;

/**
 * The limits and choices of one analysis.
 *
 * @param threads files analysed in parallel
 * @param maxFileBytes a larger file is skipped with a parse_error finding
 * @param parseBudget time allowed for one file's parse and query pass
 * @param coreModules modules (e.g. {@code raw::ffi}) where unsafe code is expected, for every crate
 */
public record AnalyzerSettings(int threads, long maxFileBytes, Duration parseBudget, List<String> coreModules) {

    /** Both cores, files up to 4 MiB, 10 s per file, no core modules. */
    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(Math.max(1, Runtime.getRuntime().availableProcessors()), 4L << 20,
                Duration.ofSeconds(10), List.of());
    }

    public AnalyzerSettings withCoreModules(List<String> modules) {
        return new AnalyzerSettings(threads, maxFileBytes, parseBudget, List.copyOf(modules));
    }

    public AnalyzerSettings withThreads(int count) {
        return new AnalyzerSettings(count, maxFileBytes, parseBudget, coreModules);
    }

    public AnalyzerSettings withLimits(long maxBytes, Duration budget) {
        return new AnalyzerSettings(threads, maxBytes, budget, coreModules);
    }
}
