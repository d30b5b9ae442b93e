package dev.rustlens.analysis.outline;

import java.util.List;

/**
 * The module structure of one file, read from its syntax alone so that it is cached with the
 * file's result: what the crate's module tree, its exported API and the lint levels that reach
 * each place are worked out from once every file of the crate is known.
 *
 * @param items the items rustdoc could show, in source order
 * @param modules the {@code mod} items, inline and out-of-line
 * @param uses the {@code use} declarations that have a visibility
 * @param includes the paths given to {@code include!(..)}, relative to the file's directory
 * @param lintSettings every lint-level attribute with the region it covers
 * @param innerDocs whether the file opens with inner docs ({@code //!}, {@code #![doc = ..]}),
 *     which document the module it is
 * @param docHidden whether the file says {@code #![doc(hidden)]}
 * @param testOnly whether the file says {@code #![cfg(test)]}
 * @param allowsUnsafeCode whether any attribute allows, expects or warns {@code unsafe_code}
 *     (which a {@code forbid} would not let it do)
 */
public record FileOutline(List<ApiItem> items, List<ModuleDeclaration> modules, List<UseDeclaration> uses,
        List<String> includes, List<LintSetting> lintSettings, boolean innerDocs, boolean docHidden,
        boolean testOnly, boolean allowsUnsafeCode) {

    /** The outline of a file that was not read. */
    public static final FileOutline EMPTY = new FileOutline(List.of(), List.of(), List.of(), List.of(), List.of(),
            false, false, false, false);

    public FileOutline {
        items = List.copyOf(items);
        modules = List.copyOf(modules);
        uses = List.copyOf(uses);
        includes = List.copyOf(includes);
        lintSettings = List.copyOf(lintSettings);
    }
}
