package dev.rustlens.analysis.check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The typed metadata of a check.
 *
 * @param id stable snake_case id; history refers to it, so it is never renamed
 * @param title one line saying what the check finds
 * @param category the principle it serves
 * @param severity default severity
 * @param exemptInTests whether findings in test code are dropped (the standard allows them there)
 * @param lints the lints (full names: {@code clippy::unwrap_used}, {@code missing_docs}) whose
 *     {@code allow}/{@code expect} also suppresses it
 */
public record CheckInfo(
        String id, String title, Category category, Severity severity, boolean exemptInTests,
        List<String> lints) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public CheckInfo {
        lints = List.copyOf(lints);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id is not snake_case: " + id);
        }
    }

    /** Metadata of a check that applies to test code too and has no clippy twin. */
    public static CheckInfo of(String id, String title, Category category, Severity severity) {
        return new CheckInfo(id, title, category, severity, false, List.of());
    }

    /** The same metadata, exempting test code. */
    public CheckInfo exemptingTests() {
        return new CheckInfo(id, title, category, severity, true, lints);
    }

    /** The same metadata, also suppressible with {@code allow(<lint>)} for each lint (full names). */
    public CheckInfo suppressedBy(String... lintNames) {
        return new CheckInfo(id, title, category, severity, exemptInTests, List.of(lintNames));
    }
}
