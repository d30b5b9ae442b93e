package dev.rustlens.gate;

import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.Scan;
import java.util.List;
import java.util.Locale;

/**
 * Which gate judges a scan: the main-branch gate, or the pull-request gate for a branch compared
 * with its merge-base on a target branch (new code only by default, as SonarQube's).
 */
public enum GateScope {
    MAIN(GateCondition.DEFAULTS, "previous_scan"),
    PULL_REQUEST(GateCondition.DEFAULTS.stream().filter(GateCondition::judgesNewCode).toList(), "merge_base");

    private final List<GateCondition> defaults;
    private final String baseline;

    GateScope(List<GateCondition> defaults, String baseline) {
        this.defaults = defaults;
        this.baseline = baseline;
    }

    /** The scope as stored and as the API names it: {@code main} or {@code pull_request}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The conditions of this scope's gate for a repository that has not set its own. */
    List<GateCondition> defaults() {
        return defaults;
    }

    /** The baseline this scope's gate compares with unless set otherwise. */
    String defaultBaseline() {
        return baseline;
    }

    /** The gate of a scan: a branch scan with a target is a pull request's. */
    static GateScope of(Scan scan) {
        return scan.targetBranch != null ? PULL_REQUEST : MAIN;
    }

    /** The scope a client names; {@code main} when it names none. Throws {@link BadRequest} otherwise. */
    public static GateScope parse(String key) {
        GateScope scope = Choices.parse("scope", key, GateScope.class, GateScope::key);
        return scope == null ? MAIN : scope;
    }
}
