package dev.rustlens.analysis.advisories;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;
import java.util.List;

/**
 * The rules whose findings come from matching a scan's {@code Cargo.lock} against the RustSec
 * advisory database rather than from reading code: the server applies them when it stores a scan
 * and again when the database changes (docs/supply-chain.md). Their findings are tracked, triaged,
 * gated and exported like the checks', but they do not change a crate's safety score, which grades
 * the crate's own code.
 */
public final class AdvisoryRules {

    /** A locked version affected by a vulnerability advisory. */
    public static final CheckInfo VULNERABILITY = CheckInfo.of("advisory_vulnerability",
            "A locked dependency version has a RustSec vulnerability advisory", Category.DEPENDENCIES, Severity.CRITICAL);
    /** A locked version with an informational advisory of kind unsound. */
    public static final CheckInfo UNSOUND = CheckInfo.of("advisory_unsound",
            "A locked dependency version is unsound (RustSec informational advisory)", Category.DEPENDENCIES,
            Severity.MAJOR);
    /** A locked package that RustSec reports unmaintained. */
    public static final CheckInfo UNMAINTAINED = CheckInfo.of("advisory_unmaintained",
            "A locked dependency is unmaintained (RustSec informational advisory)", Category.DEPENDENCIES,
            Severity.MINOR);
    /** A locked version with any other informational advisory (a notice). */
    public static final CheckInfo NOTICE = CheckInfo.of("advisory_notice",
            "A locked dependency version has a RustSec notice", Category.DEPENDENCIES, Severity.INFO);

    /** Every advisory rule, most severe first. */
    public static final List<CheckInfo> ALL = List.of(VULNERABILITY, UNSOUND, UNMAINTAINED, NOTICE);

    private AdvisoryRules() {
    }

    /** Whether {@code checkId} names an advisory rule. */
    public static boolean isAdvisoryRule(String checkId) {
        return ALL.stream().anyMatch(rule -> rule.id().equals(checkId));
    }
}
