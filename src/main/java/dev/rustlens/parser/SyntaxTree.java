package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed file seen through {@link SyntaxNode}s: nodes are only valid on the analysing thread
 * and until the tree is closed.
 */
public final class SyntaxTree implements AutoCloseable {

    private static final String[] SYMBOL_NAMES = symbolNames(RustGrammar.language());
    private static final Map<String, Short> FIELD_IDS = new ConcurrentHashMap<>();
    /** Children listed at once before the scratch area grows. */
    private static final int SCRATCH_NODES = 256;
    private static final long NODE_BYTES = TreeSitterNative.NODE_WORDS * Long.BYTES;

    private final long treePointer;
    private final Map<Long, Optional<SyntaxNode>> parents = new HashMap<>();
    private final Arena arena = Arena.ofConfined();
    /** Where C writes the nodes it hands over: one, or a node's children. */
    private MemorySegment scratch = arena.allocate(SCRATCH_NODES * NODE_BYTES, 8);
    /** The scratch area's words, copied out at once. */
    private long[] words = new long[SCRATCH_NODES * TreeSitterNative.NODE_WORDS];
    /** One tree cursor for listing children, made on first use. */
    private long cursor;
    /** tree-sitter's matches land here in batches (rustlens_nodes.c's RlBuffer), made on first use. */
    private MemorySegment matchBuffer;

    /** Takes over a {@code TSTree*} made by a parse: closing this deletes it. */
    SyntaxTree(long treePointer) {
        this.treePointer = treePointer;
    }

    /** The root node. */
    public SyntaxNode getRootNode() {
        try {
            TreeSitterNative.ROOT_NODE.invokeExact(treePointer, scratch());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return readNode().orElseThrow();
    }

    /**
     * The children of {@code node} (only the named ones when {@code named}), listed by one call
     * that walks them with a tree cursor.
     */
    List<SyntaxNode> children(SyntaxNode node, boolean named) {
        try {
            if (cursor == 0) {
                cursor = (long) TreeSitterNative.TREE_CURSOR_NEW.invokeExact(treePointer);
                if (cursor == 0) {
                    throw new OutOfMemoryError("no native memory for a tree cursor");
                }
            }
            int capacity = (int) (scratch.byteSize() / NODE_BYTES);
            int count = (int) TreeSitterNative.CHILDREN.invokeExact(cursor, node.context01(), node.context23(),
                    node.getId(), treePointer, named, scratch(), capacity);
            if (count > capacity) {
                scratch = arena.allocate(count * NODE_BYTES, 8);
                count = (int) TreeSitterNative.CHILDREN.invokeExact(cursor, node.context01(), node.context23(),
                        node.getId(), treePointer, named, scratch(), count);
            }
            return readNodes(scratch, count);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /**
     * The parent of {@code node}. {@code ts_node_parent} walks down from the root, through every
     * earlier sibling at each level, so each answer is kept: the checks ask for the same
     * enclosing modules and impls again and again.
     */
    Optional<SyntaxNode> parentOf(SyntaxNode node) {
        return parents.computeIfAbsent(node.getId(), id -> node.findParent());
    }

    long address() {
        return treePointer;
    }

    /** The address C writes a node to; {@link #readNode()} reads it. */
    long scratch() {
        return scratch.address();
    }

    /** The node written to the scratch area, or empty for tree-sitter's null node. */
    Optional<SyntaxNode> readNode() {
        MemorySegment.copy(scratch, ValueLayout.JAVA_LONG, 0, words, 0, TreeSitterNative.NODE_WORDS);
        return words[2] == 0 ? Optional.empty() : Optional.of(node(words, 0));
    }

    /** The {@code count} nodes written one after another from the start of {@code area}. */
    List<SyntaxNode> readNodes(MemorySegment area, int count) {
        int length = count * TreeSitterNative.NODE_WORDS;
        if (words.length < length) {
            words = new long[length];
        }
        MemorySegment.copy(area, ValueLayout.JAVA_LONG, 0, words, 0, length);
        List<SyntaxNode> nodes = new ArrayList<>(count);
        for (int offset = 0; offset < length; offset += TreeSitterNative.NODE_WORDS) {
            nodes.add(node(words, offset));
        }
        return nodes;
    }

    /** The node whose four words start at {@code offset}: context 0-1, context 2-3, id, end byte and info. */
    SyntaxNode node(long[] nodeWords, int offset) {
        long last = nodeWords[offset + 3];
        return new SyntaxNode(this, nodeWords[offset], nodeWords[offset + 1], nodeWords[offset + 2], (int) last,
                (int) (last >>> 32));
    }

    /** The native buffer query matches are collected in; freed with the tree. */
    @SuppressWarnings("restricted") // a struct made by rustlens_nodes.c; the JVM runs with native access
    MemorySegment matchBuffer() {
        if (matchBuffer == null) {
            try {
                long buffer = (long) TreeSitterNative.BUFFER_NEW.invokeExact();
                if (buffer == 0) {
                    throw new OutOfMemoryError("no native memory for query matches");
                }
                // RlBuffer: uint64_t *data; uint32_t length; uint32_t capacity.
                matchBuffer = MemorySegment.ofAddress(buffer).reinterpret(16);
            } catch (Throwable e) {
                throw TreeSitterNative.rethrow(e);
            }
        }
        return matchBuffer;
    }

    /** Allocates a small struct that lives as long as this tree. */
    MemorySegment allocate(MemoryLayout layout) {
        return arena.allocate(layout);
    }

    static String symbolName(short symbol) {
        int index = Short.toUnsignedInt(symbol);
        return index < SYMBOL_NAMES.length ? SYMBOL_NAMES[index] : "ERROR";
    }

    static short fieldId(String name) {
        return FIELD_IDS.computeIfAbsent(name, key -> RustGrammar.language().getFieldIdForName(key));
    }

    private static String[] symbolNames(Language language) {
        int count = language.getSymbolCount();
        String[] names = new String[Math.max(count, 0xFFFF + 1)];
        for (int symbol = 0; symbol < count; symbol++) {
            names[symbol] = language.getSymbolName((short) symbol);
        }
        names[0xFFFF] = "ERROR"; // ts_builtin_sym_error
        names[0xFFFE] = "_ERROR_REPEAT";
        return names;
    }

    @Override
    public void close() {
        try {
            if (cursor != 0) {
                TreeSitterNative.TREE_CURSOR_DELETE.invokeExact(cursor);
            }
            if (matchBuffer != null) {
                TreeSitterNative.BUFFER_DELETE.invokeExact(matchBuffer.address());
            }
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        } finally {
            arena.close();
            deleteTree();
        }
    }

    private void deleteTree() {
        try {
            TreeSitterNative.TREE_DELETE.invokeExact(treePointer);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }
}
