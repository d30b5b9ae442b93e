package dev.rustlens.parser;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The native memory one parser's trees share for handing nodes and matches from C to Java: an
 * area C writes nodes to and a match buffer. Made once per parser (so once per
 * analysis thread) rather than once per file, and only ever used by one call at a time.
 */
final class NodeScratch extends NativeOwner {

    /** Nodes written at once before the area grows. */
    private static final int INITIAL_NODES = 256;
    private static final long NODE_BYTES = TreeSitterNative.NODE_WORDS * Long.BYTES;
    /** The most words {@link #read} keeps for reuse: 4,096 nodes. */
    private static final int MAX_KEPT_WORDS = 4096 * TreeSitterNative.NODE_WORDS;

    /** Shared: the parser is closed by whoever closes the analyzer, not by its thread. */
    private final Arena arena = Arena.ofShared();
    private MemorySegment nodes = arena.allocate(INITIAL_NODES * NODE_BYTES, 8);
    /** The nodes' words, copied out of {@link #nodes} at once. */
    private long[] words = new long[INITIAL_NODES * TreeSitterNative.NODE_WORDS];
    private MemorySegment matchBuffer;

    /** C must never write to this memory once it is freed: a tree outliving its parser is an error. */
    NodeScratch() {
        super("the parser that made this syntax tree is closed: its nodes can no longer be read");
    }

    /** Where C writes nodes: room for {@link #capacity()} of them. */
    long address() {
        checkOpen();
        return nodes.address();
    }

    int capacity() {
        return (int) (nodes.byteSize() / NODE_BYTES);
    }

    /** Makes room for {@code count} nodes, dropping what the area held. */
    void grow(int count) {
        if (count > capacity()) {
            nodes = arena.allocate(count * NODE_BYTES, 8);
        }
    }

    /** Copies the first {@code count} nodes' words out; valid until the next call. */
    long[] read(int count) {
        int length = count * TreeSitterNative.NODE_WORDS;
        long[] target = words;
        if (target.length < length) {
            // A node with a huge number of children (a table of numbers) gets an array of its
            // own, rather than one the thread would keep for good.
            target = new long[length];
            if (length <= MAX_KEPT_WORDS) {
                words = target;
            }
        }
        MemorySegment.copy(nodes, ValueLayout.JAVA_LONG, 0, target, 0, length);
        return target;
    }

    /** The native buffer query matches are collected in (rustlens_nodes.c's RlBuffer); made on first use. */
    @SuppressWarnings("restricted") // a struct made by rustlens_nodes.c; the JVM runs with native access
    MemorySegment matchBuffer() {
        checkOpen();
        if (matchBuffer == null) {
            long buffer;
            try {
                buffer = (long) TreeSitterNative.BUFFER_NEW.invokeExact();
            } catch (Throwable e) {
                throw TreeSitterNative.rethrow(e);
            }
            if (buffer == 0) {
                throw new OutOfMemoryError("no native memory for query matches");
            }
            // RlBuffer: uint64_t *data; uint32_t length; uint32_t capacity.
            matchBuffer = MemorySegment.ofAddress(buffer).reinterpret(16);
        }
        return matchBuffer;
    }

    @Override
    void release() {
        try {
            if (matchBuffer != null) {
                TreeSitterNative.BUFFER_DELETE.invokeExact(matchBuffer.address());
            }
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        } finally {
            arena.close();
        }
    }
}
