package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.regex.Pattern;

/** {@code #[allow(..)]} and {@code #[expect(..)]} attributes that give no {@code reason = ".."}. */
public final class AllowWithoutReasonCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("allow_without_reason",
            "`#[allow(..)]` or `#[expect(..)]` without a `reason`", Category.LINTS, Severity.MINOR)
            .suppressedBy("clippy::allow_attributes_without_reason");

    private static final Pattern REASON = Pattern.compile("reason\\s*=.*", Pattern.DOTALL);

    public AllowWithoutReasonCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode attribute = match.findNodes(Captures.FINDING).getFirst();
        String text = file.text(attribute);
        if (Attributes.arguments(text).stream().noneMatch(argument -> REASON.matcher(argument).matches())) {
            file.report(this, attribute, "`" + Attributes.body(text).replaceAll("\\s+", " ")
                    + "` gives no reason: add `reason = \"..\"` saying why the lint does not apply here");
        }
    }
}
