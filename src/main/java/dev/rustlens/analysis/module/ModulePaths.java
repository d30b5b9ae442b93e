package dev.rustlens.analysis.module;

import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.outline.ModuleDeclaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where rustc looks for the file of a {@code mod name;} declaration (the Rust reference's rules). */
final class ModulePaths {

    private ModulePaths() {
    }

    /**
     * The files a declaration names, among {@code existing} paths: one, or one per platform for
     * a module whose {@code #[cfg_attr(.., path = "..")]} attributes choose its file.
     *
     * @param file the repository path of the file declaring it
     * @param ownsDirectory whether that file is a "mod-rs" file: a crate root, a {@code mod.rs},
     *     or a file loaded through {@code #[path]}, whose modules live in its own directory
     *     rather than in one named after it
     * @param scope the inline module of {@code file} the declaration stands in, -1 for none
     */
    static List<String> resolve(String file, boolean ownsDirectory, FileOutline outline, int scope,
            ModuleDeclaration declaration, Set<String> existing) {
        String inline = inlineDirectories(outline, scope);
        String moduleDirectory = join(ownsDirectory ? directoryOf(file) : join(directoryOf(file), stem(file)), inline);
        List<String> found = new ArrayList<>();
        // Outside inline modules (and inside function bodies) a path is relative to the file's own directory.
        String base = scope < 0 || declaration.inFunction() ? directoryOf(file) : moduleDirectory;
        declaration.paths().stream().map(path -> relativeTo(base, path)).flatMap(Optional::stream)
                .filter(existing::contains).forEach(found::add);
        if (declaration.inFunction() || (!declaration.paths().isEmpty() && !declaration.pathsConditional())) {
            return found.stream().distinct().toList();
        }
        for (String candidate : List.of(join(moduleDirectory, declaration.name() + ".rs"),
                join(moduleDirectory, declaration.name() + "/mod.rs"))) {
            if (existing.contains(candidate)) {
                found.add(candidate);
                break;
            }
        }
        return found.stream().distinct().toList();
    }

    /** Whether a file found by name (not by {@code #[path]}) owns its directory: a {@code mod.rs}. */
    static boolean ownsDirectoryByName(String file) {
        return file.equals("mod.rs") || file.endsWith("/mod.rs");
    }

    /** {@code a/b} for a declaration inside {@code mod a { mod b { .. } }}. */
    private static String inlineDirectories(FileOutline outline, int scope) {
        Deque<String> names = new ArrayDeque<>();
        for (int current = scope; current >= 0; current = outline.modules().get(current).scope()) {
            names.addFirst(outline.modules().get(current).name());
        }
        return String.join("/", names);
    }

    /** The repository path of {@code relative} seen from {@code directory}, with {@code .} and {@code ..} resolved. */
    static Optional<String> relativeTo(String directory, String relative) {
        if (relative.startsWith("/") || relative.contains("\\") && relative.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : join(directory, relative.replace('\\', '/')).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return Optional.of(String.join("/", segments));
    }

    static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".rs") ? name.substring(0, name.length() - 3) : name;
    }

    private static String join(String directory, String relative) {
        if (directory.isEmpty()) {
            return relative;
        }
        return relative.isEmpty() ? directory : directory + "/" + relative;
    }
}
