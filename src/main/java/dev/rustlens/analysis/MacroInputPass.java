package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.MacroInputs;
import dev.rustlens.parser.MacroInputs.Reading;
import dev.rustlens.parser.MacroInputs.Region;
import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxMatch.Capture;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The file's matches with those inside macro inputs added: the inputs of its macro invocations
 * are read as code ({@link MacroInputs}), and the combined query runs over them, round after
 * round for macros inside macros. Where an input was read, the token-level matches of the tree
 * it came from (an {@code unsafe} or {@code .unwrap()} seen as tokens) give way to the code's.
 * Closing the pass deletes the trees it made.
 */
final class MacroInputPass implements AutoCloseable {

    /** Macros in macros in macros: deeper inputs stay tokens. */
    private static final int MAX_ROUNDS = 3;
    /**
     * An input is read when it may hold something a check or the outline looks for; most
     * invocations ({@code println!("{}", x)}, {@code vec![1, 2]}) hold nothing of the kind.
     */
    private static final Set<String> WORDS_WORTH_READING = Set.of("unsafe", "unwrap", "unwrap_err", "expect", "expect_err",
            "panic", "todo", "unimplemented", "unreachable", "forget", "transmute", "transmute_copy", "leak", "sleep", "fs",
            "File", "mod", "fn", "impl", "struct", "enum", "union", "trait", "static", "const", "type", "use", "extern",
            "macro_rules");
    /** One of {@link #WORDS_WORTH_READING} as a whole word, for inputs with chars beyond ASCII. */
    private static final Pattern WORTH_READING = Pattern.compile(
            WORDS_WORTH_READING.stream().sorted().collect(Collectors.joining("|", "\\b(?:", ")\\b")));
    /** The longest of {@link #WORDS_WORTH_READING}. */
    private static final int LONGEST_WORD = WORDS_WORTH_READING.stream().mapToInt(String::length).max().orElseThrow();
    private static final Set<String> TOKEN_CONTAINERS = Set.of("token_tree", "token_repetition");

    private final List<Reading> readings = new ArrayList<>();
    private final List<SyntaxMatch> matches;
    /** The node holding each read input, by its invocation's char range. */
    private final Map<Long, SyntaxNode> inputs = new HashMap<>();

    private MacroInputPass(List<SyntaxMatch> matches) {
        this.matches = matches;
    }

    /** Reads the macro inputs of a file whose combined-query matches are {@code matches}. */
    static MacroInputPass run(RustParser parser, CheckCatalogue catalogue, SourceText source, List<SyntaxMatch> matches,
            ParseBudget budget) {
        MacroInputPass pass = new MacroInputPass(new ArrayList<>(matches));
        List<SyntaxMatch> round = matches;
        for (int depth = 0; depth < MAX_ROUNDS && !budget.exhausted(); depth++) {
            List<SyntaxNode> invocations = worthReading(round, source);
            if (invocations.isEmpty()) {
                break;
            }
            List<SyntaxMatch> next = new ArrayList<>();
            Optional<Reading> reading = MacroInputs.read(parser, source.text(), invocations, budget);
            reading.ifPresent(read -> next.addAll(pass.add(read, catalogue, source, budget)));
            // An input that did not parse in its likely shape may in the other ({ T, a, { .. } }).
            List<SyntaxNode> unread = invocations.stream().filter(invocation -> pass.input(invocation).isEmpty()).toList();
            if (!unread.isEmpty() && !budget.exhausted()) {
                MacroInputs.readOtherwise(parser, source.text(), unread, budget)
                        .ifPresent(read -> next.addAll(pass.add(read, catalogue, source, budget)));
            }
            round = next;
        }
        return pass;
    }

