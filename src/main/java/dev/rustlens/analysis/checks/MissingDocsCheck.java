package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.Map;
import java.util.Optional;

/** Public items without a doc comment or {@code #[doc = ..]} attribute. */
public final class MissingDocsCheck extends LibraryCodeCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_docs",
            "Public item without documentation", Category.DOCUMENTATION, Severity.MINOR)
            .exemptingTests()
            .suppressedBy("missing_docs", "clippy::missing_docs_in_private_items");

    private static final Map<String, String> KINDS = Map.of(
            "function_item", "fn", "function_signature_item", "fn", "struct_item", "struct",
            "enum_item", "enum", "union_item", "union", "trait_item", "trait", "type_item", "type alias",
            "const_item", "const", "static_item", "static", "mod_item", "module");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode item = match.findNodes(Captures.FINDING).getFirst();
        SyntaxNode name = match.findNodes(Captures.NAME).getFirst();
        Optional<LeadingTrivia> trivia = PublicItems.documentedApi(item, file);
        if (trivia.isEmpty() || trivia.get().hasDoc() || hasInnerDoc(item, file)) {
            return;
        }
        file.report(this, FileContext.start(item), FileContext.end(name),
                "public " + KINDS.get(item.getType()) + " `" + file.text(name) + "` has no documentation");
    }

    /** Whether a module's body opens with an inner doc comment or {@code #![doc = ..]}, which documents the module. */
    private static boolean hasInnerDoc(SyntaxNode item, FileContext file) {
        Optional<SyntaxNode> body = item.getChildByFieldName("body");
        if (!item.getType().equals("mod_item") || body.isEmpty()) {
            return false;
        }
        for (SyntaxNode child : body.get().getNamedChildren()) {
            String text = file.text(child);
            switch (child.getType()) {
                case "line_comment", "block_comment" -> {
                    if (text.startsWith("//!") || text.startsWith("/*!")) {
                        return true;
                    }
                }
                case "inner_attribute_item" -> {
                    if (Attributes.path(text).equals("doc")
                            && Attributes.body(text).substring("doc".length()).stripLeading().startsWith("=")) {
                        return true;
                    }
                }
                default -> {
                    // Inner docs stand before the module's first item.
                    return false;
                }
            }
        }
        return false;
    }
}
