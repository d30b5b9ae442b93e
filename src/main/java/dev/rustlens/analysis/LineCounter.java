package dev.rustlens.analysis;

import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.source.CommentScanner;
import dev.rustlens.analysis.source.SourceText;
import java.util.List;

/** Counts a file's lines as tokei does: code, comment-only and blank lines, and the code lines in test code. */
final class LineCounter {

    private LineCounter() {
    }

    /**
     * Sets the code, comment and blank line metrics and returns the number of code lines in test
     * regions.
     *
     * @param comments the file's comments, in order
     */
    static long count(SourceText source, List<CommentScanner.Span> comments, RegionSet testRegions, Metrics metrics) {
        long code = 0;
        long commentLines = 0;
        long blank = 0;
        long testCode = 0;
        int commentIndex = 0;
        String text = source.text();
        int lines = source.lineCount();
        if (text.endsWith("\n")) {
            lines--;
        }
        for (int line = 1; line <= lines; line++) {
            int start = source.lineStart(line);
            int end = source.lineEnd(line);
            while (commentIndex < comments.size() && comments.get(commentIndex).end() <= start) {
                commentIndex++;
            }
            boolean sawComment = false;
            boolean sawCode = false;
            int index = commentIndex;
            int offset = start;
            while (offset < end && !sawCode) {
                if (index < comments.size() && offset >= comments.get(index).start()) {
                    if (offset < comments.get(index).end()) {
                        sawComment = true;
                        offset = comments.get(index).end();
                        continue;
                    }
                    index++;
                    continue;
                }
                if (!SourceText.isWhitespace(text.charAt(offset))) {
                    sawCode = true;
                }
                offset++;
            }
            if (sawCode) {
                code++;
                if (testRegions.contains(start) || testRegions.contains(firstNonBlank(text, start, end))) {
                    testCode++;
                }
            } else if (sawComment) {
                commentLines++;
            } else {
                blank++;
            }
        }
        metrics.set(Metric.CODE_LINES, code);
        metrics.set(Metric.COMMENT_LINES, commentLines);
        metrics.set(Metric.BLANK_LINES, blank);
        return testCode;
    }

    private static int firstNonBlank(String text, int start, int end) {
        int offset = start;
        while (offset < end && SourceText.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        return offset;
    }
}
