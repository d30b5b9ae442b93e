package dev.rustlens.accuracy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pairs lint hits with findings one to one, by file and line: a finding matches a hit when its
 * line lies inside the hit's span (clippy's span may cover several lines, as an unsafe block's
 * does). A finding on the span's first line is preferred; then each hit, shortest-ending span
 * first, takes the earliest free finding inside it, which pairs as many as can be paired.
 */
final class LineMatcher {

    /** Where a hit's primary span lies. */
    record Span(String file, int line, int endLine) {
    }

    /** Where a finding lies. */
    record Point(String file, int line) {
    }

    /** The pairs, and what was left on each side. */
    record Matching<H, F>(List<Pair<H, F>> pairs, List<H> unmatchedHits, List<F> unmatchedFindings) {
    }

    /** A hit and the finding that answers it. */
    record Pair<H, F>(H hit, F finding) {
    }

    private LineMatcher() {
    }

    static <H, F> Matching<H, F> match(List<H> hits, Function<H, Span> spanOf, List<F> findings, Function<F, Point> pointOf) {
        // Per file, the free findings by line (several may share a line).
        Map<String, TreeMap<Integer, List<F>>> free = new HashMap<>();
        for (F finding : findings) {
            Point point = pointOf.apply(finding);
            free.computeIfAbsent(point.file(), file -> new TreeMap<>())
                    .computeIfAbsent(point.line(), line -> new ArrayList<>()).add(finding);
        }
        List<Pair<H, F>> pairs = new ArrayList<>();
        List<H> open = pairUp(hits, spanOf, free, false, pairs);
        open.sort(Comparator.comparing((H hit) -> spanOf.apply(hit).endLine()).thenComparing(hit -> spanOf.apply(hit).line()));
        List<H> unmatchedHits = pairUp(open, spanOf, free, true, pairs);
        // Equal findings (two on one line and column) are told apart by identity.
        Set<F> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        pairs.forEach(pair -> paired.add(pair.finding()));
        List<F> unmatchedFindings = findings.stream().filter(finding -> !paired.contains(finding)).toList();
        return new Matching<>(pairs, unmatchedHits, unmatchedFindings);
    }

    /**
     * Pairs each hit, in order, with the earliest free finding on its span's first line (or, with
     * {@code wholeSpan}, anywhere in its span); returns the hits left unpaired.
     */
    private static <H, F> List<H> pairUp(List<H> hits, Function<H, Span> spanOf, Map<String, TreeMap<Integer, List<F>>> free,
            boolean wholeSpan, List<Pair<H, F>> pairs) {
        List<H> unpaired = new ArrayList<>();
        for (H hit : hits) {
            Span span = spanOf.apply(hit);
            F finding = take(free.get(span.file()), span.line(), wholeSpan ? span.endLine() : span.line());
            if (finding != null) {
                pairs.add(new Pair<>(hit, finding));
            } else {
                unpaired.add(hit);
            }
        }
        return unpaired;
    }

    /** Removes and returns the first free finding on a line from {@code from} to {@code to}, or null. */
    private static <F> F take(TreeMap<Integer, List<F>> byLine, int from, int to) {
        if (byLine == null) {
            return null;
        }
        Map.Entry<Integer, List<F>> entry = byLine.ceilingEntry(from);
        if (entry == null || entry.getKey() > to) {
            return null;
        }
        F finding = entry.getValue().removeFirst();
        if (entry.getValue().isEmpty()) {
            byLine.remove(entry.getKey());
        }
        return finding;
    }
}
