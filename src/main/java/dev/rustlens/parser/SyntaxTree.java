package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed file seen through {@link SyntaxNode}s. Every node lives in this tree's confined
 * arena: nodes are only valid on the analysing thread and until the tree is closed.
 */
public final class SyntaxTree implements AutoCloseable {

    private static final String[] SYMBOL_NAMES = symbolNames(RustGrammar.language());
    private static final Map<String, Short> FIELD_IDS = new ConcurrentHashMap<>();

    /** Nodes are carved from slabs: one malloc per slab instead of one per 32-byte node. */
    private static final long SLAB_BYTES = 64 * 1024;

    private final MemorySegment treePointer;
    private final Map<Long, Optional<SyntaxNode>> parents = new HashMap<>();
    /** One tree cursor for listing children, made on first use and reset for each node. */
    private MemorySegment cursor;
    private final Arena arena = Arena.ofConfined();
    private SegmentAllocator slab;
    private long slabLeft;
    private final SegmentAllocator nodes = (byteSize, byteAlignment) -> {
        if (byteSize > slabLeft) {
            slab = SegmentAllocator.slicingAllocator(arena.allocate(SLAB_BYTES, 16));
            slabLeft = SLAB_BYTES;
        }
        slabLeft -= (byteSize + 15) & ~15L;
        return slab.allocate(byteSize, byteAlignment);
    };

    /** Takes over a {@code TSTree*} made by a parse: closing this deletes it. */
    SyntaxTree(MemorySegment treePointer) {
        this.treePointer = treePointer;
    }

    /** The root node. */
    public SyntaxNode getRootNode() {
        try {
            MemorySegment root = (MemorySegment) TreeSitterNative.TREE_ROOT_NODE.invokeExact(nodes, treePointer);
            return new SyntaxNode(this, root);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /**
     * The children of {@code node} (only the named ones when {@code named}), read with a tree
     * cursor: {@code ts_node_child(i)} walks from the first child each time, which made listing
     * the items of a long module quadratic.
     */
    List<SyntaxNode> children(SyntaxNode node, boolean named) {
        try {
            if (cursor == null) {
                cursor = (MemorySegment) TreeSitterNative.TREE_CURSOR_NEW.invokeExact((SegmentAllocator) arena, node.segment());
            } else {
                TreeSitterNative.TREE_CURSOR_RESET.invokeExact(cursor, node.segment());
            }
            List<SyntaxNode> children = new ArrayList<>();
            if ((boolean) TreeSitterNative.TREE_CURSOR_GOTO_FIRST_CHILD.invokeExact(cursor)) {
                do {
                    MemorySegment child = (MemorySegment) TreeSitterNative.TREE_CURSOR_CURRENT_NODE.invokeExact(nodes, cursor);
                    if (!named || (boolean) TreeSitterNative.NODE_IS_NAMED.invokeExact(child)) {
                        children.add(new SyntaxNode(this, child));
                    }
                } while ((boolean) TreeSitterNative.TREE_CURSOR_GOTO_NEXT_SIBLING.invokeExact(cursor));
            }
            return children;
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

    /** Allocates nodes (and other small structs) that live as long as this tree. */
    SegmentAllocator allocator() {
        return nodes;
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
            if (cursor != null) {
                TreeSitterNative.TREE_CURSOR_DELETE.invokeExact(cursor);
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
