package dev.rustlens.coverage;

import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lines an unsafe site spans: from its {@code unsafe} keyword to the end of the block, fn,
 * impl, trait or extern block it opens, read from the file's syntax tree. The analysis stores
 * where a site starts only; coverage needs where it ends to say whether the tests ran it.
 */
public final class UnsafeSpans {

    /** The node kinds an {@code unsafe} keyword opens, whose end is the site's end. */
    private static final Set<String> SITE_NODES = Set.of("unsafe_block", "function_item", "function_signature_item",
            "impl_item", "trait_item", "foreign_mod_item", "macro_invocation", "macro_definition");
    private static final Duration PARSE_BUDGET = Duration.ofSeconds(10);

    private UnsafeSpans() {
    }

    /** A site's start, 1-based line and column (UTF-16 units), as the analysis stored it. */
    public record Start(int line, int column) {
    }

    /**
     * The last line of each site, in the order given; a site whose node cannot be found (a file
     * that no longer parses the same way, or whose parse ran out of time) spans its own line.
     */
    public static List<Integer> endLines(SourceText source, List<Start> sites) {
        List<Integer> ends = new ArrayList<>(sites.size());
        try (RustParser parser = new RustParser()) {
            Optional<SyntaxTree> parsed = parser.parse(source.text(), ParseBudget.of(PARSE_BUDGET));
            if (parsed.isEmpty()) {
                sites.forEach(site -> ends.add(site.line()));
                return ends;
            }
            try (SyntaxTree tree = parsed.get()) {
                SyntaxNode root = tree.getRootNode();
                for (Start site : sites) {
                    ends.add(endLine(source, root, site));
                }
            }
        }
        return ends;
    }

    private static int endLine(SourceText source, SyntaxNode root, Start site) {
        if (site.line() < 1 || site.line() > source.lineCount()) {
            return site.line();
        }
        int offset = source.lineStart(site.line()) + site.column() - 1;
        if (offset < 0 || offset >= source.length()) {
            return site.line();
        }
        // The tree was parsed from UTF-16 text: a byte offset is twice a char offset.
        Optional<SyntaxNode> node = root.getDescendant(2 * offset, 2 * offset + 2);
        while (node.isPresent() && !SITE_NODES.contains(node.get().getType())) {
            node = node.get().getParent();
        }
        return node.map(found -> Math.max(site.line(), source.line(Math.max(0, found.getEndByte() / 2 - 1))))
                .orElse(site.line());
    }
}
