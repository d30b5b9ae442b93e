package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;

import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.Optional;

/** Documented public functions whose docs hold no fenced code example. */
public final class MissingDocExampleCheck extends PublicApiCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_doc_example",
            "Documented public function without a code example", Category.DOCUMENTATION, Severity.INFO)
            .exemptingTests()
            .suppressedBy("rustdoc::missing_doc_code_examples");

    public MissingDocExampleCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode function = match.findNodes(Captures.FINDING).getFirst();
        SyntaxNode name = match.findNodes(Captures.NAME).getFirst();
        Optional<ApiItem> api = file.apiItem(function);
        // Undocumented functions are missing_docs' business.
        if (api.isPresent() && api.get().documented() && !api.get().hasExample()) {
            file.report(this, FileContext.start(function), FileContext.end(name),
                    "public fn `" + file.text(name) + "` is documented without a code example");
        }
    }
}
