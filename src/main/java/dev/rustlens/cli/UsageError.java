package dev.rustlens.cli;

/**
 * What stops a scan before it can judge anything: bad arguments, or input that cannot be read (a
 * missing directory, a broken gate or baseline file, a server that does not answer). Its message
 * is the one line the user sees; the process exits with {@link RustlensCli#EXIT_USAGE}.
 */
final class UsageError extends Exception {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
