package dev.rustlens.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The comparison's command-line options.
 *
 * @param forceClippy run clippy again instead of reusing its cached output
 * @param work the working directory (copies, registry, cargo target, cached runs, report)
 * @param systemRegistry Debian's registry, where the crates come from
 * @param crates the crates to compare (directory names); empty for all listed
 */
record ComparisonOptions(boolean forceClippy, Path work, Path systemRegistry, Set<String> crates) {

    static final String USAGE = "usage: AccuracyComparison [--force-clippy] [--crates a-1.0,b-2.0] [--work DIR] [--registry DIR]";

    /** Reads the arguments; Maven passes them as one property, so each is split into words. */
    static ComparisonOptions parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(List.of(arg.strip().split("\\s+")).stream().filter(word -> !word.isEmpty()).toList());
        }
        boolean force = false;
        Path work = Path.of("target/accuracy");
        Path systemRegistry = Path.of("/usr/share/cargo/registry");
        Set<String> crates = Set.of();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--force-clippy")) {
                force = true;
                continue;
            }
            if (i + 1 == words.size()) {
                throw new IllegalArgumentException(USAGE + "; " + word + " needs a value");
            }
            String value = words.get(++i);
            switch (word) {
                case "--crates" -> crates = Set.of(value.split(","));
                case "--work" -> work = Path.of(value);
                case "--registry" -> systemRegistry = Path.of(value);
                default -> throw new IllegalArgumentException(USAGE + "; not " + word);
            }
        }
        return new ComparisonOptions(force, work, systemRegistry, crates);
    }
}
