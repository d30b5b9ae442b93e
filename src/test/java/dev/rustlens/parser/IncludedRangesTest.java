package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parse of only some parts of a text (what {@link MacroInputs} does with the inputs it places
 * in a blank text the file's length) makes the tree that parsing the whole text makes, node for
 * node, whether the blanks between the parts hold line breaks or not, and with syntax errors
 * (whose recovery weighs the lines it skips) as without.
 */
@Tag("fast")
class IncludedRangesTest {

    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    @ParameterizedTest
    @ValueSource(strings = {"memchr-2.5.0/src/memchr/mod.rs", "serde-1.0.152/src/private/ser.rs",
            "serde-1.0.152/src/de/impls.rs", "syn-1.0.107/src/expr.rs"})
    void everyOtherItemParsedAloneMakesTheWholeBlankedTextsTree(String file) throws IOException {
        Path path = REGISTRY.resolve(file);
        assumeTrue(Files.isRegularFile(path), "the corpus is not installed (bash ../shared/corpus/install.sh)");
        String text = Files.readString(path);
        try (RustParser parser = new RustParser()) {
            int[] parts;
            try (SyntaxTree original = parse(parser, text, null)) {
                parts = everyOtherItem(original.getRootNode(), text.length());
            }
            assertTrue(parts.length >= 4, "the file has items to leave out");
            for (boolean keepLineBreaks : new boolean[] {true, false}) {
                String blanked = blankedOutside(text, parts, keepLineBreaks);
                try (SyntaxTree whole = parse(parser, blanked, null); SyntaxTree onlyParts = parse(parser, blanked, parts)) {
                    assertEquals(describe(whole.getRootNode()), describe(onlyParts.getRootNode()),
                            file + (keepLineBreaks ? " with line breaks between the parts" : " on one line"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fn a() {}\n   fn b() {}\n", "fn a() { let x = ; }\n\n\n   fn b() {}\n"})
    void theParserParsesWholeTextsAgainAfterwards(String text) {
        try (RustParser parser = new RustParser()) {
            try (SyntaxTree first = parse(parser, text, new int[] {0, 10})) {
                assertEquals(1, first.getRootNode().getNamedChildCount());
            }
            try (SyntaxTree whole = parse(parser, text, null)) {
                assertEquals(2, whole.getRootNode().getNamedChildren().stream()
                        .filter(child -> child.getType().equals("function_item")).count());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5,9,0,4", "0,4,3,9"})
    void rangesOutOfOrderAreRefused(String offsets) {
        int[] parts = Arrays.stream(offsets.split(",")).mapToInt(Integer::parseInt).toArray();
        try (RustParser parser = new RustParser()) {
            assertThrows(IllegalArgumentException.class, () -> parse(parser, "fn a() {} fn b() {}", parts));
            try (SyntaxTree whole = parse(parser, "fn a() {} fn b() {}", null)) {
                assertEquals(2, whole.getRootNode().getNamedChildCount());
            }
        }
    }

    private static SyntaxTree parse(RustParser parser, String text, int[] parts) {
        return parser.parse(text, parts, ParseBudget.of(Duration.ofSeconds(30))).orElseThrow();
    }

    /**
     * The char ranges of every other top-level item, from the second on, and the text's last
     * char, as MacroInputs parses its closing brace: the root ends where the last part does.
     * Comments are left out: a line comment ends before its line break, and a part must end
     * where a token does (MacroInputs's parts end with the input's closing delimiter).
     */
    private static int[] everyOtherItem(SyntaxNode root, int length) {
        List<SyntaxNode> items = root.getNamedChildren().stream().filter(node -> !node.getType().endsWith("comment")).toList();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 1; i < items.size(); i += 2) {
            offsets.add(items.get(i).getStartByte() >>> 1);
            offsets.add(items.get(i).getEndByte() >>> 1);
        }
        if (offsets.getLast() < length) {
            offsets.add(length - 1);
            offsets.add(length);
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text with every char outside the parts a blank, or a line break where it had one. */
    private static String blankedOutside(String text, int[] parts, boolean keepLineBreaks) {
        char[] blanked = new char[text.length()];
        for (int i = 0; i < blanked.length; i++) {
            blanked[i] = keepLineBreaks && text.charAt(i) == '\n' ? '\n' : ' ';
        }
        for (int i = 0; i < parts.length; i += 2) {
            text.getChars(parts[i], parts[i + 1], blanked, parts[i]);
        }
        return new String(blanked);
    }

    /** Every node in pre-order: its kind, byte range and flags, one line each. */
    private static String describe(SyntaxNode root) {
        StringBuilder lines = new StringBuilder();
        Deque<SyntaxNode> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            SyntaxNode node = pending.pop();
            lines.append(node.getType()).append(' ').append(node.getStartByte()).append('-').append(node.getEndByte())
                    .append(node.isNamed() ? " named" : "").append(node.isMissing() ? " missing" : "")
                    .append(node.hasError() ? " error" : "").append('\n');
            List<SyntaxNode> children = node.getChildren();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return lines.toString();
    }
}
