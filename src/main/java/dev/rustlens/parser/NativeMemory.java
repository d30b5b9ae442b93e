package dev.rustlens.parser;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Gives memory freed by tree-sitter back to the operating system. glibc keeps freed memory in
 * the arena of the thread that freed it: after two threads have each parsed the same 170 MB
 * tree once, the process holds both copies for good. {@code malloc_trim} returns the free pages
 * of every arena; where the C library has no such function, this does nothing.
 */
public final class NativeMemory {

    private static final Optional<MethodHandle> MALLOC_TRIM = mallocTrim();

    private NativeMemory() {
    }

    /** Returns free native memory to the system; costs a walk over the allocator's free lists. */
    public static void release() {
        MALLOC_TRIM.ifPresent(trim -> {
            try {
                int ignored = (int) trim.invokeExact(0L);
            } catch (Throwable e) {
                throw TreeSitterNative.rethrow(e);
            }
        });
    }

    @SuppressWarnings("restricted") // native access is this class's job; the JVM runs with it enabled
    private static Optional<MethodHandle> mallocTrim() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("malloc_trim").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));
    }
}
