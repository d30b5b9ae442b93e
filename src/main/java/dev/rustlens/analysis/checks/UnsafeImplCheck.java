package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.RustPaths;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;

/**
 * An {@code unsafe impl} of an unsafe trait without a {@code // SAFETY:} comment above it
 * (attributes and doc comments may stand between), as clippy's {@code undocumented_unsafe_blocks}
 * asks of every unsafe impl; the query decides which traits a subclass answers for.
 */
abstract class UnsafeImplCheck extends FileCheck {

    UnsafeImplCheck(CheckInfo info) {
        super(info);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        // The trait may be written as a path (`core::marker::Send`): its last segment names it.
        String trait = match.findNodes(Captures.CONTEXT_PREFIX + "trait").stream().map(file::text).findFirst().orElse("");
        String name = RustPaths.withoutGenerics(trait.substring(trait.lastIndexOf(':') + 1).strip());
        String type = match.findNodes(Captures.CONTEXT_PREFIX + "type").stream().map(file::text).findFirst().orElse("the type");
        for (SyntaxNode impl : match.findNodes(Captures.FINDING)) {
            if (!SafetyComments.justify(file.leadingTrivia(impl)) && !SafetyComments.beforeOnLine(file, FileContext.start(impl))) {
                file.report(this, impl, "`unsafe impl " + name + " for " + type + "` has no `// SAFETY:` comment saying "
                        + reason(name, type));
            }
        }
    }

    /** What the missing comment should say, for this trait and type. */
    abstract String reason(String trait, String type);
}
