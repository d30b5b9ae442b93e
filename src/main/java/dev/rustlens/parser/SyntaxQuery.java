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
import java.util.function.IntPredicate;

/**
 * Runs a compiled query over a node and collects its matches into the node's tree. Where the
 * query's patterns all start at known node kinds ({@link PatternRoots}), it runs only at the
 * nodes of those kinds (rustlens_nodes.c, {@code rl_rooted_exec}): the same matches, grouped by
 * the node they start at.
 */
public final class SyntaxQuery {

    private final long query;
    private final String[] captureNames;
    /** The bitmap of symbols the patterns start at ({@link PatternRoots}), or null to run at every node. */
    private final MemorySegment roots;

    /** Matches taken from tree-sitter per call. */
    private static final int BATCH = 256;
    /** A capture in a batch: its name index, then its node's words. */
    private static final int CAPTURE_WORDS = 1 + TreeSitterNative.NODE_WORDS;

    /** Nodes larger than this (1M chars) are matched with a progress callback that can stop the query. */
    private static final int LARGE_NODE_BYTES = 1 << 21;
    /** The stop condition of the query running on this thread, for the progress callback. */
    private static final ThreadLocal<BooleanSupplier> CURRENT_STOP = new ThreadLocal<>();
    private static final MemorySegment PROGRESS = progressCallback();

