package dev.rustlens.analysis.outline;

/**
 * An item of a file that rustdoc could show, with what decides whether the crate exports it.
 * Items inside function bodies and trait impls are never exported and are not listed.
 *
 * @param kind what it is
 * @param name its name; for an impl block the last segment of its self type
 * @param path for an impl block its self type's path without generics ({@code super::Raw});
 *     empty otherwise
 * @param scope the inline module of the file it is declared in (an index into
 *     {@link FileOutline#modules()}), or -1 for the file's own module
 * @param parent the item it belongs to (a struct for a field, a trait for its items, an impl
 *     block for its items: an index into {@link FileOutline#items()}), or -1
 * @param visibility its declared visibility; variants and trait items take their parent's, so
 *     they are {@link Visibility#PUBLIC}
 * @param documented whether it has docs: an outer doc comment or {@code #[doc = ..]}, or inner
 *     docs in an inline module's body
 * @param hasExample whether its docs hold a fenced code example
 * @param docHidden whether it carries {@code #[doc(hidden)]} itself
 * @param testOnly whether it is compiled for tests only ({@code #[cfg(test)]} on it or around it)
 * @param unsafe whether it is an {@code unsafe fn} or an {@code unsafe trait}
 * @param line 1-based line where it starts (after its attributes)
 * @param column 1-based column where it starts
 */
public record ApiItem(ApiKind kind, String name, String path, int scope, int parent, Visibility visibility,
        boolean documented, boolean hasExample, boolean docHidden, boolean testOnly, boolean unsafe, int line,
        int column) {
}
