package dev.rustlens.analysis.check;

import dev.rustlens.analysis.cargo.FileRole;
import java.util.List;

/**
 * Where a file sits in its crate, known only once the file is placed (file results are
 * computed without it, so that they can be cached by content).
 *
 * @param role the file's role
 * @param modulePath the module path of the file ({@code parser::lexer}), empty for a crate root
 * @param coreModules the modules configured as core, where unsafe code is expected
 */
public record Placement(FileRole role, String modulePath, List<String> coreModules) {

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
