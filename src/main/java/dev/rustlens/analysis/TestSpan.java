package dev.rustlens.analysis;

import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of a file that is test code ({@code #[cfg(test)]} items, test fns), from its first
 * position to the position just after it, 1-based lines and columns as findings have them.
 *
 * @param line first line
 * @param column first column
 * @param endLine line of the position just after the span
 * @param endColumn column of the position just after the span
 */
public record TestSpan(int line, int column, int endLine, int endColumn) {

    /** The test regions of a file as spans, in file order. */
    public static List<TestSpan> of(SourceText source, RegionSet regions) {
        List<TestSpan> spans = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            int start = regions.start(i);
            int end = regions.end(i);
            spans.add(new TestSpan(source.line(start), source.column(start), source.line(end), source.column(end)));
        }
        return List.copyOf(spans);
    }

    /** Whether the position lies in the span. */
    public boolean contains(int atLine, int atColumn) {
        boolean fromStart = atLine > line || atLine == line && atColumn >= column;
        boolean beforeEnd = atLine < endLine || atLine == endLine && atColumn < endColumn;
        return fromStart && beforeEnd;
    }
}
