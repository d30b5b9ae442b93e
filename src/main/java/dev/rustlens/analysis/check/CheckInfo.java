package dev.rustlens.analysis.check;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The typed metadata of a check.
 *
 * @param id stable snake_case id; history refers to it, so it is never renamed
 * @param title one line saying what the check finds
 * @param category the principle it serves
 * @param severity default severity
 * @param exemptInTests whether findings in test code are dropped (the standard allows them there)
 * @param clippyLint the clippy lint whose {@code allow}/{@code expect} also suppresses it
 */
public record CheckInfo(
        String id, String title, Category category, Severity severity, boolean exemptInTests,
        Optional<String> clippyLint) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public CheckInfo {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id is not snake_case: " + id);
        }
    }

    /** Metadata of a check that applies to test code too and has no clippy twin. */
    public static CheckInfo of(String id, String title, Category category, Severity severity) {
        return new CheckInfo(id, title, category, severity, false, Optional.empty());
    }

    /** The same metadata, exempting test code. */
    public CheckInfo exemptingTests() {
        return new CheckInfo(id, title, category, severity, true, clippyLint);
    }

    /** The same metadata, suppressible with {@code allow(clippy::<lint>)}. */
    public CheckInfo suppressedBy(String lint) {
        return new CheckInfo(id, title, category, severity, exemptInTests, Optional.of(lint));
    }
}
