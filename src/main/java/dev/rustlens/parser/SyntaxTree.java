package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed file seen through {@link SyntaxNode}s: nodes are only valid on the analysing thread
 * and until the tree is closed. Nodes come over from C through the parser's {@link NodeScratch}.
 * Every native access goes through {@link #address()}, which throws once the tree is closed:
 * a node kept too long is an exception, not a read of freed memory.
 */
public final class SyntaxTree extends NativeOwner {

    private static final String[] SYMBOL_NAMES = symbolNames(RustGrammar.language());
    private static final Map<String, Short> FIELD_IDS = new ConcurrentHashMap<>();

    private final long treePointer;
    private final NodeScratch scratch;
    private final NodeIdMap<Optional<SyntaxNode>> parents = new NodeIdMap<>();
    /**
     * The children listed so far, all and named ones, by their parent's id: the outline, the
     * checks and the engine ask the same items for their children (visibility, modifiers,
     * siblings) one after the other.
     */
    private final NodeIdMap<List<SyntaxNode>> children = new NodeIdMap<>();
    private final NodeIdMap<List<SyntaxNode>> namedChildren = new NodeIdMap<>();
    /** Made on first use, for the rare query over a huge node that needs options. */
    private Arena arena;

    /** Takes over a {@code TSTree*} made by a parse: closing this deletes it. */
    SyntaxTree(long treePointer, NodeScratch scratch) {
        super("this syntax tree is closed: its nodes can no longer be read");
        this.treePointer = treePointer;
        this.scratch = scratch;
    }

    /** The root node. */
    public SyntaxNode getRootNode() {
        try {
            TreeSitterNative.ROOT_NODE.invokeExact(address(), scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return readNode().orElseThrow();
    }

    /**
     * The children of {@code node} (only the named ones when {@code named}), listed by one call
     * that walks them in C the first time, and kept. The named children are the children that
     * are named, as rl_children picks them.
     */
    List<SyntaxNode> children(SyntaxNode node, boolean named) {
        List<SyntaxNode> all = children.get(node.getId());
        if (all == null) {
            all = listChildren(node);
            children.putIfAbsent(node.getId(), all);
        }
        if (!named) {
            return all;
        }
        List<SyntaxNode> namedOnes = namedChildren.get(node.getId());
        if (namedOnes == null) {
            namedOnes = named(all);
            namedChildren.putIfAbsent(node.getId(), namedOnes);
        }
        return namedOnes;
    }

    /** The named ones among {@code children}, in order: a loop, which the outline runs for every item. */
    private static List<SyntaxNode> named(List<SyntaxNode> children) {
        SyntaxNode[] named = new SyntaxNode[children.size()];
        int count = 0;
        for (SyntaxNode child : children) {
            if (child.isNamed()) {
                named[count++] = child;
            }
        }
        return count == named.length ? children : List.of(Arrays.copyOf(named, count));
    }

    private List<SyntaxNode> listChildren(SyntaxNode node) {
        checkOpen();
        int count = writeChildren(node, false);
        if (count > scratch.capacity()) {
            scratch.grow(count);
            writeChildren(node, false);
        }
        long[] words = scratch.read(count);
        SyntaxNode[] listed = new SyntaxNode[count];
        // Each child's parent is known now, for free: later asking a child for its parent would
        // walk down from the root again (the checks ask it of item after item in a module).
        Optional<SyntaxNode> parent = Optional.of(node);
        for (int i = 0; i < count; i++) {
            SyntaxNode child = node(words, i * TreeSitterNative.NODE_WORDS);
            listed[i] = child;
            parents.putIfAbsent(child.getId(), parent);
        }
        return List.of(listed);
    }

    /** Writes as many of the node's children as the scratch area holds; returns how many there are. */
    private int writeChildren(SyntaxNode node, boolean named) {
        try {
            int count = (int) TreeSitterNative.CHILDREN.invokeExact(node.context01(), node.context23(), node.getId(),
                    address(), named, scratch.address(), scratch.capacity());
            if (count == TreeSitterNative.NO_MEMORY) {
                throw new OutOfMemoryError("no native memory to list a node's children");
            }
            return count;
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
        // A remembered parent needs no native call, but its tree is gone all the same.
        checkOpen();
        Optional<SyntaxNode> parent = parents.get(node.getId());
        if (parent == null) {
            parent = node.findParent();
            parents.putIfAbsent(node.getId(), parent);
        }
        return parent;
    }

    /** The {@code TSTree*} for a native call; throws once the tree is closed and its memory freed. */
    long address() {
        checkOpen();
        return treePointer;
    }

    /** The address C writes a node to; {@link #readNode()} reads it. */
    long scratchAddress() {
        return scratch.address();
    }

    /** The node written to the scratch area, or empty for tree-sitter's null node. */
    Optional<SyntaxNode> readNode() {
        long[] words = scratch.read(1);
        return words[2] == 0 ? Optional.empty() : Optional.of(node(words, 0));
    }

    /** The node whose four words start at {@code offset}: context 0-1, context 2-3, id, end byte and info. */
    SyntaxNode node(long[] nodeWords, int offset) {
        long last = nodeWords[offset + 3];
        return new SyntaxNode(this, nodeWords[offset], nodeWords[offset + 1], nodeWords[offset + 2], (int) last,
                (int) (last >>> 32));
    }

    /** The native buffer query matches are collected in. */
    MemorySegment matchBuffer() {
        return scratch.matchBuffer();
    }

    /** Allocates a small struct that lives as long as this tree. */
    MemorySegment allocate(MemoryLayout layout) {
        if (arena == null) {
            arena = Arena.ofConfined();
        }
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

    /** Deletes the tree. */
    @Override
    void release() {
        try {
            if (arena != null) {
                arena.close();
            }
        } finally {
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
