package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.parser.SyntaxNode;
import java.util.Optional;

/** Which {@code pub} items rustdoc would show, for the documentation checks. */
final class PublicItems {

    private PublicItems() {
    }

    /**
     * The attributes and comments of {@code item} when it is part of the documented API:
     * declared in a module, an impl or an extern block (not inside a function body), and
     * neither it nor an enclosing module or impl marked {@code #[doc(hidden)]}.
     */
    static Optional<LeadingTrivia> documentedApi(SyntaxNode item, FileContext file) {
        LeadingTrivia trivia = file.leadingTrivia(item);
        if (trivia.isDocHidden()) {
            return Optional.empty();
        }
        Optional<SyntaxNode> scope = item.getParent();
        while (scope.isPresent() && scope.get().getType().equals("declaration_list")) {
            // The body of a module, impl, trait or extern block: hiding its owner hides the item.
            Optional<SyntaxNode> owner = scope.get().getParent();
            if (owner.isEmpty() || file.leadingTrivia(owner.get()).isDocHidden()) {
                return Optional.empty();
            }
            scope = owner.get().getParent();
        }
        boolean moduleLevel = scope.isEmpty() || scope.get().getType().equals("source_file");
        return moduleLevel ? Optional.of(trivia) : Optional.empty();
    }
}
