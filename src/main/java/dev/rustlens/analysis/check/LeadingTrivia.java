package dev.rustlens.analysis.check;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes and comments written directly before an item or statement, nearest last.
 * Several checks ask the same item for its docs, so they are read once, here.
 */
public final class LeadingTrivia {

    private static final Pattern STRING_LITERAL = Pattern.compile("r?(#*)\"(.*)\"\\1", Pattern.DOTALL);

    private final List<String> attributes;
    private final List<Comment> comments;
    private final String docText;
    private final boolean docHidden;

    /**
     * @param attributes attribute texts ({@code #[...]})
     * @param comments comments, doc comments included
     */
    public LeadingTrivia(List<String> attributes, List<Comment> comments) {
        this.attributes = List.copyOf(attributes);
        this.comments = List.copyOf(comments);
        this.docText = readDocText();
        // Asked of every public item, several times: read once.
        this.docHidden = !this.attributes.isEmpty() && this.attributes.stream().map(Attributes::body)
                .anyMatch(body -> body.replace(" ", "").equals("doc(hidden)"));
    }

    /** Attribute texts ({@code #[...]}). */
    public List<String> attributes() {
        return attributes;
    }

    /** Comments, doc comments included. */
    public List<Comment> comments() {
        return comments;
    }

    /** The text of the outer doc comments and {@code #[doc = "..."]} attributes, joined by lines. */
    public String docText() {
        return docText;
    }

    private String readDocText() {
        StringBuilder doc = new StringBuilder();
        for (Comment comment : comments) {
            if (comment.isOuterDoc()) {
                doc.append(comment.body()).append('\n');
            }
        }
        for (String attribute : attributes) {
            String inner = Attributes.body(attribute);
            if (inner.startsWith("doc") && inner.substring(3).stripLeading().startsWith("=")) {
                doc.append(unquote(inner.substring(inner.indexOf('=') + 1).strip())).append('\n');
            }
        }
        return doc.toString();
    }

    /** Whether the item is documented, by a doc comment or a {@code #[doc = ...]} attribute. */
    public boolean hasDoc() {
        return !docText().isBlank();
    }

    /** Whether the item carries {@code #[doc(hidden)]}. */
    public boolean isDocHidden() {
        return docHidden;
    }

    /** Whether an attribute with this path ({@code no_mangle}, {@code test}) is present. */
    public boolean hasAttribute(String path) {
        return attributes.stream().anyMatch(attribute -> Attributes.path(attribute).equals(path));
    }

    /** Whether a doc comment has a section heading such as {@code # Safety}. */
    public boolean hasDocSection(String heading) {
        String wanted = heading.toLowerCase(Locale.ROOT);
        // Lines of a `/** .. */` block may start with ` * `.
        return docText().lines().map(String::strip).map(line -> line.startsWith("*") ? line.substring(1).strip() : line)
                .anyMatch(line -> line.startsWith("#") && line.replaceFirst("^#+", "").strip()
                        .toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** The text of a plain or raw string literal; anything else (a macro call) as written. */
    private static String unquote(String literal) {
        Matcher string = STRING_LITERAL.matcher(literal);
        return string.matches() ? string.group(2) : literal;
    }
}
