package dev.rustlens.analysis.diagnostics;

import dev.rustlens.analysis.check.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The check ids of imported compiler diagnostics ({@code clippy::needless_return},
 * {@code rustc::unused_variables}), where each lint is documented, how cargo's levels map onto
 * our severities, and which of our checks report the same sites as a lint (docs/diagnostics.md).
 */
public final class ImportedLints {

    /** A tool-qualified lint: our own check ids never hold {@code ::}. */
    private static final Pattern LINT_ID = Pattern.compile("(clippy|rustc|rustdoc)::[a-z0-9_]{1,100}");
    private static final String CLIPPY_LINTS = "https://rust-lang.github.io/rust-clippy/master/index.html#";
    private static final String RUSTC_LINTS = "https://doc.rust-lang.org/rustc/lints/listing/index.html";
    private static final String RUSTDOC_LINTS = "https://doc.rust-lang.org/rustdoc/lints.html";

    /**
     * The lints that one of our checks answers to, with those checks: a lint and one of these
     * checks on the same site are one finding (the correspondence the accuracy comparison measures,
     * docs/accuracy.md).
     */
    private static final Map<String, Set<String>> SAME_SITE_CHECKS = Map.of(
            "clippy::undocumented_unsafe_blocks",
            Set.of("undocumented_unsafe_block", "unsafe_impl_send_sync", "undocumented_unsafe_impl"),
            "clippy::missing_safety_doc", Set.of("missing_safety_doc"),
            "rustc::missing_docs", Set.of("missing_docs", "missing_crate_docs"),
            "clippy::unwrap_used", Set.of("unwrap_used"),
            "clippy::expect_used", Set.of("expect_used"),
            "clippy::panic", Set.of("panic_in_library"),
            "clippy::todo", Set.of("panic_in_library"),
            "clippy::unimplemented", Set.of("panic_in_library"),
            "clippy::unreachable", Set.of("panic_in_library"),
            "clippy::mem_forget", Set.of("mem_forget"));

    private ImportedLints() {
    }

    /** Whether {@code checkId} names an imported lint rather than one of our checks. */
    public static boolean isLintId(String checkId) {
        return checkId != null && LINT_ID.matcher(checkId).matches();
    }

    /**
     * The check id of a diagnostic's lint code: tool lints keep their tool ({@code clippy::…}),
     * rustc's own lints get {@code rustc::}; empty for what is no lint (an error code such as
     * {@code E0308}, or a code this scheme cannot hold).
     */
    public static Optional<String> checkIdOf(String code) {
        String id = code.contains("::") ? code : "rustc::" + code;
        return isLintId(id) ? Optional.of(id) : Optional.empty();
    }

    /** Where the lint is documented. */
    public static String helpUri(String lintId) {
        String name = lintId.substring(lintId.indexOf("::") + 2);
        return switch (lintId.substring(0, lintId.indexOf("::"))) {
            case "clippy" -> CLIPPY_LINTS + name;
            case "rustdoc" -> RUSTDOC_LINTS + "#" + name.replace('_', '-');
            default -> RUSTC_LINTS + "#" + name.replace('_', '-');
        };
    }

    /**
     * The severity of a diagnostic at cargo's {@code level}: a lint denied or forbidden (an
     * {@code error}) is CRITICAL, a warning MINOR, a note or help INFO; empty for another level.
     */
    public static Optional<Severity> severityOf(String level) {
        return Optional.ofNullable(switch (level) {
            case "error" -> Severity.CRITICAL;
            case "warning" -> Severity.MINOR;
            case "note", "help" -> Severity.INFO;
            default -> null;
        });
    }

    /** Our checks whose findings on the same site as {@code lintId} are the same finding; empty for most lints. */
    public static Set<String> checksOnSameSite(String lintId) {
        return SAME_SITE_CHECKS.getOrDefault(lintId, Set.of());
    }
}