    /** Keeps a reading: its matches inside the inputs it read replace the tokens' matches there. */
    private List<SyntaxMatch> add(Reading reading, CheckCatalogue catalogue, SourceText source, ParseBudget budget) {
        readings.add(reading);
        if (reading.regions().isEmpty()) {
            return List.of();
        }
        SyntaxNode root = reading.tree().getRootNode();
        QueryPredicates predicates = catalogue.predicates();
        List<SyntaxMatch> found = catalogue.combinedQuery(root.hasError()).matches(root,
                (pattern, captures) -> predicates.hold(pattern, captures, source), budget::exhausted);
        List<SyntaxMatch> inInputs = found.stream().filter(match -> inside(match, reading)).toList();
        // Inside first: it reads offsets only, where tokenLevel asks each capture for its parent.
        matches.removeIf(match -> inside(match, reading) && tokenLevel(match));
        matches.addAll(inInputs);
        for (Region region : reading.regions()) {
            inputNode(root, region).ifPresent(input -> inputs.put(key(region.invocation()), input));
        }
        return inInputs;
    }

    /** Every match: the file's own, and those in the macro inputs read as code. */
    List<SyntaxMatch> matches() {
        return matches;
    }

    /** The node holding an invocation's input read as code (a block, an array, a call): empty when it stayed tokens. */
    Optional<SyntaxNode> input(SyntaxNode invocation) {
        return Optional.ofNullable(inputs.get(key(invocation)));
    }

    /**
     * For a node of a tree this pass made, the macro input it lies in; empty for a node of the
     * file's own tree.
     */
    Optional<Region> regionOf(SyntaxNode node) {
        for (Reading reading : readings) {
            if (reading.tree() == node.getTree()) {
                return reading.regionAt(node.getStartByte() >>> 1);
            }
        }
        return Optional.empty();
    }

    private static List<SyntaxNode> worthReading(List<SyntaxMatch> matches, SourceText source) {
        List<SyntaxNode> invocations = new ArrayList<>();
        for (SyntaxMatch match : matches) {
            for (Capture capture : match.captures()) {
                if (capture.name().equals(Captures.MACRO_INVOCATION)) {
                    SyntaxNode node = capture.node();
                    if (mentionsWordWorthReading(source.text(), node.getStartByte() >>> 1, node.getEndByte() >>> 1)) {
                        invocations.add(node);
                    }
                }
            }
        }
        return invocations;
    }

    /**
     * Whether the text between the offsets holds one of {@link #WORDS_WORTH_READING} as a whole
     * word, as {@link #WORTH_READING} finds it: in ASCII text, a whole word is a run of
     * {@code [A-Za-z0-9_]}, so the runs are looked up in the set (the pattern, tried at every
     * position with thirty alternatives, was 2% of a cold scan). Text beyond ASCII, where the
     * pattern's word boundaries follow Unicode, goes to the pattern.
     */
    static boolean mentionsWordWorthReading(String text, int start, int end) {
        int word = -1;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : ' ';
            if (c >= 0x80) {
                return WORTH_READING.matcher(text).region(start, end).find();
            }
            boolean wordChar = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (wordChar) {
                word = word < 0 ? i : word;
            } else if (word >= 0) {
                if (i - word <= LONGEST_WORD && WORDS_WORTH_READING.contains(text.substring(word, i))) {
                    return true;
                }
                word = -1;
            }
        }
        return false;
    }

    /** Whether every node of a match lies in one of the inputs read. */
    private static boolean inside(SyntaxMatch match, Reading reading) {
        for (Capture capture : match.captures()) {
            if (reading.regionAt(capture.node().getStartByte() >>> 1).isEmpty()) {
                return false;
            }
        }
        return !match.captures().isEmpty();
    }

    /** A match of tokens: {@code unsafe} or {@code .unwrap()} inside a token tree, before it was read as code. */
    private static boolean tokenLevel(SyntaxMatch match) {
        return match.captures().stream().anyMatch(capture -> capture.node().getParent()
                .map(parent -> TOKEN_CONTAINERS.contains(parent.getType())).orElse(false));
    }

    /** The statement the input became: a block, the array, or the call {@code _(..)}. */
    private static Optional<SyntaxNode> inputNode(SyntaxNode root, Region region) {
        Optional<SyntaxNode> node = root.getDescendant((region.start() - 1) * 2, (region.end() + 1) * 2);
        return node.filter(found -> !found.getType().equals("source_file"));
    }

    private static long key(SyntaxNode invocation) {
        return (long) invocation.getStartByte() << 32 | invocation.getEndByte();
    }

    @Override
    public void close() {
        readings.forEach(Reading::close);
    }
}
