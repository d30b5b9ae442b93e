package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.LeadingTrivia;
import java.util.Locale;

/** The {@code // SAFETY:} comments that justify unsafe code, read as clippy reads them. */
final class SafetyComments {

    private SafetyComments() {
    }

    /** Whether a comment's text holds a justification; case-insensitive, as clippy's own check. */
    static boolean justifies(String comment) {
        return comment.toUpperCase(Locale.ROOT).contains("SAFETY:");
    }

    /** Whether a comment directly above an item or statement (attributes may stand between) justifies it. */
    static boolean justify(LeadingTrivia trivia) {
        return trivia.comments().stream().anyMatch(comment -> justifies(comment.text()));
    }
}
