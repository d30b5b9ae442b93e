package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** Loads the tree-sitter core and Rust grammar library that the build packs into the jar. */
public final class BundledLibraryLookup implements NativeLibraryLookup {

    static final String LIBRARY_NAME = "libtree-sitter-rust.so";

    // Loading native code is what this class is for.
    @Override
    @SuppressWarnings("restricted")
    public SymbolLookup get(Arena arena) {
        return SymbolLookup.libraryLookup(ExtractedLibrary.PATH, arena);
    }

    /** Resource path of the library for this machine's architecture. */
    static String resourcePath() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String machine = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> arch;
        };
        return "/dev/rustlens/parser/native/linux-" + machine + "/" + LIBRARY_NAME;
    }

    /** Holder idiom: the library is extracted once per process, on first use. */
    private static final class ExtractedLibrary {
        static final Path PATH = extract();

        private static Path extract() {
            String resource = resourcePath();
            try (InputStream in = BundledLibraryLookup.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the tree-sitter library " + resource
                            + " is not in the jar; this platform is not supported by this build");
                }
                // A private file (owner-only) so no other user can swap the code we load.
                Path file = Files.createTempFile("rustlens-tree-sitter-", ".so",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract the tree-sitter library " + resource, e);
            }
        }
    }
}
