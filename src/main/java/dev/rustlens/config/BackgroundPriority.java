package dev.rustlens.config;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.jboss.logging.Logger;

/**
 * Lowers the scheduling priority of the calling thread, for the threads that analyse and store
 * scans: on a busy machine the kernel then gives pages and the API the cores first, and scans
 * the rest. Linux keeps a nice value per thread, so {@code setpriority(PRIO_PROCESS, 0, nice)}
 * changes the calling thread alone. Elsewhere, or when the call is refused, threads keep their
 * priority and a log line says so once.
 */
public final class BackgroundPriority {

    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle SETPRIORITY = setpriority();
    private static volatile boolean refusalLogged;

    private BackgroundPriority() {
    }

    @SuppressWarnings("restricted") // a libc call; the server's JVM runs with native access enabled
    private static MethodHandle setpriority() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority").map(symbol -> linker.downcallHandle(symbol,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT))).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Gives the calling thread the nice value {@code nice} (0 to 19; 0 leaves it alone).
     *
     * @return whether the thread now runs at that nice value
     */
    public static boolean lowerCurrentThread(int nice) {
        if (nice == 0) {
            return false;
        }
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("a background nice value is between 0 and 19, not " + nice);
        }
        int result = -1;
        if (SETPRIORITY != null) {
            try {
                result = (int) SETPRIORITY.invokeExact(PRIO_PROCESS, 0, nice);
            } catch (Throwable e) {
                result = -1;
            }
        }
        if (result != 0 && !refusalLogged) {
            refusalLogged = true;
            LOG.warnf("background threads keep the server's priority: this system refused setpriority(nice %d)", nice);
        }
        return result == 0;
    }
}
