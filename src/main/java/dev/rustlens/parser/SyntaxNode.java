package dev.rustlens.parser;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link SyntaxTree}: a copy of tree-sitter's 32-byte {@code TSNode} in the tree's
 * arena. Method names follow jtreesitter's {@code Node}.
 */
public final class SyntaxNode {

    private final SyntaxTree tree;
    private final MemorySegment self;
    /** The node's symbol, read once; -1 until then. */
    private int symbol = -1;

    SyntaxNode(SyntaxTree tree, MemorySegment self) {
        this.tree = tree;
        this.self = self;
    }

    public SyntaxTree getTree() {
        return tree;
    }

    /** The node's identity: the same node reached twice has the same id. */
    public long getId() {
        // Read as a long: reading an ADDRESS makes a MemorySegment only to take its address.
        return self.get(ValueLayout.JAVA_LONG, 16);
    }

    public String getType() {
        return SyntaxTree.symbolName(symbol());
    }

    private short symbol() {
        if (symbol < 0) {
            try {
                symbol = Short.toUnsignedInt((short) TreeSitterNative.NODE_SYMBOL.invokeExact(self));
            } catch (Throwable e) {
                throw TreeSitterNative.rethrow(e);
            }
        }
        return (short) symbol;
    }

    /** Byte offset of the start, read from the node itself (tree-sitter keeps it in context[0]). */
    public int getStartByte() {
        return self.get(ValueLayout.JAVA_INT, 0);
    }

    public int getEndByte() {
        try {
            return (int) TreeSitterNative.NODE_END_BYTE.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public boolean isNamed() {
        try {
            return (boolean) TreeSitterNative.NODE_IS_NAMED.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public boolean isMissing() {
        try {
            return (boolean) TreeSitterNative.NODE_IS_MISSING.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public boolean hasError() {
        try {
            return (boolean) TreeSitterNative.NODE_HAS_ERROR.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /** The parent; asked of the tree, which remembers the answer (tree-sitter walks down from the root for it). */
    public Optional<SyntaxNode> getParent() {
        return tree.parentOf(this);
    }

    Optional<SyntaxNode> findParent() {
        try {
            return wrap((MemorySegment) TreeSitterNative.NODE_PARENT.invokeExact(allocator(), self));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public Optional<SyntaxNode> getNextNamedSibling() {
        try {
            return wrap((MemorySegment) TreeSitterNative.NODE_NEXT_NAMED_SIBLING.invokeExact(allocator(), self));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public int getChildCount() {
        try {
            return (int) TreeSitterNative.NODE_CHILD_COUNT.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public int getNamedChildCount() {
        try {
            return (int) TreeSitterNative.NODE_NAMED_CHILD_COUNT.invokeExact(self);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public Optional<SyntaxNode> getChild(int index) {
        try {
            return wrap((MemorySegment) TreeSitterNative.NODE_CHILD.invokeExact(allocator(), self, index));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public List<SyntaxNode> getChildren() {
        return getTree().children(this, false);
    }

    public List<SyntaxNode> getNamedChildren() {
        return getTree().children(this, true);
    }

    public Optional<SyntaxNode> getChildByFieldName(String field) {
        short id = SyntaxTree.fieldId(field);
        if (id == 0) {
            return Optional.empty();
        }
        try {
            return wrap((MemorySegment) TreeSitterNative.NODE_CHILD_BY_FIELD_ID.invokeExact(allocator(), self, id));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    /** The smallest node that spans the byte range. */
    public Optional<SyntaxNode> getDescendant(int startByte, int endByte) {
        try {
            return wrap((MemorySegment) TreeSitterNative.NODE_DESCENDANT_FOR_BYTE_RANGE.invokeExact(allocator(), self,
                    startByte, endByte));
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    MemorySegment segment() {
        return self;
    }

    private SegmentAllocator allocator() {
        return tree.allocator();
    }

    private Optional<SyntaxNode> wrap(MemorySegment node) {
        // A null TSNode has a null id.
        return node.get(ValueLayout.JAVA_LONG, 16) == 0 ? Optional.empty() : Optional.of(new SyntaxNode(tree, node));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyntaxNode node && node.getId() == getId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(getId());
    }

    @Override
    public String toString() {
        return getType() + "@" + getStartByte();
    }
}
