package dev.rustlens.analysis.check;

import dev.rustlens.analysis.cargo.FileRole;
import java.util.List;
import java.util.Map;

/**
 * Where a file sits in its crate, known only once the file is placed (file results are
 * computed without it, so that they can be cached by content).
 *
 * @param role the file's role: the kind of target whose module tree reaches it
 * @param testOnly whether the whole file is compiled for tests only (under a {@code #[cfg(test)]} module)
 * @param modulePath the module path of the file ({@code parser::lexer}), empty for a crate root
 * @param coreModules the modules configured as core, where unsafe code is expected
 * @param api the file's items that the crate exports and rustdoc shows, by position
 *     ({@link #position}), each mapped to whether it is documented
 */
public record Placement(FileRole role, boolean testOnly, String modulePath, List<String> coreModules,
        Map<Long, Boolean> api) {

    public Placement {
        coreModules = List.copyOf(coreModules);
        api = Map.copyOf(api);
    }

    /** The key of a 1-based line and column in {@link #api}. */
    public static long position(int line, int column) {
        return (long) line << 32 | column;
    }

    /** Whether the item a finding starts at is part of the crate's public API, as rustdoc shows it. */
    public boolean inPublicApi(Finding finding) {
        return api.containsKey(position(finding.line(), finding.column()));
    }

    /** Whether that item is documented, here or (a module) by the inner docs of its own file. */
    public boolean documented(Finding finding) {
        return api.getOrDefault(position(finding.line(), finding.column()), false);
    }

    /** Whether the file is inside a configured core module. */
    public boolean inCoreModule() {
        for (String core : coreModules) {
            String module = core.strip();
            if (module.startsWith("crate::")) {
                module = module.substring("crate::".length());
            }
            if (modulePath.equals(module) || modulePath.startsWith(module + "::")) {
                return true;
            }
        }
        return false;
    }
}
