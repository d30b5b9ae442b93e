package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Query;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Runs a compiled query over a node and collects its matches into the node's tree. */
public final class SyntaxQuery {

    private final MemorySegment query;
    private final String[] captureNames;

    /** Nodes larger than this (1M chars) are matched with a progress callback that can stop the query. */
    private static final int LARGE_NODE_BYTES = 1 << 21;
    /** The stop condition of the query running on this thread, for the progress callback. */
    private static final ThreadLocal<BooleanSupplier> CURRENT_STOP = new ThreadLocal<>();
    private static final MemorySegment PROGRESS = progressCallback();

    /** Wraps a compiled jtreesitter query, which must outlive this. */
    public SyntaxQuery(Query query) {
        this.query = TreeSitterNative.pointer(query);
        this.captureNames = query.getCaptureNames().toArray(String[]::new);
    }

    /**
     * The captures of a match still in tree-sitter's memory: enough to test a match's text
     * before anything is copied out.
     */
    public interface RawCaptures {
        int count();

        /** The index of capture {@code i}'s name in the query's capture names. */
        int nameIndex(int i);

        /** Offset of capture {@code i}'s start in the source string's chars. */
        int startChar(int i);

        /** Offset of capture {@code i}'s end in the source string's chars. */
        int endChar(int i);
    }

    /** Decides from a match's pattern and raw captures whether the match is kept. */
    @FunctionalInterface
    public interface MatchFilter {
        boolean keep(int patternIndex, RawCaptures captures);

        /** Keeps every match. */
        MatchFilter ALL = (patternIndex, captures) -> true;
    }

    /** Every match under {@code node}, in order; stops early once {@code stop} says so. */
    public List<SyntaxMatch> matches(SyntaxNode node, BooleanSupplier stop) {
        return matches(node, MatchFilter.ALL, stop);
    }

    /**
     * The matches under {@code node} that {@code filter} keeps, in order; the others are never
     * copied out of native memory. Stops early once {@code stop} says so.
     */
    public List<SyntaxMatch> matches(SyntaxNode node, MatchFilter filter, BooleanSupplier stop) {
        return matches(node, -1, -1, filter, stop);
    }

    /**
     * The matches of nodes that intersect the byte range [{@code startByte}, {@code endByte});
     * a negative start means the whole node.
     */
    public List<SyntaxMatch> matches(SyntaxNode node, int startByte, int endByte, BooleanSupplier stop) {
        return matches(node, startByte, endByte, MatchFilter.ALL, stop);
    }

    @SuppressWarnings("restricted") // native access is this class's job; the JVM runs with it enabled
    private List<SyntaxMatch> matches(SyntaxNode node, int startByte, int endByte, MatchFilter filter,
            BooleanSupplier stop) {
        SyntaxTree tree = node.getTree();
        List<SyntaxMatch> matches = new ArrayList<>();
        try {
            MemorySegment cursor = (MemorySegment) TreeSitterNative.CURSOR_NEW.invokeExact();
            try {
                if (startByte >= 0) {
                    boolean ignored = (boolean) TreeSitterNative.CURSOR_SET_BYTE_RANGE.invokeExact(cursor, startByte, endByte);
                }
                if (node.getEndByte() - node.getStartByte() > LARGE_NODE_BYTES) {
                    // A query over a huge node can run for minutes inside one next_match call
                    // (e.g. a 10 MB array literal): tree-sitter asks the progress callback every
                    // hundred steps whether to stop. Small nodes skip the upcalls' cost.
                    MemorySegment options = tree.allocator().allocate(TreeSitterNative.QUERY_OPTIONS);
                    options.set(ValueLayout.ADDRESS, 8, PROGRESS);
                    CURRENT_STOP.set(stop);
                    TreeSitterNative.CURSOR_EXEC_WITH_OPTIONS.invokeExact(cursor, query, node.segment(), options);
                } else {
                    TreeSitterNative.CURSOR_EXEC.invokeExact(cursor, query, node.segment());
                }
                MemorySegment match = tree.allocator().allocate(TreeSitterNative.MATCH);
                NativeCaptures raw = new NativeCaptures();
                while ((boolean) TreeSitterNative.CURSOR_NEXT_MATCH.invokeExact(cursor, match)) {
                    int pattern = Short.toUnsignedInt(match.get(ValueLayout.JAVA_SHORT, 4));
                    int count = Short.toUnsignedInt(match.get(ValueLayout.JAVA_SHORT, 6));
                    MemorySegment captures = match.get(ValueLayout.ADDRESS, 8)
                            .reinterpret(count * TreeSitterNative.CAPTURE_SIZE);
                    raw.point(captures, count);
                    if (!filter.keep(pattern, raw)) {
                        continue;
                    }
                    List<SyntaxMatch.Capture> list = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        long base = i * TreeSitterNative.CAPTURE_SIZE;
                        MemorySegment copy = tree.allocator().allocate(TreeSitterNative.NODE);
                        MemorySegment.copy(captures, base, copy, 0, TreeSitterNative.NODE.byteSize());
                        int index = captures.get(ValueLayout.JAVA_INT, base + TreeSitterNative.CAPTURE_INDEX_OFFSET);
                        list.add(new SyntaxMatch.Capture(captureNames[index], new SyntaxNode(tree, copy)));
                    }
                    matches.add(new SyntaxMatch(pattern, list));
                    if (stop.getAsBoolean()) {
                        break;
                    }
                }
            } finally {
                TreeSitterNative.CURSOR_DELETE.invokeExact(cursor);
                CURRENT_STOP.remove();
            }
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return matches;
    }

    /** A view of one match's capture array in native memory, pointed at each match in turn. */
    private static final class NativeCaptures implements RawCaptures {
        private MemorySegment captures;
        private int count;

        void point(MemorySegment matchCaptures, int captureCount) {
            this.captures = matchCaptures;
            this.count = captureCount;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int nameIndex(int i) {
            return captures.get(ValueLayout.JAVA_INT, i * TreeSitterNative.CAPTURE_SIZE + TreeSitterNative.CAPTURE_INDEX_OFFSET);
        }

        // The tree was parsed as UTF-16 (RustParser): a byte offset is twice the char offset.

        @Override
        public int startChar(int i) {
            // TSNode.context[0] is the start byte.
            return captures.get(ValueLayout.JAVA_INT, i * TreeSitterNative.CAPTURE_SIZE) >>> 1;
        }

        @Override
        public int endChar(int i) {
            try {
                return (int) TreeSitterNative.NODE_END_BYTE.invokeExact(
                        captures.asSlice(i * TreeSitterNative.CAPTURE_SIZE, TreeSitterNative.NODE.byteSize())) >>> 1;
            } catch (Throwable e) {
                throw TreeSitterNative.rethrow(e);
            }
        }
    }

    /** tree-sitter's progress callback: true stops the query. Must not throw (an upcall cannot). */
    private static boolean progress(MemorySegment state) {
        BooleanSupplier stop = CURRENT_STOP.get();
        return stop != null && stop.getAsBoolean();
    }

    @SuppressWarnings("restricted") // an upcall stub is native access, which the JVM runs with
    private static MemorySegment progressCallback() {
        try {
            MethodHandle progress = MethodHandles.lookup().findStatic(SyntaxQuery.class, "progress",
                    MethodType.methodType(boolean.class, MemorySegment.class));
            return Linker.nativeLinker().upcallStub(progress,
                    FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, ValueLayout.ADDRESS), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
