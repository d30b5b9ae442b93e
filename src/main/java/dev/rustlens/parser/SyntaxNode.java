package dev.rustlens.parser;

import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link SyntaxTree}: tree-sitter's {@code TSNode} words held in Java, with its end
 * byte, symbol and flags read once when the node was handed over (see rustlens_nodes.c). Method
 * names follow jtreesitter's {@code Node}. Its type, range and flags stay readable after the tree
 * is closed; everything that asks the tree (children, parent, siblings, fields, descendants)
 * throws {@link IllegalStateException} then.
 */
public final class SyntaxNode {

    private static final int NAMED = 1 << 16;
    private static final int MISSING = 1 << 17;
    private static final int HAS_ERROR = 1 << 18;

    private final SyntaxTree tree;
    /** {@code context[0] | context[1] << 32}; context[0] is the start byte. */
    private final long context01;
    private final long context23;
    private final long id;
    private final int endByte;
    /** The symbol in the low 16 bits, then the named, missing and has-error flags. */
    private final int info;

    SyntaxNode(SyntaxTree tree, long context01, long context23, long id, int endByte, int info) {
        this.tree = tree;
        this.context01 = context01;
        this.context23 = context23;
        this.id = id;
        this.endByte = endByte;
        this.info = info;
    }

    public SyntaxTree getTree() {
        return tree;
    }

    /** The node's identity: the same node reached twice has the same id. */
    public long getId() {
        return id;
    }

    public String getType() {
        return SyntaxTree.symbolName((short) info);
    }

    public int getStartByte() {
        return (int) context01;
    }

    public int getEndByte() {
        return endByte;
    }

    public boolean isNamed() {
        return (info & NAMED) != 0;
    }

    public boolean isMissing() {
        return (info & MISSING) != 0;
    }

    public boolean hasError() {
        return (info & HAS_ERROR) != 0;
    }

    /** The parent; asked of the tree, which remembers the answer (tree-sitter walks down from the root for it). */
    public Optional<SyntaxNode> getParent() {
        return tree.parentOf(this);
    }

    Optional<SyntaxNode> findParent() {
        try {
            TreeSitterNative.PARENT.invokeExact(context01, context23, id, tree.address(), tree.scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return tree.readNode();
    }

    public Optional<SyntaxNode> getNextNamedSibling() {
        try {
            TreeSitterNative.NEXT_NAMED_SIBLING.invokeExact(context01, context23, id, tree.address(), tree.scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return tree.readNode();
    }

    public int getChildCount() {
        return childCount(false);
    }

    public int getNamedChildCount() {
        return childCount(true);
    }

    private int childCount(boolean named) {
        try {
            return (int) TreeSitterNative.CHILD_COUNT.invokeExact(context01, context23, id, tree.address(), named);
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
    }

    public Optional<SyntaxNode> getChild(int index) {
        try {
            TreeSitterNative.CHILD.invokeExact(context01, context23, id, tree.address(), index, tree.scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return tree.readNode();
    }

    public List<SyntaxNode> getChildren() {
        return tree.children(this, false);
    }

    public List<SyntaxNode> getNamedChildren() {
        return tree.children(this, true);
    }

    public Optional<SyntaxNode> getChildByFieldName(String field) {
        short fieldId = SyntaxTree.fieldId(field);
        if (fieldId == 0) {
            return Optional.empty();
        }
        try {
            TreeSitterNative.CHILD_BY_FIELD_ID.invokeExact(context01, context23, id, tree.address(), fieldId,
                    tree.scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return tree.readNode();
    }

    /** The smallest node that spans the byte range. */
    public Optional<SyntaxNode> getDescendant(int startByte, int endByte) {
        try {
            TreeSitterNative.DESCENDANT_FOR_BYTE_RANGE.invokeExact(context01, context23, id, tree.address(), startByte,
                    endByte, tree.scratchAddress());
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return tree.readNode();
    }

    long context01() {
        return context01;
    }

    long context23() {
        return context23;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyntaxNode node && node.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return getType() + "@" + getStartByte();
    }
}
