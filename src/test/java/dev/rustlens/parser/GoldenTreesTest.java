package dev.rustlens.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden parse trees, in the manner of tree-sitter's {@code test/corpus}: each
 * {@code src/test/resources/parser/golden/*.rs} has its tree beside it in a {@code .txt} file,
 * printed by tree-sitter's own API (fields, named nodes, and anonymous tokens in quotes, since
 * the queries match tokens like {@code "unsafe"} and {@code "!"}). A grammar upgrade that renames
 * or reshapes a node the checks rely on fails here, naming the file, instead of silently losing
 * findings.
 *
 * <p>To rewrite the golden files on purpose (after reading why they changed; docs/native.md):
 * {@code ./mvnw -o test -Dtest=GoldenTreesTest -Drustlens.golden.update=true}. That run rewrites
 * each {@code .txt} whose tree changed (and writes those of new {@code .rs} files), then fails so
 * that it never passes unnoticed; review {@code git diff} and run the test again without it.
 */
class GoldenTreesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/parser/golden");
    /** Files of code the pinned grammar misreads (SyntaxRecovery's rules): the only ones with errors. */
    private static final String MISREAD_PREFIX = "misread-";
    private static final String UPDATE_PROPERTY = "rustlens.golden.update";

    @Test
    void everyGoldenFileParsesToItsTree() throws IOException {
        List<Path> sources = goldenSources();
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        List<String> changed = new ArrayList<>();
        try (Parser parser = new Parser(RustGrammar.language())) {
            for (Path source : sources) {
                Path golden = treeFile(source);
                try (Tree tree = parser.parse(Files.readString(source)).orElseThrow()) {
                    boolean misread = source.getFileName().toString().startsWith(MISREAD_PREFIX);
                    assertEquals(misread, tree.getRootNode().hasError(),
                            source + ": only the misread- files may hold syntax errors, and they must");
                    String printed = print(tree);
                    if (update) {
                        if (!Files.exists(golden) || !Files.readString(golden).equals(printed)) {
                            Files.writeString(golden, printed);
                            changed.add(golden.getFileName().toString());
                        }
                    } else {
                        String expected = Files.readString(golden);
                        assertEquals(expected, printed, () -> source + " no longer parses to " + golden + " ("
                                + firstDifference(expected, printed)
                                + "); if the grammar changed on purpose, see docs/native.md on rewriting the golden trees");
                    }
                }
            }
        }
        if (update) {
            fail("-D" + UPDATE_PROPERTY + " rewrote " + changed + "; review git diff, then run again without it");
        }
    }

    @Test
    void noGoldenTreeLacksItsSource() throws IOException {
        Set<Path> expected = new TreeSet<>();
        for (Path source : goldenSources()) {
            expected.add(treeFile(source));
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertEquals(expected, files.filter(file -> file.toString().endsWith(".txt")).collect(TreeSet::new, Set::add, Set::addAll));
        }
    }

    /**
     * The golden trees hold every node kind, field and token that a query of the engine or of a
     * check names, and every node kind and field the Java of the analysis and the parser asks for
     * by name: what the goldens do not hold, an upgrade could change unnoticed.
     */
    @Test
    void theGoldenTreesHoldEveryNodeKindFieldAndTokenTheAnalysisNames() throws IOException {
        StringBuilder goldens = new StringBuilder();
        for (Path source : goldenSources()) {
            goldens.append(Files.readString(treeFile(source)));
        }
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path query : files.filter(file -> file.toString().endsWith(".scm")).toList()) {
                named.addAll(names(withoutCommentsAndPredicates(Files.readString(query))));
            }
        }
        named.addAll(javaNames());
        assertFalse(named.size() < 60, "the queries and the Java were read: only " + named.size() + " names found");
        named.removeAll(names(goldens));
        assertEquals(Set.of(), named, "named by the analysis but in no golden tree: add the construct to a golden file");
    }

    /**
     * Node kinds as {@code (kind}, fields as {@code field:} and tokens as {@code "token"}, in a
     * golden tree or a query (where blanks may follow the parenthesis and precede the colon).
     */
    private static final Pattern NAME = Pattern.compile("\\(\\s*([A-Za-z_]+)|([a-z_]+)\\s*:|(\"(?:[^\"\\\\]|\\\\.)*\")");

    private static Set<String> names(CharSequence text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                names.add("(" + matcher.group(1));
            } else if (matcher.group(2) != null) {
                names.add(matcher.group(2) + ":");
            } else {
                names.add(matcher.group(3));
            }
        }
        names.remove("(_"); // the wildcard
        return names;
    }

    /** A query's text without its comments and predicates: a predicate's strings are text to compare, not tokens. */
    private static String withoutCommentsAndPredicates(String query) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        int predicateDepth = 0; // the depth of the predicate being left out, 0 outside one
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            int end = i + 1;
            if (c == ';') {
                int newline = query.indexOf('\n', i);
                i = newline < 0 ? query.length() : newline;
                continue;
            }
            if (c == '"') {
                while (query.charAt(end) != '"') {
                    end += query.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else if (c == '(') {
                depth++;
                if (predicateDepth == 0 && query.startsWith("#", i + 1)) {
                    predicateDepth = depth;
                }
            }
            if (predicateDepth == 0) {
                kept.append(query, i, end);
            }
            if (c == ')' && depth-- == predicateDepth) {
                predicateDepth = 0;
            }
            i = end;
        }
        return kept.toString();
    }

    private static final Pattern JAVA_STRING = Pattern.compile("\"([a-z_]+)\"");
    private static final Pattern JAVA_FIELD = Pattern.compile("getChildByFieldName\\(\"([a-z_]+)\"\\)");

    /**
     * The node kinds (string literals that name a visible node kind of the grammar) and fields
     * ({@code getChildByFieldName("..")}) in the Java of the analysis and the parser.
     */
    private static Set<String> javaNames() throws IOException {
        Language rust = RustGrammar.language();
        Set<String> names = new TreeSet<>();
        for (String sourceRoot : List.of("src/main/java/dev/rustlens/analysis", "src/main/java/dev/rustlens/parser")) {
            try (Stream<Path> files = Files.walk(Path.of(sourceRoot))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String java = Files.readString(file);
                    Matcher literal = JAVA_STRING.matcher(java);
                    while (literal.find()) {
                        short symbol = rust.getSymbolForName(literal.group(1), true);
                        if (symbol != 0 && !rust.isSupertype(symbol)) {
                            names.add("(" + literal.group(1));
                        }
                    }
                    Matcher field = JAVA_FIELD.matcher(java);
                    while (field.find()) {
                        names.add(field.group(1) + ":");
                    }
                }
            }
        }
        return names;
    }

    /** Where two trees first differ, by line: a whole tree is too long to compare by eye. */
    private static String firstDifference(String expected, String actual) {
        List<String> expectedLines = expected.lines().toList();
        List<String> actualLines = actual.lines().toList();
        int line = 0;
        while (line < Math.min(expectedLines.size(), actualLines.size()) && expectedLines.get(line).equals(actualLines.get(line))) {
            line++;
        }
        return "line " + (line + 1) + ": expected '" + (line < expectedLines.size() ? expectedLines.get(line).strip() : "")
                + "' but was '" + (line < actualLines.size() ? actualLines.get(line).strip() : "") + "'";
    }

    static List<Path> goldenSources() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(file -> file.toString().endsWith(".rs")).sorted().toList();
        }
    }

    private static Path treeFile(Path source) {
        String name = source.getFileName().toString();
        return source.resolveSibling(name.substring(0, name.length() - ".rs".length()) + ".txt");
    }

    /**
     * The tree as tree-sitter's corpus files write it, one node a line: {@code field: (kind} for
     * a named node, {@code "token"} for an anonymous one, {@code (MISSING kind} for one the parser
     * assumed; a node's children on the lines below it, indented two more spaces.
     */
    private static String print(Tree tree) {
        StringBuilder out = new StringBuilder();
        try (TreeCursor cursor = tree.walk()) {
            print(cursor, 0, out);
        }
        return out.append('\n').toString();
    }

    private static void print(TreeCursor cursor, int depth, StringBuilder out) {
        Node node = cursor.getCurrentNode();
        out.append("  ".repeat(depth));
        String field = cursor.getCurrentFieldName();
        if (field != null) {
            out.append(field).append(": ");
        }
        String type = node.isNamed() ? node.getType() : quoted(node.getType());
        boolean parenthesised = node.isNamed() || node.isMissing() || node.getChildCount() > 0;
        if (parenthesised) {
            out.append('(').append(node.isMissing() ? "MISSING " : "");
        }
        out.append(type);
        if (cursor.gotoFirstChild()) {
            do {
                out.append('\n');
                print(cursor, depth + 1, out);
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
        }
        if (parenthesised) {
            out.append(')');
        }
    }

    private static String quoted(String token) {
        return '"' + token.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
