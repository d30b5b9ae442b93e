package dev.rustlens.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * One match of a query: which pattern matched, and its captures in order.
 *
 * @param patternIndex the index of the pattern in its query
 * @param captures the captured nodes with their capture names
 */
public record SyntaxMatch(int patternIndex, List<Capture> captures) {

    /** One captured node. */
    public record Capture(String name, SyntaxNode node) {
    }

    /** The nodes captured under {@code name}. */
    public List<SyntaxNode> findNodes(String name) {
        List<SyntaxNode> nodes = new ArrayList<>(1);
        for (Capture capture : captures) {
            if (capture.name().equals(name)) {
                nodes.add(capture.node());
            }
        }
        return nodes;
    }
}
