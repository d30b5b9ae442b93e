package dev.rustlens.analysis.check;

import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;

/**
 * A check that reads one file through the patterns of its {@code query.scm}. By default every
 * {@code @finding} capture is reported with the check's title; a check overrides
 * {@link #onFinding} (one capture) or {@link #onMatch} (the whole match) only for what its query
 * cannot decide.
 */
public abstract non-sealed class FileCheck implements Check {

    private final CheckInfo info;

    protected FileCheck(CheckInfo info) {
        this.info = info;
    }

    @Override
    public final CheckInfo info() {
        return info;
    }

    /** Handles one match of this check's patterns: each {@code @finding} capture in turn. */
    public void onMatch(SyntaxMatch match, FileContext file) {
        for (SyntaxNode node : match.findNodes(Captures.FINDING)) {
            onFinding(node, file);
        }
    }

    /** Handles one {@code @finding} capture of a match: reported with the check's title unless overridden. */
    protected void onFinding(SyntaxNode node, FileContext file) {
        file.report(this, node, info().title());
    }

    /**
     * Whether a finding stands once the file is placed in its crate. By default test code is
     * dropped for checks the standard exempts there.
     */
    public boolean keep(Finding finding, Placement placement) {
        return !(info().exemptInTests() && (finding.inTestCode() || placement.role().isTestLike()));
    }
}
