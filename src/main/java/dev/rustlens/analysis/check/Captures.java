package dev.rustlens.analysis.check;

import java.util.Set;

/**
 * The closed vocabulary of capture names in queries. Check queries use {@link #FINDING},
 * {@link #NAME} and names starting with {@link #CONTEXT_PREFIX}; names starting with {@code _}
 * are for predicates only, in check and engine queries alike. The engine's own names are the rest.
 */
public final class Captures {

    /** The span a check reports. */
    public static final String FINDING = "finding";
    /** The name of the item a finding is about, for the message. */
    public static final String NAME = "name";
    /** Prefix of nodes a check's Java logic inspects. */
    public static final String CONTEXT_PREFIX = "ctx.";

    public static final String UNSAFE_BLOCK = "unsafe.block";
    public static final String UNSAFE_FN = "unsafe.fn";
    public static final String UNSAFE_IMPL = "unsafe.impl";
    public static final String UNSAFE_TRAIT = "unsafe.trait";
    public static final String UNSAFE_EXTERN = "unsafe.extern";
    public static final String UNSAFE_MACRO = "unsafe.macro";
    public static final String ITEM_FN = "item.fn";
    public static final String ITEM_IMPL = "item.impl";
    public static final String ITEM_TRAIT = "item.trait";
    public static final String OUTLINE_MODULE = "outline.module";
    public static final String OUTLINE_INCLUDE = "outline.include";
    public static final String MACRO_INVOCATION = "macro.invocation";
    public static final String ATTRIBUTE = "attribute";
    public static final String INNER_ATTRIBUTE = "attribute.inner";
    public static final String EXPRESSION = "expression";

    /** Every name the engine's own queries use. */
    public static final Set<String> ENGINE = Set.of(UNSAFE_BLOCK, UNSAFE_FN, UNSAFE_IMPL, UNSAFE_TRAIT,
            UNSAFE_EXTERN, UNSAFE_MACRO, ITEM_FN, ITEM_IMPL, ITEM_TRAIT, OUTLINE_MODULE, OUTLINE_INCLUDE, MACRO_INVOCATION,
            ATTRIBUTE, INNER_ATTRIBUTE, EXPRESSION);

    private Captures() {
    }

    /** Whether a check's query may use this capture name. */
    public static boolean allowedInCheck(String name) {
        return name.equals(FINDING) || name.equals(NAME) || name.startsWith(CONTEXT_PREFIX) || name.startsWith("_");
    }
}
