package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxQuery;
import dev.rustlens.parser.SyntaxTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The combined query, run only at the nodes its patterns start at, matches exactly what one run
 * of tree-sitter's query cursor over the whole tree matches (a byte range covering the tree takes
 * that path), on every check fixture and on a real crate's sources.
 */
@Tag("fast")
class RootedQueryTest {

    @Test
    void rootedRunsMatchWhatAWholeTreeRunMatches() throws IOException {
        List<Path> files = new ArrayList<>(rustFiles(Path.of("src/test/resources/checks")));
        if (Files.isDirectory(RealCrateTest.MEMCHR)) {
            files.addAll(rustFiles(RealCrateTest.MEMCHR));
        }
        int compared = 0;
        try (CheckCatalogue catalogue = CheckCatalogue.load(); RustParser parser = new RustParser()) {
            for (Path file : files) {
                String source = Files.readString(file);
                try (SyntaxTree tree = parser.parse(source, ParseBudget.of(Duration.ofSeconds(10))).orElseThrow()) {
                    SyntaxNode root = tree.getRootNode();
                    SyntaxQuery query = catalogue.combinedQuery(root.hasError());
                    List<String> rooted = describe(query.matches(root, () -> false));
                    List<String> whole = describe(query.matches(root, root.getStartByte(), root.getEndByte(), () -> false));
                    assertEquals(whole, rooted, file.toString());
                    compared += rooted.size();
                }
            }
        }
        assertFalse(compared < 1000, "the fixtures yield over a thousand matches, not " + compared);
    }

    /** Each match as its pattern and captures, sorted: the rooted run groups matches by the node they start at. */
    private static List<String> describe(List<SyntaxMatch> matches) {
        List<String> described = new ArrayList<>();
        for (SyntaxMatch match : matches) {
            StringBuilder text = new StringBuilder().append(match.patternIndex());
            for (SyntaxMatch.Capture capture : match.captures()) {
                text.append(' ').append(capture.name()).append('=').append(capture.node().getType()).append('@')
                        .append(capture.node().getStartByte()).append('-').append(capture.node().getEndByte());
            }
            described.add(text.toString());
        }
        described.sort(null);
        return described;
    }

    private static List<Path> rustFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.toString().endsWith(".rs")).sorted().toList();
        }
    }
}
