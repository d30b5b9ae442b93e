package dev.rustlens.analysis.outline;

import java.util.List;

/**
 * A {@code mod} item: an inline module with its body, or a declaration of a module in another
 * file ({@code mod name;}).
 *
 * @param scope the inline module it is declared in (an index into {@link FileOutline#modules()}),
 *     or -1 for the file's own module
 * @param item its entry in {@link FileOutline#items()}
 * @param name the module's name
 * @param inline whether its body is here
 * @param paths the file its {@code #[path = ".."]} attribute names, or those its
 *     {@code #[cfg_attr(.., path = "..")]} attributes name (one per platform); empty without them
 * @param pathsConditional whether the paths come from {@code cfg_attr}, so that the file found by
 *     the module's name is used where no condition holds
 * @param testOnly whether it is compiled for tests only ({@code #[cfg(test)]}, {@code #[cfg(all(test, ..))]})
 * @param inFunction whether it is declared inside a function body, where only its own items see it
 * @param fromMacro whether it was read from a macro's input ({@code cfg_if! { .. }}) rather than parsed
 */
public record ModuleDeclaration(int scope, int item, String name, boolean inline, List<String> paths, boolean pathsConditional,
        boolean testOnly, boolean inFunction, boolean fromMacro) {

    public ModuleDeclaration {
        paths = List.copyOf(paths);
    }
}
