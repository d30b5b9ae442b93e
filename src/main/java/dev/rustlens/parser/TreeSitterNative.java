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
 * Direct calls into the tree-sitter C API and rustlens's own entry points beside it
 * ({@code src/main/native/rustlens_nodes.c}) for the hot path: parsing, query matches and node
 * navigation.
 *
 * <p>jtreesitter gives every {@code Node} its own automatic arena with a cleaner, which costs
 * more than the parse itself when a file yields thousands of captures. Here a node is a plain
 * Java object holding tree-sitter's node words, passed to C as integers. Query compilation and
 * language metadata stay with jtreesitter; its queries' and languages' native pointers are read
 * through its (package-private) {@code segment()} accessors.
 */
final class TreeSitterNative {

    /** {@code TSQueryCursorOptions}: void *payload; bool (*progress_callback)(TSQueryCursorState *). */
    static final StructLayout QUERY_OPTIONS = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("payload"),
            ValueLayout.ADDRESS.withName("progress_callback"));
    /** An {@code RlNode} (rustlens_nodes.c): four 64-bit words. */
    static final int NODE_WORDS = 4;
    /** What {@code rl_next_matches} and {@code rl_children} return when memory ran out. */
    static final int NO_MEMORY = -1;

    // rustlens_nodes.c: a node goes in as four longs (context 0-1, context 2-3, id, tree) and
    // comes out as an RlNode written at an address; pointers are passed as longs.
    static final MethodHandle ROOT_NODE;
    static final MethodHandle PARENT;
    static final MethodHandle NEXT_NAMED_SIBLING;
    static final MethodHandle CHILD;
    static final MethodHandle CHILD_BY_FIELD_ID;
    static final MethodHandle DESCENDANT_FOR_BYTE_RANGE;
    static final MethodHandle CHILD_COUNT;
    static final MethodHandle CHILDREN;
    static final MethodHandle BUFFER_NEW;
    static final MethodHandle BUFFER_DELETE;
    static final MethodHandle QUERY_EXEC;
    static final MethodHandle NEXT_MATCHES;
    static final MethodHandle ROOTED_EXEC;
    static final MethodHandle ROOTED_NEXT_MATCHES;
    static final MethodHandle ROOTED_DELETE;
    static final MethodHandle CURSOR_NEW;
    static final MethodHandle CURSOR_DELETE;
    static final MethodHandle CURSOR_SET_BYTE_RANGE;
    static final MethodHandle PARSER_NEW;
    static final MethodHandle PARSER_DELETE;
    static final MethodHandle PARSER_SET_LANGUAGE;
    static final MethodHandle PARSER_SET_TIMEOUT_MICROS;
    static final MethodHandle PARSER_RESET;
    static final MethodHandle PARSER_PARSE_STRING_ENCODING;
    static final MethodHandle PARSER_SET_INCLUDED_RANGES;
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
        ValueLayout.OfLong word = ValueLayout.JAVA_LONG;
        ValueLayout.OfLong pointer = ValueLayout.JAVA_LONG;
        ROOT_NODE = handle(linker, library, "rl_root_node", FunctionDescriptor.ofVoid(pointer, pointer));
        PARENT = handle(linker, library, "rl_parent", FunctionDescriptor.ofVoid(word, word, word, pointer, pointer));
        NEXT_NAMED_SIBLING = handle(linker, library, "rl_next_named_sibling",
                FunctionDescriptor.ofVoid(word, word, word, pointer, pointer));
        CHILD = handle(linker, library, "rl_child", FunctionDescriptor.ofVoid(word, word, word, pointer, u32, pointer));
        CHILD_BY_FIELD_ID = handle(linker, library, "rl_child_by_field_id",
                FunctionDescriptor.ofVoid(word, word, word, pointer, ValueLayout.JAVA_SHORT, pointer));
        DESCENDANT_FOR_BYTE_RANGE = handle(linker, library, "rl_descendant_for_byte_range",
                FunctionDescriptor.ofVoid(word, word, word, pointer, u32, u32, pointer));
        CHILD_COUNT = handle(linker, library, "rl_child_count", FunctionDescriptor.of(u32, word, word, word, pointer, bool));
        CHILDREN = handle(linker, library, "rl_children",
                FunctionDescriptor.of(u32, word, word, word, pointer, bool, pointer, u32));
        BUFFER_NEW = handle(linker, library, "rl_buffer_new", FunctionDescriptor.of(pointer));
        BUFFER_DELETE = handle(linker, library, "rl_buffer_delete", FunctionDescriptor.ofVoid(pointer));
        QUERY_EXEC = handle(linker, library, "rl_query_exec",
                FunctionDescriptor.ofVoid(pointer, pointer, word, word, word, pointer, pointer));
        NEXT_MATCHES = handle(linker, library, "rl_next_matches", FunctionDescriptor.of(u32, pointer, pointer, u32));
        ROOTED_EXEC = handle(linker, library, "rl_rooted_exec",
                FunctionDescriptor.of(pointer, pointer, pointer, pointer, word, word, word, pointer));
        ROOTED_NEXT_MATCHES = handle(linker, library, "rl_rooted_next_matches",
                FunctionDescriptor.of(u32, pointer, pointer, u32));
        ROOTED_DELETE = handle(linker, library, "rl_rooted_delete", FunctionDescriptor.ofVoid(pointer));
        CURSOR_NEW = handle(linker, library, "ts_query_cursor_new", FunctionDescriptor.of(pointer));
        CURSOR_DELETE = handle(linker, library, "ts_query_cursor_delete", FunctionDescriptor.ofVoid(pointer));
        CURSOR_SET_BYTE_RANGE = handle(linker, library, "ts_query_cursor_set_byte_range",
                FunctionDescriptor.of(bool, pointer, u32, u32));
        PARSER_NEW = handle(linker, library, "ts_parser_new", FunctionDescriptor.of(ValueLayout.ADDRESS));
        PARSER_DELETE = handle(linker, library, "ts_parser_delete", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        PARSER_SET_LANGUAGE = handle(linker, library, "ts_parser_set_language",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        PARSER_SET_TIMEOUT_MICROS = handle(linker, library, "ts_parser_set_timeout_micros",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        PARSER_RESET = handle(linker, library, "ts_parser_reset", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        PARSER_PARSE_STRING_ENCODING = handle(linker, library, "ts_parser_parse_string_encoding",
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, u32, u32));
        PARSER_SET_INCLUDED_RANGES = handle(linker, library, "ts_parser_set_included_ranges",
                FunctionDescriptor.of(bool, ValueLayout.ADDRESS, ValueLayout.ADDRESS, u32));
        TREE_DELETE = handle(linker, library, "ts_tree_delete", FunctionDescriptor.ofVoid(pointer));
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
        // Matching and parsing can run long on big files, and matching may call the progress
        // callback back (which a critical call must not): they stay ordinary calls.
        return name.startsWith("ts_query_cursor") || name.startsWith("ts_parser") || name.equals("rl_query_exec")
                || name.equals("rl_next_matches") || name.equals("rl_rooted_exec") || name.equals("rl_rooted_next_matches")
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
