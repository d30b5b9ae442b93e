package dev.rustlens.coverage;

import java.util.List;
import java.util.SortedMap;

/**
 * A coverage report as read, before its paths are mapped onto a commit's files.
 *
 * @param format {@code lcov} or {@code cobertura}
 * @param sources the report's own source roots (Cobertura's {@code <source>}), in order
 * @param files one entry per distinct path, with the hits of each line that carries data
 */
public record ParsedCoverage(String format, List<String> sources, List<FileLines> files) {

    public ParsedCoverage {
        sources = List.copyOf(sources);
        files = List.copyOf(files);
    }

    /** One file of a report: its path as the report writes it, and hit counts by 1-based line. */
    public record FileLines(String path, SortedMap<Integer, Long> hits) {

        /** Lines that carry data. */
        public int lines() {
            return hits.size();
        }

        /** Lines run at least once. */
        public int linesHit() {
            return (int) hits.values().stream().filter(count -> count > 0).count();
        }
    }
}
