package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Placement;

/**
 * A check of the library's public API: a finding stands only on an item the crate exports and
 * rustdoc shows, as the crate's module tree decides (rustc and clippy ask the same items only).
 */
abstract class PublicApiCheck extends LibraryCodeCheck {

    PublicApiCheck(CheckInfo info) {
        super(info);
    }

    @Override
    public boolean keep(Finding finding, Placement placement) {
        return super.keep(finding, placement) && placement.inPublicApi(finding);
    }
}
