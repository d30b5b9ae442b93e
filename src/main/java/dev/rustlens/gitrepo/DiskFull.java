package dev.rustlens.gitrepo;

import java.io.IOException;
import java.util.Locale;

/**
 * This server's disk (or the rustlens user's quota) is full: the server's trouble, never the
 * request's, so it is answered as 507 and logged, not blamed on an upload.
 */
public final class DiskFull extends IOException {

    private static final long serialVersionUID = 1L;

    public DiskFull(IOException cause) {
        super("this server's disk is full", cause);
    }

    /** Whether running out of space caused {@code failure}. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof DiskFull || cause instanceof IOException
                    && (message.contains("no space left on device") || message.contains("disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
