package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Comment;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.source.CommentScanner;
import dev.rustlens.analysis.source.SourceText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file's comments say: the {@code rustlens:allow(..)} comments and the lines they
 * suppress findings on, the doctests in doc comments, and crate docs written as {@code //!}.
 */
final class CommentPass {

    private final SourceText source;
    private final Metrics metrics;
    private final List<CommentScanner.Span> comments;
    private final Map<Integer, Set<String>> suppressions = new HashMap<>();
    /** Whether the doc comments read so far opened a code fence they have not closed. */
    private boolean inFence;

    private CommentPass(SourceText source, Metrics metrics) {
        this.source = source;
        this.metrics = metrics;
        this.comments = CommentScanner.scan(source.text());
    }

    /** Reads the comments of a file, adding its doctests and crate docs to {@code metrics}. */
    static CommentPass read(SourceText source, Metrics metrics) {
        CommentPass pass = new CommentPass(source, metrics);
        pass.comments.forEach(pass::comment);
        return pass;
    }

    /** The comments, in order. */
    List<CommentScanner.Span> comments() {
        return comments;
    }

    /** Whether a {@code rustlens:allow(id)} comment suppresses findings of {@code checkId} on this line. */
    boolean suppresses(int line, String checkId) {
        Set<String> ids = suppressions.get(line);
        return ids != null && ids.contains(checkId);
    }

    private void comment(CommentScanner.Span span) {
        int start = span.start();
        int end = span.end();
        String text = source.slice(start, end);
        int line = source.line(start);
        Set<String> ids = Suppression.idsAllowedIn(text);
        if (!ids.isEmpty()) {
            // The comment's own line (a trailing comment) and the line after it.
            suppressions.computeIfAbsent(line, key -> new HashSet<>()).addAll(ids);
            suppressions.computeIfAbsent(source.line(Math.max(start, end - 1)) + 1, key -> new HashSet<>()).addAll(ids);
        }
        Comment comment = new Comment(text, start, line, line);
        if (comment.isOuterDoc() || comment.isInnerDoc()) {
            countDoctests(comment.body());
            if (comment.isInnerDoc() && span.braceDepth() == 0) {
                metrics.set(Metric.CRATE_DOCS, true);
            }
        }
    }

    /** Doctests in one doc comment line (or block): code fences whose info string rustdoc runs. */
    private void countDoctests(String docBody) {
        if (!inFence && !docBody.contains("```") && !docBody.contains("~~~")) {
            return;
        }
        for (String raw : docBody.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("* ")) {
                line = line.substring(2).strip();
            }
            if (!line.startsWith("```") && !line.startsWith("~~~")) {
                continue;
            }
            if (inFence) {
                inFence = false;
            } else {
                inFence = true;
                if (Doctests.runs(line.substring(3))) {
                    metrics.increment(Metric.DOCTESTS);
                }
            }
        }
    }
}
