package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * rustlens's own node navigation (rustlens_nodes.c, which lists children by reading tree-sitter's
 * internal subtrees, and the Java that hands its nodes over) gives, at every node, the same nodes
 * as tree-sitter's public API through jtreesitter over the same source: children and named
 * children (kind, byte range, named, missing and error flags), the child of each field, the
 * child at each index, parents, next named siblings and the smallest node around each range.
 */
class NativeWalkTest {

    /** Crates of the corpus (../shared/corpus/install.sh) with their share of files compared: 1 in n. */
    private static final List<CrateSample> CORPUS_SAMPLE = List.of(
            new CrateSample("memchr-2.5.0", 1),
            new CrateSample("serde-1.0.152", 2),
            new CrateSample("syn-1.0.107", 6),
            new CrateSample("tokio-1.24.2", 20),
            new CrateSample("regex-syntax-0.6.27", 8));
    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    private record CrateSample(String directory, int oneFileIn) {
    }

    /** A text to parse, and what to call it in a failure. */
    private record Source(String name, String text) {
        static Source of(Path file) throws IOException {
            return new Source(file.toString(), Files.readString(file));
        }
    }

    @Test
    void theWalkMatchesTreeSittersOverTheGoldenFiles() throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path file : GoldenTreesTest.goldenSources()) {
            sources.add(Source.of(file));
        }
        // A node with more children than the scratch area first holds (256 nodes) and than it keeps (4,096).
        sources.add(new Source("a table of 2,100 numbers", "const TABLE: [u16; 2100] = ["
                + IntStream.range(0, 2100).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "];\n"));
        int compared = compare(sources);
        assertFalse(compared < 5_000, "the golden files and the table have over 5,000 nodes, not " + compared);
    }

    @Test
    void theWalkMatchesTreeSittersOverASampleOfTheCorpus() throws IOException {
        assumeTrue(CORPUS_SAMPLE.stream().allMatch(crate -> Files.isDirectory(REGISTRY.resolve(crate.directory()))),
                "the corpus is installed by ../shared/corpus/install.sh (.ci/run runs it)");
        List<Source> sources = new ArrayList<>();
        for (CrateSample crate : CORPUS_SAMPLE) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(REGISTRY.resolve(crate.directory()))) {
                files = walk.filter(file -> file.toString().endsWith(".rs")).sorted().toList();
            }
            for (int i = 0; i < files.size(); i += crate.oneFileIn()) {
                sources.add(Source.of(files.get(i)));
            }
        }
        int compared = compare(sources);
        assertFalse(compared < 250_000, "the sample has over 250,000 nodes, not " + compared);
    }

    /** Compares every node of each source's two trees; returns how many nodes were compared. */
    private static int compare(List<Source> sources) {
        Language rust = RustGrammar.language();
        List<String> fields = IntStream.rangeClosed(1, rust.getFieldCount()).mapToObj(id -> rust.getFieldNameForId((short) id))
                .toList();
        int compared = 0;
        try (RustParser ours = new RustParser(); Parser theirs = new Parser(rust)) {
            for (Source source : sources) {
                // Both parse UTF-16, as rustlens does, so that byte offsets compare as they are.
                try (SyntaxTree ourTree = ours.parse(source.text(), ParseBudget.of(Duration.ofMinutes(1))).orElseThrow();
                        Tree theirTree = theirs.parse(source.text(), InputEncoding.UTF_16LE).orElseThrow();
                        TreeCursor cursor = theirTree.walk()) {
                    compared += compare(ourTree.getRootNode(), theirTree.getRootNode(), cursor, fields, source.name());
                }
            }
        }
        return compared;
    }

    private record Pair(SyntaxNode ours, Node theirs) {
    }

    private static int compare(SyntaxNode ourRoot, Node theirRoot, TreeCursor cursor, List<String> fields, String where) {
        Deque<Pair> pending = new ArrayDeque<>();
        pending.push(new Pair(ourRoot, theirRoot));
        assertEquals(Optional.empty(), ourRoot.getParent(), where);
        int compared = 0;
        while (!pending.isEmpty()) {
            Pair pair = pending.pop();
            SyntaxNode ours = pair.ours();
            Node theirs = pair.theirs();
            String at = where + ": " + describe(theirs);
            assertEquals(describe(theirs), describe(ours), at);

            List<Node> theirChildren = new ArrayList<>();
            List<String> theirFields = new ArrayList<>();
            cursor.reset(theirs);
            if (cursor.gotoFirstChild()) {
                do {
                    theirChildren.add(cursor.getCurrentNode());
                    theirFields.add(cursor.getCurrentFieldName());
                } while (cursor.gotoNextSibling());
            }
            List<SyntaxNode> ourChildren = ours.getChildren();
            assertEquals(describeTheirs(theirChildren), describeOurs(ourChildren), at);
            assertEquals(describeTheirs(theirs.getNamedChildren()), describeOurs(ours.getNamedChildren()), at);
            assertEquals(theirs.getChildCount(), ours.getChildCount(), at);
            assertEquals(theirs.getNamedChildCount(), ours.getNamedChildCount(), at);

            // Each field gives its first child, as tree-sitter's does; a field no child has gives none.
            for (String field : ourChildren.isEmpty() ? List.<String>of() : fields) {
                int index = theirFields.indexOf(field);
                Optional<Long> expected = index < 0 ? Optional.empty() : Optional.of(ourChildren.get(index).getId());
                assertEquals(expected, ours.getChildByFieldName(field).map(SyntaxNode::getId), at + " " + field + ":");
                if (index >= 0) {
                    assertEquals(describe(theirs.getChildByFieldName(field).orElseThrow()), describe(ourChildren.get(index)),
                            at + " " + field + ":");
                }
            }

            for (int i = 0; i < ourChildren.size(); i++) {
                SyntaxNode child = ourChildren.get(i);
                Node theirChild = theirChildren.get(i);
                assertEquals(child.getId(), ours.getChild(i).orElseThrow().getId(), at + " child " + i);
                // The parent asked of tree-sitter, and the one the tree remembered when it listed the children.
                assertEquals(ours.getId(), child.findParent().orElseThrow().getId(), at + " parent of child " + i);
                assertEquals(ours.getId(), child.getParent().orElseThrow().getId(), at + " parent of child " + i);
                assertEquals(theirChild.getNextNamedSibling().map(NativeWalkTest::describe),
                        child.getNextNamedSibling().map(NativeWalkTest::describe), at + " sibling of child " + i);
                pending.push(new Pair(child, theirChild));
            }
            assertEquals(theirRoot.getDescendant(theirs.getStartByte(), theirs.getEndByte()).map(NativeWalkTest::describe),
                    ourRoot.getDescendant(ours.getStartByte(), ours.getEndByte()).map(NativeWalkTest::describe), at);
            compared++;
        }
        return compared;
    }

    private static List<String> describeTheirs(List<Node> nodes) {
        return nodes.stream().map(NativeWalkTest::describe).toList();
    }

    private static List<String> describeOurs(List<SyntaxNode> nodes) {
        return nodes.stream().map(NativeWalkTest::describe).toList();
    }

    private static String describe(Node node) {
        return describe(node.getType(), node.getStartByte(), node.getEndByte(), node.isNamed(), node.isMissing(), node.hasError());
    }

    private static String describe(SyntaxNode node) {
        return describe(node.getType(), node.getStartByte(), node.getEndByte(), node.isNamed(), node.isMissing(), node.hasError());
    }

    private static String describe(String type, int start, int end, boolean named, boolean missing, boolean error) {
        return (named ? "(" + type + ")" : '"' + type + '"') + " " + start + "-" + end + (missing ? " missing" : "")
                + (error ? " has-error" : "");
    }
}
