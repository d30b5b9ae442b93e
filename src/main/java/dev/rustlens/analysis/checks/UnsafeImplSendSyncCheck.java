package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/** {@code unsafe impl Send}/{@code Sync} without a {@code // SAFETY:} comment saying why the type is thread-safe. */
public final class UnsafeImplSendSyncCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("unsafe_impl_send_sync",
            "`unsafe impl Send`/`Sync` without a `// SAFETY:` comment", Category.MEMORY, Severity.CRITICAL)
            .suppressedBy("clippy::undocumented_unsafe_blocks");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        // The trait may be written as a path (`core::marker::Send`): its last segment decides.
        String trait = match.findNodes("ctx.trait").stream().map(file::text).findFirst().orElse("");
        String name = trait.substring(trait.lastIndexOf(':') + 1).strip();
        if (!name.equals("Send") && !name.equals("Sync")) {
            return;
        }
        for (SyntaxNode impl : match.findNodes(Captures.FINDING)) {
            if (!SafetyComments.justify(file.leadingTrivia(impl))) {
                String type = match.findNodes("ctx.type").stream().map(file::text).findFirst().orElse("the type");
                file.report(this, impl, "`unsafe impl " + name + " for " + type + "` has no `// SAFETY:` comment saying why "
                        + type + (name.equals("Send") ? " may be sent to another thread" : " may be shared between threads"));
            }
        }
    }
}
