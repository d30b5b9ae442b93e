package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Public unsafe functions and traits whose docs do not say, under {@code # Safety}, what callers must uphold. */
public final class MissingSafetyDocCheck extends FileCheck {

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
        // Only exactly `pub` is public API; `pub(crate)` and the like are not.
        boolean pub = match.findNodes("ctx.visibility").stream().map(file::text).allMatch("pub"::equals);
        for (SyntaxNode item : match.findNodes(Captures.FINDING)) {
            if (pub && !file.leadingTrivia(item).hasDocSection("Safety")) {
                String kind = item.getType().equals("trait_item") ? "unsafe trait" : "unsafe fn";
                String name = match.findNodes(Captures.NAME).stream().map(file::text).findFirst().orElse("");
                file.report(this, item, "public " + kind + " `" + name
                        + "` has no `# Safety` section in its docs saying what callers must uphold");
            }
        }
    }
}
