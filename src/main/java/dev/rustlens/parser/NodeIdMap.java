package dev.rustlens.parser;

/**
 * A map from node ids (tree-sitter's subtree addresses, never 0) to values, with the ids in a
 * {@code long[]}: a tree remembers the parent and children of tens of thousands of nodes, and a
 * {@code HashMap} boxed each id and made an entry object per node (a tenth of the Java time
 * spent listing children in a cold scan).
 */
final class NodeIdMap<V> {

    private static final int INITIAL_CAPACITY = 256;

    private long[] keys = new long[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    private int size;

    /** The value for {@code id}, or null. */
    @SuppressWarnings("unchecked")
    V get(long id) {
        int mask = keys.length - 1;
        for (int slot = slot(id, mask); keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == id) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Keeps {@code value} for {@code id} unless it has one already. */
    void putIfAbsent(long id, V value) {
        int mask = keys.length - 1;
        int slot = slot(id, mask);
        for (; keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == id) {
                return;
            }
        }
        keys[slot] = id;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Ids are addresses of 8-byte-aligned structs, so their low bits say little: mixed first. */
    private static int slot(long id, int mask) {
        long mixed = id * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}
