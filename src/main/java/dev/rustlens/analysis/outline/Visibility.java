package dev.rustlens.analysis.outline;

/** How far an item's declared visibility reaches: what decides whether it can be exported. */
public enum Visibility {
    /** {@code pub}: exported when every module on its path is, or a {@code pub use} re-exports it. */
    PUBLIC,
    /** {@code pub(crate)}, {@code pub(super)}, {@code pub(in ..)}, {@code pub(self)}: never exported. */
    RESTRICTED,
    /** No modifier. */
    PRIVATE;

    /** The visibility a {@code visibility_modifier}'s text declares; null or blank is private. */
    public static Visibility of(String modifier) {
        if (modifier == null || modifier.isBlank()) {
            return PRIVATE;
        }
        return modifier.replaceAll("\\s+", "").equals("pub") ? PUBLIC : RESTRICTED;
    }
}
