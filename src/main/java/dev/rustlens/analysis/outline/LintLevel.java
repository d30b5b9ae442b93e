package dev.rustlens.analysis.outline;

import java.util.Locale;
import java.util.Optional;

/** A lint level as attributes and Cargo's {@code [lints]} table set it. */
public enum LintLevel {
    ALLOW,
    EXPECT,
    WARN,
    DENY,
    FORBID;

    /** Whether a lint at this level reports nothing. */
    public boolean silences() {
        return this == ALLOW || this == EXPECT;
    }

    /** The level an attribute path ({@code allow}, {@code deny}, ...) or a [lints] value names. */
    public static Optional<LintLevel> named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "allow" -> Optional.of(ALLOW);
            case "expect" -> Optional.of(EXPECT);
            case "warn" -> Optional.of(WARN);
            case "deny" -> Optional.of(DENY);
            case "forbid" -> Optional.of(FORBID);
            default -> Optional.empty();
        };
    }
}
