package dev.rustlens.accuracy;

import dev.rustlens.analysis.diagnostics.ImportedLints;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which rustlens check answers to which clippy or rustc lint, and on which view they are compared. */
final class CheckMapping {

    /** Exactly the lints the clippy runs ask for. */
    static final List<String> LINTS = List.of("clippy::undocumented_unsafe_blocks", "clippy::missing_safety_doc",
            "missing_docs", "clippy::unwrap_used", "clippy::expect_used", "clippy::panic", "clippy::todo",
            "clippy::unimplemented", "clippy::unreachable", "clippy::mem_forget");

    /** The compared checks in table order, each with the lints it answers to (as the table shows them) and its view. */
    static final Map<String, Compared> CHECKS = checks();

    /** How one check is compared. */
    record Compared(String lints, View view) {
    }

    private static final String UNSAFE_IMPL = "unsafe impl missing a safety comment";
    private static final String CRATE_DOCS = "missing documentation for the crate";

    private CheckMapping() {
    }

    private static Map<String, Compared> checks() {
        Map<String, Compared> checks = new LinkedHashMap<>();
        checks.put("undocumented_unsafe_block", new Compared("clippy::undocumented_unsafe_blocks (blocks)", View.ALL_TARGETS));
        checks.put("unsafe_impl_send_sync",
                new Compared("clippy::undocumented_unsafe_blocks (`unsafe impl Send`/`Sync`)", View.ALL_TARGETS));
        checks.put("undocumented_unsafe_impl",
                new Compared("clippy::undocumented_unsafe_blocks (other `unsafe impl`)", View.ALL_TARGETS));
        checks.put("missing_safety_doc", new Compared("clippy::missing_safety_doc", View.LIBRARY));
        checks.put("missing_docs", new Compared("missing_docs (items)", View.LIBRARY));
        checks.put("missing_crate_docs", new Compared("missing_docs (the crate)", View.LIBRARY));
        checks.put("unwrap_used", new Compared("clippy::unwrap_used", View.LIBRARY));
        checks.put("expect_used", new Compared("clippy::expect_used", View.LIBRARY));
        checks.put("panic_in_library",
                new Compared("clippy::panic, todo, unimplemented, unreachable", View.LIBRARY));
        checks.put("mem_forget", new Compared("clippy::mem_forget", View.ALL_TARGETS));
        return Collections.unmodifiableMap(checks);
    }

    /**
     * The check that answers to a lint hit; empty for a lint no check answers to. Which checks a
     * lint answers to is main code's ({@link ImportedLints#checksOnSameSite}, used to merge imported
     * diagnostics); where it names several, the hit's message and text tell which.
     */
    static Optional<String> checkOf(LintHit hit) {
        String lint = ImportedLints.checkIdOf(hit.lint()).orElse("");
        Set<String> checks = ImportedLints.checksOnSameSite(lint);
        if (checks.size() <= 1) {
            return checks.stream().findFirst();
        }
        return Optional.of(switch (lint) {
            case "clippy::undocumented_unsafe_blocks" -> {
                if (!hit.message().equals(UNSAFE_IMPL)) {
                    yield "undocumented_unsafe_block";
                }
                String trait = implementedTrait(hit.text());
                yield trait.equals("Send") || trait.equals("Sync") ? "unsafe_impl_send_sync" : "undocumented_unsafe_impl";
            }
            case "rustc::missing_docs" -> hit.message().equals(CRATE_DOCS) ? "missing_crate_docs" : "missing_docs";
            default -> throw new IllegalStateException(lint + " answers to " + checks + ": say how a hit tells which");
        });
    }

    /**
     * The last path segment of the trait in an {@code unsafe impl} item's text
     * ({@code unsafe impl<T: Send> core::marker::Sync for X<T>} gives {@code Sync}); empty when
     * the text is no trait impl.
     */
    static String implementedTrait(String implText) {
        int at = implText.indexOf("impl");
        if (at < 0) {
            return "";
        }
        at = skipSpace(implText, at + "impl".length());
        if (at < implText.length() && implText.charAt(at) == '<') {
            int depth = 0;
            for (; at < implText.length(); at++) {
                char c = implText.charAt(at);
                depth += c == '<' ? 1 : c == '>' && implText.charAt(at - 1) != '-' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            at = skipSpace(implText, at + 1);
        }
        if (at < implText.length() && implText.charAt(at) == '!') {
            at = skipSpace(implText, at + 1);
        }
        int end = at;
        while (end < implText.length()
                && (Character.isJavaIdentifierPart(implText.charAt(end)) || implText.charAt(end) == ':')) {
            end++;
        }
        String path = implText.substring(at, end);
        return path.substring(path.lastIndexOf(':') + 1);
    }

    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
