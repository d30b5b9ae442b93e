package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Placement;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.outline.ApiKind;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;
import java.util.Optional;

/** Items of the crate's public API without a doc comment or {@code #[doc = ..]} attribute. */
public final class MissingDocsCheck extends PublicApiCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_docs",
            "Public item without documentation", Category.DOCUMENTATION, Severity.MINOR)
            .exemptingTests()
            .suppressedBy("missing_docs", "clippy::missing_docs_in_private_items");

    public MissingDocsCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode item = match.findNodes(Captures.FINDING).getFirst();
        Optional<ApiItem> api = file.apiItem(item);
        // A module declared `mod name;` may be documented by its own file's `//!`: the crate decides.
        if (api.isEmpty() || (api.get().documented())) {
            return;
        }
        SyntaxNode name = match.findNodes(Captures.NAME).getFirst();
        ApiKind kind = api.get().kind();
        file.report(this, FileContext.start(item), FileContext.end(name),
                "public " + kind.description() + " `" + file.text(name) + "` has no documentation");
    }

    @Override
    public boolean keep(Finding finding, Placement placement) {
        return super.keep(finding, placement) && !placement.documented(finding);
    }
}
