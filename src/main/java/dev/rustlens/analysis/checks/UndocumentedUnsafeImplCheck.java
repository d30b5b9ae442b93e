package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;

/**
 * {@code unsafe impl} of an unsafe trait other than Send and Sync ({@code GlobalAlloc},
 * {@code Allocator}, a crate's own {@code unsafe trait}) without a {@code // SAFETY:} comment
 * saying why the type keeps the trait's contract.
 */
public final class UndocumentedUnsafeImplCheck extends UnsafeImplCheck {

    private static final CheckInfo INFO = CheckInfo.of("undocumented_unsafe_impl",
            "`unsafe impl` of a trait other than Send and Sync without a `// SAFETY:` comment",
            Category.UNSAFE, Severity.CRITICAL)
            .suppressedBy("clippy::undocumented_unsafe_blocks");

    public UndocumentedUnsafeImplCheck() {
        super(INFO);
    }

    @Override
    String reason(String trait, String type) {
        return "why " + type + " keeps the contract `" + trait + "` states in its `# Safety` docs";
    }
}
