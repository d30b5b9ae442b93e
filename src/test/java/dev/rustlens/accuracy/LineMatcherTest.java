package dev.rustlens.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class LineMatcherTest {

    /** A hit (span) or a finding (point) of the test: file, first and last line, and a name to tell them apart. */
    record Mark(String name, String file, int line, int endLine) {
        static Mark at(String name, String file, int line) {
            return new Mark(name, file, line, line);
        }
    }

    private static LineMatcher.Matching<Mark, Mark> match(List<Mark> hits, List<Mark> findings) {
        return LineMatcher.match(hits, hit -> new LineMatcher.Span(hit.file(), hit.line(), hit.endLine()),
                findings, finding -> new LineMatcher.Point(finding.file(), finding.line()));
    }

    @Test
    void aFindingInsideAMultiLineSpanMatches() {
        Mark block = new Mark("block", "a.rs", 10, 14);
        Mark finding = Mark.at("f", "a.rs", 12);
        var matching = match(List.of(block), List.of(finding));
        assertEquals(List.of(new LineMatcher.Pair<>(block, finding)), matching.pairs());
        assertEquals(List.of(), matching.unmatchedHits());
        assertEquals(List.of(), matching.unmatchedFindings());
    }

    @Test
    void oneToOne() {
        Mark hit = Mark.at("hit", "a.rs", 5);
        Mark first = Mark.at("f1", "a.rs", 5);
        Mark second = Mark.at("f2", "a.rs", 5);
        var matching = match(List.of(hit), List.of(first, second));
        assertEquals(1, matching.pairs().size());
        assertEquals(List.of(second), matching.unmatchedFindings());
    }

    @Test
    void filesAreApartAndLinesOutsideTheSpanDoNotMatch() {
        Mark hit = new Mark("hit", "a.rs", 5, 6);
        var matching = match(List.of(hit), List.of(Mark.at("other file", "b.rs", 5), Mark.at("after", "a.rs", 7),
                Mark.at("before", "a.rs", 4)));
        assertEquals(List.of(), matching.pairs());
        assertEquals(List.of(hit), matching.unmatchedHits());
        assertEquals(3, matching.unmatchedFindings().size());
    }

    @Test
    void nestedSpansEachGetTheirOwnFinding() {
        // An outer unsafe block on lines 10-30 holds an inner one on 20-22; a finding for each.
        Mark outer = new Mark("outer", "a.rs", 10, 30);
        Mark inner = new Mark("inner", "a.rs", 20, 22);
        Mark atOuter = Mark.at("at outer", "a.rs", 10);
        Mark atInner = Mark.at("at inner", "a.rs", 20);
        var matching = match(List.of(outer, inner), List.of(atInner, atOuter));
        assertEquals(List.of(new LineMatcher.Pair<>(outer, atOuter), new LineMatcher.Pair<>(inner, atInner)), matching.pairs());
    }

    @Test
    void aFindingOnASpansFirstLineIsPreferred() {
        // Both spans contain line 21; only the second starts there, so the first takes line 25.
        Mark wide = new Mark("wide", "a.rs", 20, 40);
        Mark starting = new Mark("starting", "a.rs", 21, 21);
        Mark on21 = Mark.at("21", "a.rs", 21);
        Mark on25 = Mark.at("25", "a.rs", 25);
        var matching = match(List.of(wide, starting), List.of(on21, on25));
        assertEquals(List.of(new LineMatcher.Pair<>(starting, on21), new LineMatcher.Pair<>(wide, on25)), matching.pairs());
    }

    @Test
    void equalFindingsAreCountedOnceEach() {
        Mark hit = Mark.at("hit", "a.rs", 3);
        Mark twin = Mark.at("same", "a.rs", 3);
        var matching = match(List.of(hit), List.of(twin, new Mark("same", "a.rs", 3, 3)));
        assertEquals(1, matching.pairs().size());
        assertEquals(1, matching.unmatchedFindings().size());
    }
}
