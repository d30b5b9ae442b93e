package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.parser.SyntaxNode;
import java.util.Set;

/** Where a match made of tokens (inside a token tree, not parsed code) stands. */
final class MacroTokens {

    private static final Set<String> TOKEN_CONTAINERS = Set.of("token_tree", "token_repetition");
    private static final Set<String> MACROS = Set.of("macro_definition", "macro_invocation");

    private MacroTokens() {
    }

    /**
     * Whether the node is a token of a {@code macro_rules!} body: code that exists only once the
     * macro is expanded somewhere, which clippy does not report at the definition for calls such
     * as {@code unwrap} or {@code panic!}.
     */
    static boolean inMacroDefinition(SyntaxNode node) {
        boolean token = node.getParent().map(parent -> TOKEN_CONTAINERS.contains(parent.getType())).orElse(false);
        return token && FileContext.ancestor(node, MACROS).filter(macro -> macro.getType().equals("macro_definition"))
                .isPresent();
    }
}
