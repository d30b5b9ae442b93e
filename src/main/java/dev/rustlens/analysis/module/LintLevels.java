package dev.rustlens.analysis.module;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.analysis.outline.LintLevel;
import dev.rustlens.analysis.outline.LintSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The level a lint has at one place of a crate, found as rustc finds it: the innermost attribute
 * of the file that names the lint or a group holding it, else the nearest such attribute of the
 * modules above the file, else Cargo's {@code [lints]} table.
 */
public final class LintLevels {

    /**
     * The groups that hold the lints rustlens's checks answer to ({@link
     * dev.rustlens.analysis.check.CheckInfo#lints()}): {@code allow(clippy::all)} silences
     * {@code missing_safety_doc}, {@code allow(clippy::restriction)} the restriction lints.
     */
    private static final Map<String, List<String>> GROUPS = Map.ofEntries(
            Map.entry("clippy::missing_safety_doc", List.of("clippy::style", "clippy::all")),
            Map.entry("clippy::undocumented_unsafe_blocks", List.of("clippy::restriction")),
            Map.entry("clippy::unwrap_used", List.of("clippy::restriction")),
            Map.entry("clippy::expect_used", List.of("clippy::restriction")),
            Map.entry("clippy::panic", List.of("clippy::restriction")),
            Map.entry("clippy::todo", List.of("clippy::restriction")),
            Map.entry("clippy::unimplemented", List.of("clippy::restriction")),
            Map.entry("clippy::unreachable", List.of("clippy::restriction")),
            Map.entry("clippy::mem_forget", List.of("clippy::restriction")),
            Map.entry("clippy::allow_attributes_without_reason", List.of("clippy::restriction")),
            Map.entry("clippy::missing_docs_in_private_items", List.of("clippy::restriction")),
            Map.entry("rustdoc::missing_doc_code_examples", List.of("rustdoc::all")));

    private LintLevels() {
    }

    /**
     * The level of any of {@code lints} at a position of a file, when something sets one.
     *
     * @param inFile the file's lint attributes
     * @param inherited those of the modules above the file, outermost first
     * @param manifestLints the crate's {@code [lints]} table (its own or the workspace's)
     */
    public static Optional<LintLevel> at(List<LintSetting> inFile, List<LintSetting> inherited, JsonNode manifestLints,
            int line, int column, List<String> lints) {
        List<String> names = withGroups(lints);
        LintSetting innermost = null;
        for (LintSetting setting : inFile) {
            // A later attribute on the same region, or one inside the region found so far, wins.
            if (setting.covers(line, column) && namesAny(setting, names)
                    && (innermost == null || setting.within(innermost))) {
                innermost = setting;
            }
        }
        if (innermost != null) {
            return Optional.of(innermost.level());
        }
        for (int i = inherited.size() - 1; i >= 0; i--) {
            if (namesAny(inherited.get(i), names)) {
                return Optional.of(inherited.get(i).level());
            }
        }
        return manifestLevel(manifestLints, lints, names);
    }

    /** The lints with the groups that hold them. */
    private static List<String> withGroups(List<String> lints) {
        List<String> names = new ArrayList<>(lints);
        for (String lint : lints) {
            names.addAll(GROUPS.getOrDefault(lint, List.of()));
        }
        return names;
    }

    private static boolean namesAny(LintSetting setting, List<String> names) {
        for (String lint : setting.lints()) {
            if (names.contains(lint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The level the {@code [lints]} table gives: the entry of highest priority among the lint
     * and its groups, the lint itself winning a tie (Cargo passes a lint after its group).
     */
    private static Optional<LintLevel> manifestLevel(JsonNode table, List<String> lints, List<String> names) {
        LintLevel level = null;
        long priority = Long.MIN_VALUE;
        for (String name : names) {
            int separator = name.indexOf("::");
            JsonNode entry = separator < 0 ? table.path("rust").path(name)
                    : table.path(name.substring(0, separator)).path(name.substring(separator + 2));
            String levelName = entry.isTextual() ? entry.asText() : entry.path("level").asText("");
            Optional<LintLevel> named = LintLevel.named(levelName);
            if (named.isEmpty()) {
                continue;
            }
            long entryPriority = entry.path("priority").asLong(0);
            boolean specific = lints.contains(name);
            if (entryPriority > priority || (entryPriority == priority && specific)) {
                level = named.get();
                priority = entryPriority;
            }
        }
        return Optional.ofNullable(level);
    }
}
