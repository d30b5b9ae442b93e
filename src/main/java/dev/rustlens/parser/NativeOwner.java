package dev.rustlens.parser;

/**
 * Native memory held by one Java object: released by the first {@link #close()} only, and every
 * use after that is an exception rather than a read of freed memory.
 */
abstract class NativeOwner implements AutoCloseable {

    private final String closedMessage;
    private boolean closed;

    /** {@code closedMessage} is what a use after closing is told. */
    NativeOwner(String closedMessage) {
        this.closedMessage = closedMessage;
    }

    /** Throws once this is closed: called before each native access. */
    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException(closedMessage);
        }
    }

    /** Releases the native memory; a second call does nothing. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    /** Frees what this object holds; called once. */
    abstract void release();
}
