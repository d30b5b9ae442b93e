package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.outline.FileOutline;
import java.util.List;
import java.util.Map;

/**
 * What the analysis of one file's content found, before the file is placed in a crate. It
 * depends only on the content and the analyzer version, so it can be cached by content id.
 *
 * @param metrics file-level metric values by {@link Metric#key()}
 * @param testCodeLines code lines inside test regions ({@code #[cfg(test)]}, test fns)
 * @param testSpans where those regions are
 * @param unsafeSites every unsafe site
 * @param findings every finding, suppressed ones and ones in test code included
 * @param parsed false when the file was skipped (too large, too slow to parse)
 * @param outline the file's declarations, from which the crate's module tree is built
 */
public record FileResult(
        Map<String, Long> metrics,
        long testCodeLines,
        List<TestSpan> testSpans,
        List<UnsafeSite> unsafeSites,
        List<Finding> findings,
        boolean parsed,
        FileOutline outline) {

    /** The same result for the file at another path; this one when it is already at that path. */
    public FileResult atPath(String path) {
        if (unsafeSites.stream().allMatch(site -> path.equals(site.path()))
                && findings.stream().allMatch(finding -> path.equals(finding.path()))) {
            return this; // the blob is cached where it was analysed, as it nearly always is
        }
        return new FileResult(metrics, testCodeLines, testSpans,
                unsafeSites.stream().map(site -> site.atPath(path)).toList(),
                findings.stream().map(finding -> finding.atPath(path)).toList(), parsed, outline);
    }
}
