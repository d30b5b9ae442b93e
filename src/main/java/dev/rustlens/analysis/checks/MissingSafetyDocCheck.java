package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Unsafe functions and traits of the public API whose docs do not say, under {@code # Safety}, what callers must uphold. */
public final class MissingSafetyDocCheck extends PublicApiCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_safety_doc",
            "Public unsafe fn or trait without a `# Safety` doc section", Category.UNSAFE, Severity.MAJOR)
            .exemptingTests()
            .suppressedBy("clippy::missing_safety_doc");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode item : match.findNodes(Captures.FINDING)) {
            if (!file.leadingTrivia(item).hasDocSection("Safety")) {
                String kind = item.getType().equals("trait_item") ? "unsafe trait" : "unsafe fn";
                String name = match.findNodes(Captures.NAME).stream().map(file::text).findFirst().orElse("");
                file.report(this, item, "public " + kind + " `" + name
                        + "` has no `# Safety` section in its docs saying what callers must uphold");
            }
        }
    }
}
