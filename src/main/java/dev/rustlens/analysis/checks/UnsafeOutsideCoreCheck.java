package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Placement;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;

/** Unsafe code in a module that is not one of the configured core modules. */
public final class UnsafeOutsideCoreCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("unsafe_outside_core",
            "Unsafe code outside the core modules", Category.UNSAFE, Severity.MAJOR)
            .exemptingTests();

    public UnsafeOutsideCoreCheck() {
        super(INFO);
    }

    @Override
    protected void onFinding(SyntaxNode node, FileContext file) {
        String kind = switch (node.getType()) {
            case "unsafe_block" -> "unsafe block";
            case "impl_item" -> "unsafe impl";
            case "trait_item" -> "unsafe trait";
            case "foreign_mod_item" -> "extern block";
            default -> "unsafe fn";
        };
        file.report(this, node, kind + " outside the core modules, the only place the standard allows unsafe code");
    }

    @Override
    public boolean keep(Finding finding, Placement placement) {
        // Without configured core modules there is no boundary to enforce: the check is off.
        return !placement.coreModules().isEmpty() && !placement.inCoreModule() && super.keep(finding, placement);
    }
}
