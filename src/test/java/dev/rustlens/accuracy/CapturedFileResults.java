package dev.rustlens.accuracy;

import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.FileResult;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every file result of an analysis, caught as the analyzer offers it to its cache, by content id. */
final class CapturedFileResults implements Analyzer.ResultCache {

    private final Map<String, FileResult> byContent = new ConcurrentHashMap<>();

    @Override
    public Optional<FileResult> get(String contentId) {
        return Optional.empty();
    }

    @Override
    public void put(String contentId, FileResult result) {
        byContent.put(contentId, result);
    }

    /** rustlens's geiger figures of each {@code .rs} file of the tree, by path. */
    Map<String, GeigerCounts> geigerCounts(DirectorySourceTree tree) throws IOException {
        Map<String, GeigerCounts> counts = new LinkedHashMap<>();
        for (SourceFile file : tree.files()) {
            FileResult result = file.contentId() == null ? null : byContent.get(file.contentId());
            if (result != null && result.parsed()) {
                counts.put(file.path(), GeigerCounts.ofMetrics(result.metrics()));
            }
        }
        return counts;
    }
}
