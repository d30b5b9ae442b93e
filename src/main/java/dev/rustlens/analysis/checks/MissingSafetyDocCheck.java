package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.analysis.check.Placement;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** Unsafe functions of the public API, and unsafe traits, whose docs do not say, under {@code # Safety}, what callers must uphold. */
public final class MissingSafetyDocCheck extends PublicApiCheck {

    private static final CheckInfo INFO = CheckInfo.of("missing_safety_doc",
            "Exported unsafe fn, or unsafe trait, without a `# Safety` doc section", Category.UNSAFE, Severity.MAJOR)
            .exemptingTests()
            .suppressedBy("clippy::missing_safety_doc");

    public MissingSafetyDocCheck() {
        super(INFO);
    }

    /** How a finding on a trait starts: traits are asked whatever their visibility, as by clippy. */
    private static final String TRAIT = "unsafe trait `";

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode item : match.findNodes(Captures.FINDING)) {
            LeadingTrivia trivia = file.leadingTrivia(item);
            if (trivia.hasDocSection("Safety") || trivia.isDocHidden()) {
                continue;
            }
            String name = match.findNodes(Captures.NAME).stream().map(file::text).findFirst().orElse("");
            if (item.getType().equals("trait_item")) {
                file.report(this, item, TRAIT + name + "` has no `# Safety` section in its docs saying what "
                        + "implementations must uphold");
            } else {
                file.report(this, item, "public unsafe fn `" + name
                        + "` has no `# Safety` section in its docs saying what callers must uphold");
            }
        }
    }

    @Override
    public boolean keep(Finding finding, Placement placement) {
        // An unsafe trait binds every implementation, the crate's own included: clippy asks docs of
        // all of them, exported or not; an unsafe fn only binds the callers of the public API.
        return finding.message().startsWith(TRAIT) ? libraryCode(finding, placement) : super.keep(finding, placement);
    }
}
