package dev.rustlens.parser;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Query;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Direct calls into the tree-sitter C API for the hot path: parsing, query matches and node navigation.
 *
 * <p>jtreesitter gives every {@code Node} its own automatic arena with a cleaner, which costs
 * more than the parse itself when a file yields thousands of captures. Here a node is 32 bytes
 * in the file's confined arena, freed at once when the file is done. Query compilation and
 * language metadata stay with jtreesitter; its queries' and languages' native pointers are read
 * through its (package-private) {@code segment()} accessors.
 */
final class TreeSitterNative {

    /** {@code TSNode}: uint32_t context[4]; const void *id; const TSTree *tree. */
    static final StructLayout NODE = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_INT).withName("context"),
            ValueLayout.ADDRESS.withName("id"),
            ValueLayout.ADDRESS.withName("tree"));
    /** {@code TSTreeCursor}: const void *tree; const void *id; uint32_t context[3] (padded to 32 bytes). */
    static final StructLayout CURSOR = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("tree"),
            ValueLayout.ADDRESS.withName("id"),
            MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT).withName("context"),
            MemoryLayout.paddingLayout(4));
    /** {@code TSQueryCapture}: TSNode node; uint32_t index (padded to 40 bytes). */
    static final long CAPTURE_SIZE = 40;
    static final long CAPTURE_INDEX_OFFSET = 32;
    /** {@code TSQueryMatch}: uint32_t id; uint16_t pattern_index; uint16_t capture_count; captures*. */
    static final StructLayout MATCH = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("id"),
            ValueLayout.JAVA_SHORT.withName("pattern_index"),
            ValueLayout.JAVA_SHORT.withName("capture_count"),
            ValueLayout.ADDRESS.withName("captures"));

    static final MethodHandle TREE_ROOT_NODE;
    static final MethodHandle NODE_SYMBOL;
    static final MethodHandle NODE_END_BYTE;
    static final MethodHandle NODE_IS_NAMED;
    static final MethodHandle NODE_IS_MISSING;
    static final MethodHandle NODE_HAS_ERROR;
    static final MethodHandle NODE_PARENT;
    static final MethodHandle NODE_CHILD;
    static final MethodHandle NODE_CHILD_COUNT;
    static final MethodHandle NODE_NAMED_CHILD_COUNT;
    static final MethodHandle NODE_CHILD_BY_FIELD_ID;
    static final MethodHandle NODE_NEXT_NAMED_SIBLING;
    static final MethodHandle NODE_DESCENDANT_FOR_BYTE_RANGE;
    static final MethodHandle CURSOR_NEW;
    static final MethodHandle CURSOR_DELETE;
    static final MethodHandle CURSOR_EXEC;
    static final MethodHandle CURSOR_SET_BYTE_RANGE;
    static final MethodHandle CURSOR_NEXT_MATCH;
    static final MethodHandle CURSOR_EXEC_WITH_OPTIONS;
    /** {@code TSQueryCursorOptions}: void *payload; bool (*progress_callback)(TSQueryCursorState *). */
    static final StructLayout QUERY_OPTIONS = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("payload"),
            ValueLayout.ADDRESS.withName("progress_callback"));
    static final MethodHandle TREE_CURSOR_NEW;
    static final MethodHandle TREE_CURSOR_DELETE;
    static final MethodHandle TREE_CURSOR_RESET;
    static final MethodHandle TREE_CURSOR_CURRENT_NODE;
    static final MethodHandle TREE_CURSOR_GOTO_FIRST_CHILD;
    static final MethodHandle TREE_CURSOR_GOTO_NEXT_SIBLING;
    static final MethodHandle PARSER_NEW;
    static final MethodHandle PARSER_DELETE;
    static final MethodHandle PARSER_SET_LANGUAGE;
    static final MethodHandle PARSER_SET_TIMEOUT_MICROS;
    static final MethodHandle PARSER_RESET;
    static final MethodHandle PARSER_PARSE_STRING_ENCODING;
    static final MethodHandle TREE_DELETE;
    /** {@code TSInputEncodingUTF16LE}. */
    static final int UTF16_LE = 1;

    private static final MethodHandle QUERY_SEGMENT;
    private static final MethodHandle LANGUAGE_SEGMENT;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup library = new BundledLibraryLookup().get(Arena.global());
        ValueLayout.OfInt u32 = ValueLayout.JAVA_INT;
        ValueLayout.OfBoolean bool = ValueLayout.JAVA_BOOLEAN;
        TREE_ROOT_NODE = handle(linker, library, "ts_tree_root_node", FunctionDescriptor.of(NODE, ValueLayout.ADDRESS));
        NODE_SYMBOL = handle(linker, library, "ts_node_symbol", FunctionDescriptor.of(ValueLayout.JAVA_SHORT, NODE));
        NODE_END_BYTE = handle(linker, library, "ts_node_end_byte", FunctionDescriptor.of(u32, NODE));
        NODE_IS_NAMED = handle(linker, library, "ts_node_is_named", FunctionDescriptor.of(bool, NODE));
        NODE_IS_MISSING = handle(linker, library, "ts_node_is_missing", FunctionDescriptor.of(bool, NODE));
        NODE_HAS_ERROR = handle(linker, library, "ts_node_has_error", FunctionDescriptor.of(bool, NODE));
        NODE_PARENT = handle(linker, library, "ts_node_parent", FunctionDescriptor.of(NODE, NODE));
        NODE_CHILD = handle(linker, library, "ts_node_child", FunctionDescriptor.of(NODE, NODE, u32));
        NODE_CHILD_COUNT = handle(linker, library, "ts_node_child_count", FunctionDescriptor.of(u32, NODE));
        NODE_NAMED_CHILD_COUNT = handle(linker, library, "ts_node_named_child_count", FunctionDescriptor.of(u32, NODE));
        NODE_CHILD_BY_FIELD_ID = handle(linker, library, "ts_node_child_by_field_id",
                FunctionDescriptor.of(NODE, NODE, ValueLayout.JAVA_SHORT));
        NODE_NEXT_NAMED_SIBLING = handle(linker, library, "ts_node_next_named_sibling", FunctionDescriptor.of(NODE, NODE));
        NODE_DESCENDANT_FOR_BYTE_RANGE = handle(linker, library, "ts_node_descendant_for_byte_range",
                FunctionDescriptor.of(NODE, NODE, u32, u32));
        CURSOR_NEW = handle(linker, library, "ts_query_cursor_new", FunctionDescriptor.of(ValueLayout.ADDRESS));
        CURSOR_DELETE = handle(linker, library, "ts_query_cursor_delete", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        CURSOR_EXEC = handle(linker, library, "ts_query_cursor_exec",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, NODE));
        CURSOR_SET_BYTE_RANGE = handle(linker, library, "ts_query_cursor_set_byte_range",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS, u32, u32));
        CURSOR_NEXT_MATCH = handle(linker, library, "ts_query_cursor_next_match",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        CURSOR_EXEC_WITH_OPTIONS = handle(linker, library, "ts_query_cursor_exec_with_options",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, NODE, ValueLayout.ADDRESS));
        TREE_CURSOR_NEW = handle(linker, library, "ts_tree_cursor_new", FunctionDescriptor.of(CURSOR, NODE));
        TREE_CURSOR_DELETE = handle(linker, library, "ts_tree_cursor_delete", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        TREE_CURSOR_RESET = handle(linker, library, "ts_tree_cursor_reset",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, NODE));
        TREE_CURSOR_CURRENT_NODE = handle(linker, library, "ts_tree_cursor_current_node",
                FunctionDescriptor.of(NODE, ValueLayout.ADDRESS));
        TREE_CURSOR_GOTO_FIRST_CHILD = handle(linker, library, "ts_tree_cursor_goto_first_child",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS));
        TREE_CURSOR_GOTO_NEXT_SIBLING = handle(linker, library, "ts_tree_cursor_goto_next_sibling",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS));
        PARSER_NEW = handle(linker, library, "ts_parser_new", FunctionDescriptor.of(ValueLayout.ADDRESS));
        PARSER_DELETE = handle(linker, library, "ts_parser_delete", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        PARSER_SET_LANGUAGE = handle(linker, library, "ts_parser_set_language",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        PARSER_SET_TIMEOUT_MICROS = handle(linker, library, "ts_parser_set_timeout_micros",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        PARSER_RESET = handle(linker, library, "ts_parser_reset", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        PARSER_PARSE_STRING_ENCODING = handle(linker, library, "ts_parser_parse_string_encoding",
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, u32, u32));
        TREE_DELETE = handle(linker, library, "ts_tree_delete", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        try {
            QUERY_SEGMENT = accessor(Query.class);
            LANGUAGE_SEGMENT = accessor(Language.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("this jtreesitter has no segment() accessor: " + e);
        }
    }

    private TreeSitterNative() {
    }

    @SuppressWarnings("restricted") // native access is this class's job; the JVM runs with it enabled
    private static MethodHandle handle(Linker linker, SymbolLookup library, String name, FunctionDescriptor descriptor) {
        // Node functions return at once: call them as critical (no thread-state switch).
        // Query cursor and parser calls can run long on big files and stay ordinary calls.
        return name.startsWith("ts_query_cursor") || name.startsWith("ts_parser")
                ? linker.downcallHandle(library.findOrThrow(name), descriptor)
                : linker.downcallHandle(library.findOrThrow(name), descriptor, Linker.Option.critical(false));
    }

    private static MethodHandle accessor(Class<?> owner) throws ReflectiveOperationException {
        Method segment = owner.getDeclaredMethod("segment");
        segment.setAccessible(true);
        return MethodHandles.lookup().unreflect(segment).asType(MethodType.methodType(MemorySegment.class, Object.class));
    }

    /** The {@code TSLanguage*} behind a jtreesitter language. */
    static MemorySegment pointer(Language language) {
        try {
            return (MemorySegment) LANGUAGE_SEGMENT.invokeExact((Object) language);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The {@code TSQuery*} behind a jtreesitter query. */
    static MemorySegment pointer(Query query) {
        try {
            return (MemorySegment) QUERY_SEGMENT.invokeExact((Object) query);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Rethrows what a downcall threw; downcalls declare Throwable. */
    static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
