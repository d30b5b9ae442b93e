package dev.rustlens.analysis.outline;

/** What kind of item an {@link ApiItem} is, in rustc's words for its missing_docs lint. */
public enum ApiKind {
    MODULE("module"),
    FUNCTION("fn"),
    STRUCT("struct"),
    ENUM("enum"),
    UNION("union"),
    TRAIT("trait"),
    TYPE_ALIAS("type alias"),
    CONST("constant"),
    STATIC("static"),
    MACRO("macro"),
    FIELD("struct field"),
    VARIANT("variant"),
    ASSOCIATED_FN("method"),
    ASSOCIATED_TYPE("associated type"),
    ASSOCIATED_CONST("associated constant"),
    /** An inherent impl block: not documented itself, its items follow its type. */
    IMPL("impl");

    private final String description;

    ApiKind(String description) {
        this.description = description;
    }

    /** How a message names this kind. */
    public String description() {
        return description;
    }

    /** Whether this kind is a function: what the public-fn metrics count. */
    public boolean isFunction() {
        return this == FUNCTION || this == ASSOCIATED_FN;
    }

    /** Whether items of this kind name a type that an impl block can be for. */
    public boolean isType() {
        return this == STRUCT || this == ENUM || this == UNION || this == TYPE_ALIAS;
    }
}
