package dev.rustlens.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a crate's test code is: files that are test code as a whole (integration tests, benches,
 * examples, modules only {@code #[cfg(test)]} declares) and the test spans of its other files,
 * by repository-relative path. It tells whether a site that another tool reports (a clippy lint
 * of the library's test harness) is test code, as rustlens's own findings there are.
 *
 * @param files the files that are test code as a whole
 * @param spans the test spans of files that are not, for files that have some
 */
public record TestCode(Set<String> files, Map<String, List<TestSpan>> spans) {

    /** A crate without test code. */
    public static final TestCode NONE = new TestCode(Set.of(), Map.of());

    /** Copies the collections. */
    public TestCode {
        files = Set.copyOf(files);
        spans = Map.copyOf(spans);
    }

    /** Whether the position of the file at {@code path} is test code. */
    public boolean contains(String path, int line, int column) {
        return files.contains(path)
                || spans.getOrDefault(path, List.of()).stream().anyMatch(span -> span.contains(line, column));
    }
}
