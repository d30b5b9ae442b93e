package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;

/** {@code unsafe impl Send}/{@code Sync} without a {@code // SAFETY:} comment saying why the type is thread-safe. */
public final class UnsafeImplSendSyncCheck extends UnsafeImplCheck {

    private static final CheckInfo INFO = CheckInfo.of("unsafe_impl_send_sync",
            "`unsafe impl Send`/`Sync` without a `// SAFETY:` comment", Category.MEMORY, Severity.CRITICAL)
            .suppressedBy("clippy::undocumented_unsafe_blocks");

    public UnsafeImplSendSyncCheck() {
        super(INFO);
    }

    @Override
    String reason(String trait, String type) {
        return "why " + type + (trait.equals("Send") ? " may be sent to another thread" : " may be shared between threads");
    }
}
