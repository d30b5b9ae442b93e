package dev.rustlens.accuracy;

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
 * The {@code #[cfg(..)]} predicates that enclose a place in a file: those of every enclosing item,
 * statement, field, variant or match arm, and the inner {@code #![cfg(..)]} of every enclosing
 * file, module or block, and the condition of the {@code cfg_if!} branch that holds it. Other
 * macros' inputs are token trees here, so a {@code cfg} inside them is not seen.
 */
final class CfgScopes implements AutoCloseable {

    /** Nodes whose inner attributes apply to all they hold. */
    private static final Set<String> INNER_SCOPES = Set.of("source_file", "declaration_list", "block");
    private static final Set<String> COMMENTS = Set.of("line_comment", "block_comment");

    private final String source;
    /** Kept open with the tree, which works in the parser's scratch memory. */
    private final RustParser parser = new RustParser();
    private final SyntaxTree tree;

    /** Parses the file; the tree and its parser are closed with this object. */
    CfgScopes(String source) {
        this.source = source;
        Optional<SyntaxTree> parsed = parser.parse(source, ParseBudget.of(Duration.ofSeconds(30)));
        if (parsed.isEmpty()) {
            parser.close();
            throw new IllegalStateException("the parse ran out of time");
        }
        this.tree = parsed.get();
    }

    /** The predicates' texts (between {@code cfg(} and its closing parenthesis) around the char at {@code offset}, innermost first. */
    List<String> around(int offset) {
        List<String> predicates = new ArrayList<>();
        Optional<SyntaxNode> node = tree.getRootNode().getDescendant(2 * offset, 2 * offset + 2);
        while (node.isPresent()) {
            SyntaxNode current = node.get();
            Optional<SyntaxNode> parent = current.getParent();
            if (current.getType().equals("match_arm")) {
                // A match arm holds its own attributes.
                current.getChildren().stream().filter(child -> child.getType().equals("attribute_item"))
                        .forEach(attribute -> cfgOf(attribute).ifPresent(predicates::add));
            }
            if (current.getType().equals("token_tree") && parent.filter(this::isCfgIf).isPresent()) {
                cfgIfBranch(current, offset).ifPresent(predicates::add);
            }
            if (INNER_SCOPES.contains(current.getType())) {
                current.getChildren().stream().filter(child -> child.getType().equals("inner_attribute_item"))
                        .forEach(attribute -> cfgOf(attribute).ifPresent(predicates::add));
            }
            parent.ifPresent(p -> outerAttributes(p, current).forEach(attribute -> cfgOf(attribute).ifPresent(predicates::add)));
            node = parent;
        }
        return predicates;
    }

    private boolean isCfgIf(SyntaxNode invocation) {
        return invocation.getType().equals("macro_invocation") && invocation.getChildByFieldName("macro")
                .map(name -> source.substring(name.getStartByte() / 2, name.getEndByte() / 2).replaceAll("\\s+", ""))
                .filter(name -> name.equals("cfg_if") || name.endsWith("::cfg_if")).isPresent();
    }

    /**
     * The condition of the {@code cfg_if!} branch ({@code if #[cfg(a)] { .. } else if #[cfg(b)]
     * { .. } else { .. }}) that holds the offset: its own predicate, and none of the earlier ones.
     */
    private Optional<String> cfgIfBranch(SyntaxNode input, int offset) {
        List<String> earlier = new ArrayList<>();
        String pending = null;
        for (SyntaxNode child : input.getChildren()) {
            String text = source.substring(child.getStartByte() / 2, child.getEndByte() / 2);
            if (child.getType().equals("token_tree") && text.startsWith("[")) {
                String body = text.substring(1, text.length() - 1).strip();
                pending = body.startsWith("cfg") ? body.substring(body.indexOf('(') + 1, body.lastIndexOf(')')) : null;
            } else if (child.getType().equals("token_tree") && text.startsWith("{")) {
                boolean holds = offset >= child.getStartByte() / 2 && offset < child.getEndByte() / 2;
                if (holds) {
                    List<String> parts = new ArrayList<>();
                    if (pending != null) {
                        parts.add(pending);
                    }
                    if (!earlier.isEmpty()) {
                        parts.add("not(any(" + String.join(", ", earlier) + "))");
                    }
                    return parts.isEmpty() ? Optional.empty() : Optional.of("all(" + String.join(", ", parts) + ")");
                }
                if (pending != null) {
                    earlier.add(pending);
                }
                pending = null;
            }
        }
        return Optional.empty();
    }

    /** The attributes written just before {@code child} among its parent's children (comments between skipped). */
    private static List<SyntaxNode> outerAttributes(SyntaxNode parent, SyntaxNode child) {
        List<SyntaxNode> siblings = parent.getChildren();
        List<SyntaxNode> attributes = new ArrayList<>();
        for (int i = siblings.indexOf(child) - 1; i >= 0; i--) {
            String type = siblings.get(i).getType();
            if (type.equals("attribute_item")) {
                attributes.add(siblings.get(i));
            } else if (!COMMENTS.contains(type)) {
                break;
            }
        }
        return attributes;
    }

    /** The predicate of a {@code #[cfg(..)]} or {@code #![cfg(..)]} attribute. */
    private Optional<String> cfgOf(SyntaxNode attribute) {
        String text = source.substring(attribute.getStartByte() / 2, attribute.getEndByte() / 2);
        String body = text.substring(text.indexOf('[') + 1, text.lastIndexOf(']')).strip();
        if (!body.startsWith("cfg") || !body.substring("cfg".length()).stripLeading().startsWith("(")) {
            return Optional.empty();
        }
        return Optional.of(body.substring(body.indexOf('(') + 1, body.lastIndexOf(')')));
    }

    @Override
    public void close() {
        tree.close();
        parser.close();
    }
}