    /**
     * Wraps a compiled jtreesitter query, which must outlive this.
     *
     * @param source the text the query was compiled from
     * @param patternEnabled which patterns are enabled (tree-sitter cannot say which were disabled)
     */
    public SyntaxQuery(Query query, String source, IntPredicate patternEnabled) {
        this.query = TreeSitterNative.pointer(query).address();
        this.captureNames = query.getCaptureNames().toArray(String[]::new);
        this.roots = PatternRoots.of(query, source, RustGrammar.language(), patternEnabled)
                .map(bitmap -> Arena.ofAuto().allocate(bitmap.length).copyFrom(MemorySegment.ofArray(bitmap)))
                .orElse(null);
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

    /**
     * Every match under {@code node}, in a fixed order for the same tree; stops early once
     * {@code stop} says so.
     */
    public List<SyntaxMatch> matches(SyntaxNode node, BooleanSupplier stop) {
        return matches(node, MatchFilter.ALL, stop);
    }

    /**
     * The matches under {@code node} that {@code filter} keeps, in a fixed order for the same
     * tree; the others are never copied out of native memory. Stops early once {@code stop} says so.
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

    private List<SyntaxMatch> matches(SyntaxNode node, int startByte, int endByte, MatchFilter filter,
            BooleanSupplier stop) {
        SyntaxTree tree = node.getTree();
        long treeAddress = tree.address();
        List<SyntaxMatch> matches = new ArrayList<>();
        try {
            long cursor = (long) TreeSitterNative.CURSOR_NEW.invokeExact();
            try {
                if (startByte >= 0) {
                    boolean ignored = (boolean) TreeSitterNative.CURSOR_SET_BYTE_RANGE.invokeExact(cursor, startByte, endByte);
                }
                boolean large = node.getEndByte() - node.getStartByte() > LARGE_NODE_BYTES;
                if (roots != null && startByte < 0 && !large) {
                    long run = (long) TreeSitterNative.ROOTED_EXEC.invokeExact(cursor, query, roots.address(),
                            node.context01(), node.context23(), node.getId(), treeAddress);
                    if (run == 0) {
                        throw new OutOfMemoryError("no native memory to run a query");
                    }
                    try {
                        collect(tree, run, true, filter, stop, matches);
                    } finally {
                        TreeSitterNative.ROOTED_DELETE.invokeExact(run);
                    }
                    return matches;
                }
                long options = 0;
                if (large) {
                    // A query over a huge node can run for minutes inside one next_match call
                    // (e.g. a 10 MB array literal): tree-sitter asks the progress callback every
                    // hundred steps whether to stop. Small nodes skip the upcalls' cost.
                    MemorySegment optionsStruct = tree.allocate(TreeSitterNative.QUERY_OPTIONS);
                    optionsStruct.set(ValueLayout.ADDRESS, 8, PROGRESS);
                    CURRENT_STOP.set(stop);
                    options = optionsStruct.address();
                }
                TreeSitterNative.QUERY_EXEC.invokeExact(cursor, query, node.context01(), node.context23(), node.getId(),
                        treeAddress, options);
                collect(tree, cursor, false, filter, stop, matches);
            } finally {
                TreeSitterNative.CURSOR_DELETE.invokeExact(cursor);
                CURRENT_STOP.remove();
            }
        } catch (Throwable e) {
            throw TreeSitterNative.rethrow(e);
        }
        return matches;
    }

    /**
     * Takes the matches of a query cursor, or of a rooted run, in batches: one call fills a
     * native buffer with up to {@link #BATCH} matches, copied out at once; only the matches the
     * filter keeps become objects.
     */
    @SuppressWarnings("restricted") // reads the batch where C wrote it; the JVM runs with native access
    private void collect(SyntaxTree tree, long source, boolean rooted, MatchFilter filter, BooleanSupplier stop,
            List<SyntaxMatch> matches) throws Throwable {
        MemorySegment buffer = tree.matchBuffer();
        BatchCaptures raw = new BatchCaptures();
        long[] words = new long[0];
        int batch;
        do {
            batch = rooted ? (int) TreeSitterNative.ROOTED_NEXT_MATCHES.invokeExact(source, buffer.address(), BATCH)
                    : (int) TreeSitterNative.NEXT_MATCHES.invokeExact(source, buffer.address(), BATCH);
            if (batch == TreeSitterNative.NO_MEMORY) {
                throw new OutOfMemoryError("no native memory for the query's matches");
            }
            int length = buffer.get(ValueLayout.JAVA_INT, 8);
            if (words.length < length) {
                words = new long[Math.max(length, 2 * words.length)];
            }
            MemorySegment data = buffer.get(ValueLayout.ADDRESS, 0).reinterpret(length * (long) Long.BYTES);
            MemorySegment.copy(data, ValueLayout.JAVA_LONG, 0, words, 0, length);
            int offset = 0;
            for (int i = 0; i < batch; i++) {
                long header = words[offset];
                int pattern = (int) header;
                int count = (int) (header >>> 32);
                raw.point(words, offset + 1, count);
                offset += 1 + count * CAPTURE_WORDS;
                if (!filter.keep(pattern, raw)) {
                    continue;
                }
                List<SyntaxMatch.Capture> list = new ArrayList<>(count);
                for (int capture = 0; capture < count; capture++) {
                    int at = raw.first + capture * CAPTURE_WORDS;
                    list.add(new SyntaxMatch.Capture(captureNames[(int) words[at]], tree.node(words, at + 1)));
                }
                matches.add(new SyntaxMatch(pattern, list));
                if (stop.getAsBoolean()) {
                    return;
                }
            }
        } while (batch == BATCH);
    }

    /** One match's captures in a batch's words: per capture its name index, then its node's four words. */
    private static final class BatchCaptures implements RawCaptures {
        private long[] words;
        private int first;
        private int count;

        void point(long[] batchWords, int firstCapture, int captureCount) {
            this.words = batchWords;
            this.first = firstCapture;
            this.count = captureCount;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int nameIndex(int i) {
            return (int) words[first + i * CAPTURE_WORDS];
        }

        // The tree was parsed as UTF-16 (RustParser): a byte offset is twice the char offset.

        @Override
        public int startChar(int i) {
            // The node's first word holds context[0], the start byte.
            return ((int) words[first + i * CAPTURE_WORDS + 1]) >>> 1;
        }

        @Override
        public int endChar(int i) {
            // The node's last word holds the end byte in its low half.
            return ((int) words[first + i * CAPTURE_WORDS + 4]) >>> 1;
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
