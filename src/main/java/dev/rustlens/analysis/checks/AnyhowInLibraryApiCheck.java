package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Public library functions whose signature uses anyhow's {@code Result} or {@code Error}. */
public final class AnyhowInLibraryApiCheck extends PublicApiCheck {

    private static final CheckInfo INFO = CheckInfo.of("anyhow_in_library_api",
            "Public library function with `anyhow::Result` or `anyhow::Error` in its signature",
            Category.ERRORS, Severity.MINOR)
            .exemptingTests();

    /** The captures holding the parts of a signature that are searched. */
    private static final List<String> SIGNATURE = List.of(
            Captures.CONTEXT_PREFIX + "parameters", Captures.CONTEXT_PREFIX + "return_type");

    private static final Pattern ANYHOW_PATH = Pattern.compile("(^|::)anyhow::");

    public AnyhowInLibraryApiCheck() {
        super(INFO);
    }

    @Override
    public void onMatch(SyntaxMatch match, FileContext file) {
        SyntaxNode function = match.findNodes(Captures.FINDING).getFirst();
        SyntaxNode name = match.findNodes(Captures.NAME).getFirst();
        List<SyntaxNode> spelledOut = new ArrayList<>();
        List<SyntaxNode> bare = new ArrayList<>();
        for (String part : SIGNATURE) {
            for (SyntaxNode node : match.findNodes(part)) {
                collect(node, file, spelledOut, bare);
            }
        }
        SyntaxNode offending = null;
        if (!spelledOut.isEmpty()) {
            offending = spelledOut.getFirst();
        } else if (!bare.isEmpty()) {
            // A bare `Result<T>` or `Error` is anyhow's only when imported from it: read the imports only then.
            Imports imports = Imports.around(function, file);
            offending = bare.stream().filter(type -> imports.means(bareName(type), "anyhow::" + bareName(type)))
                    .findFirst().orElse(null);
        }
        if (offending != null) {
            file.report(this, FileContext.start(function), FileContext.end(name), "public fn `" + file.text(name)
                    + "` exposes `" + file.text(offending) + "` from anyhow; a library should return its own error type");
        }
    }

    /**
     * Collects the types under {@code node} that are anyhow's by their path ({@code anyhow::Result})
     * and those that are anyhow's if imported from it: {@code Result<T>} with one argument, {@code Error}.
     */
    private static void collect(SyntaxNode node, FileContext file, List<SyntaxNode> spelledOut, List<SyntaxNode> bare) {
        switch (node.getType()) {
            case "scoped_type_identifier", "scoped_identifier" -> {
                if (ANYHOW_PATH.matcher(file.text(node).replaceAll("\\s+", "")).find()) {
                    spelledOut.add(node);
                }
                return;
            }
            case "generic_type" -> {
                SyntaxNode type = node.getChildByFieldName("type").orElseThrow();
                SyntaxNode arguments = node.getChildByFieldName("type_arguments").orElseThrow();
                String typeText = file.text(type).replaceAll("\\s+", "");
                if (type.getType().equals("type_identifier") && typeText.equals("Result")
                        && arguments.getNamedChildCount() == 1) {
                    bare.add(node);
                } else if (ANYHOW_PATH.matcher(typeText).find()) {
                    spelledOut.add(node);
                }
                collect(arguments, file, spelledOut, bare);
                return;
            }
            case "type_identifier" -> {
                if (file.text(node).equals("Error")) {
                    bare.add(node);
                }
                return;
            }
            default -> {
            }
        }
        for (SyntaxNode child : node.getNamedChildren()) {
            collect(child, file, spelledOut, bare);
        }
    }

    /** The name a bare candidate needs imported from anyhow: a generic type is a {@code Result<T>}. */
    private static String bareName(SyntaxNode type) {
        return type.getType().equals("generic_type") ? "Result" : "Error";
    }
}
