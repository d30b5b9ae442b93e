package dev.rustlens.analysis.module;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.analysis.check.RustPaths;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.outline.ApiKind;
import dev.rustlens.analysis.outline.ModuleDeclaration;
import dev.rustlens.analysis.outline.UseDeclaration;
import dev.rustlens.analysis.outline.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file's declarations into the parts of its {@link FileOutline}: the items rustdoc could
 * show, the modules, the re-exports and the included files. It walks declarations only (module
 * bodies, impl and trait bodies, field and variant lists), never into function bodies.
 */
public final class OutlineReader {

    /** {@code mod name;} in a macro's input, with the attributes and visibility before it. */
    private static final Pattern MACRO_MODULE = Pattern.compile(
            "((?:#\\s*\\[[^\\]]*\\]\\s*)*)(pub(?:\\s*\\([^)]*\\))?\\s+)?mod\\s+([A-Za-z_]\\w*)\\s*;");
    /** {@code pub use path;} in a macro's input. */
    private static final Pattern MACRO_USE = Pattern.compile("\\b(pub(?:\\s*\\([^)]*\\))?)\\s+use\\s+([^;{}]*(?:\\{[^}]*\\})?[^;{}]*);");
    private static final Pattern INCLUDED_PATH = Pattern.compile("^\\(\\s*\"([^\"]+)\"\\s*,?\\s*\\)$");
    private static final Pattern PATH_ATTRIBUTE = Pattern.compile("\\bpath\\s*=\\s*\"([^\"]*)\"");

    /** Who owns the declarations being read, which decides the kind and visibility of some. */
    private enum Owner { MODULE, TRAIT, IMPL, EXTERN }

    private final FileContext file;
    private final Function<SyntaxNode, Optional<SyntaxNode>> macroInputs;
    private final List<ApiItem> items = new ArrayList<>();
    private final List<ModuleDeclaration> modules = new ArrayList<>();
    private final List<UseDeclaration> uses = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    /** Each item's index by the char offset it starts at, for the checks that report on items. */
    private final Map<Integer, Integer> itemsByStart = new HashMap<>();

    private OutlineReader(FileContext file, Function<SyntaxNode, Optional<SyntaxNode>> macroInputs) {
        this.file = file;
        this.macroInputs = macroInputs;
    }

    /**
     * Reads the declarations of the file whose tree's root is {@code root}.
     *
     * @param macroInputs for a macro invocation, the node its input became when it was read as code
     */
    public static OutlineReader read(SyntaxNode root, FileContext file,
            Function<SyntaxNode, Optional<SyntaxNode>> macroInputs) {
        OutlineReader reader = new OutlineReader(file, macroInputs);
        reader.declarations(root, -1, -1, Owner.MODULE);
        return reader;
    }

    public List<ApiItem> items() {
        return items;
    }

    public List<ModuleDeclaration> modules() {
        return modules;
    }

    public List<UseDeclaration> uses() {
        return uses;
    }

    public List<String> includes() {
        return includes;
    }

    /** The item that starts at this node, if the outline lists it. */
    public Optional<ApiItem> itemAt(SyntaxNode node) {
        Integer index = itemsByStart.get(FileContext.start(node));
        return index == null ? Optional.empty() : Optional.of(items.get(index));
    }

    /**
     * Adds a module declared inside a function body, which the walk does not enter: only a
     * {@code #[path]} one can be in another file there.
     */
    public void moduleInFunction(SyntaxNode module) {
        if (!itemsByStart.containsKey(FileContext.start(module))) {
            module(module, -1, true);
        }
    }

    /** {@code include!("file.rs")}, wherever it stands: that file is part of this one. */
    public void include(SyntaxNode invocation) {
        invocation.getNamedChildren().stream().filter(child -> child.getType().equals("token_tree")).findFirst()
                .map(arguments -> INCLUDED_PATH.matcher(file.text(arguments))).filter(Matcher::matches)
                .ifPresent(path -> includes.add(path.group(1)));
    }

    /** Whether the file's top level or an inline module's body opens with inner docs. */
    public static boolean hasInnerDocs(SyntaxNode body, FileContext file) {
        for (SyntaxNode child : body.getNamedChildren()) {
            String text = file.text(child);
            switch (child.getType()) {
                case "line_comment", "block_comment" -> {
                    if (text.startsWith("//!") || text.startsWith("/*!")) {
                        return true;
                    }
                }
                case "inner_attribute_item" -> {
                    if (Attributes.path(text).equals("doc")
                            && Attributes.body(text).substring("doc".length()).stripLeading().startsWith("=")) {
                        return true;
                    }
                }
                // Inner docs stand before the first item.
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private void declarations(SyntaxNode list, int scope, int parent, Owner owner) {
        for (SyntaxNode child : list.getNamedChildren()) {
            switch (child.getType()) {
                case "mod_item" -> module(child, scope, false);
                case "function_item", "function_signature_item" ->
                        item(child, owner == Owner.TRAIT || owner == Owner.IMPL ? ApiKind.ASSOCIATED_FN : ApiKind.FUNCTION,
                                scope, parent, owner);
                case "struct_item", "union_item" -> {
                    int index = item(child, child.getType().equals("struct_item") ? ApiKind.STRUCT : ApiKind.UNION,
                            scope, parent, owner);
                    child.getChildByFieldName("body").ifPresent(body -> fields(body, scope, index));
                }
                case "enum_item" -> {
                    int index = item(child, ApiKind.ENUM, scope, parent, owner);
                    child.getChildByFieldName("body").ifPresent(body -> variants(body, scope, index));
                }
                case "trait_item" -> {
                    int index = item(child, ApiKind.TRAIT, scope, parent, owner);
                    child.getChildByFieldName("body").ifPresent(body -> declarations(body, scope, index, Owner.TRAIT));
                }
                case "impl_item" -> impl(child, scope);
                case "foreign_mod_item" ->
                        child.getChildByFieldName("body").ifPresent(body -> declarations(body, scope, parent, Owner.EXTERN));
                case "type_item", "associated_type" ->
                        item(child, owner == Owner.TRAIT || owner == Owner.IMPL ? ApiKind.ASSOCIATED_TYPE : ApiKind.TYPE_ALIAS,
                                scope, parent, owner);
                case "const_item" ->
                        item(child, owner == Owner.TRAIT || owner == Owner.IMPL ? ApiKind.ASSOCIATED_CONST : ApiKind.CONST,
                                scope, parent, owner);
                case "static_item" -> item(child, ApiKind.STATIC, scope, parent, owner);
                case "macro_definition" -> item(child, ApiKind.MACRO, scope, parent, owner);
                case "use_declaration" -> use(child, scope);
                case "macro_invocation" -> macroInvocation(child, scope);
                case "expression_statement" -> child.getNamedChildren().stream()
                        .filter(expression -> expression.getType().equals("macro_invocation")
                                || expression.getType().equals("block"))
                        .forEach(expression -> declarations(List.of(expression), scope, parent, owner));
                // A macro input read as code, or one branch of a `cfg_if!` in it
                case "block" -> declarations(child, scope, parent, owner);
                default -> {
                    // attributes, comments, and what holds no declaration
                }
            }
        }
    }

    private int item(SyntaxNode node, ApiKind kind, int scope, int parent, Owner owner) {
        LeadingTrivia trivia = file.leadingTrivia(node);
        Visibility visibility = switch (owner) {
            // A trait's items are as visible as the trait.
            case TRAIT -> Visibility.PUBLIC;
            default -> kind == ApiKind.MACRO
                    ? (trivia.hasAttribute("macro_export") ? Visibility.PUBLIC : Visibility.PRIVATE)
                    : visibilityOf(node);
        };
        return add(node, kind, name(node), "", scope, parent, visibility, trivia, trivia.hasDoc());
    }

    private int add(SyntaxNode node, ApiKind kind, String name, String path, int scope, int parent,
            Visibility visibility, LeadingTrivia trivia, boolean documented) {
        String doc = trivia.docText();
        int start = FileContext.start(node);
        int index = items.size();
        items.add(new ApiItem(kind, name, path, scope, parent, visibility, documented,
                documented && (doc.contains("```") || doc.contains("~~~")), trivia.isDocHidden(),
                file.inTestCode(start), declaredUnsafe(node), file.source().line(start), file.source().column(start)));
        itemsByStart.put(start, index);
        return index;
    }

    private void module(SyntaxNode node, int scope, boolean inFunction) {
        LeadingTrivia trivia = file.leadingTrivia(node);
        Optional<SyntaxNode> body = node.getChildByFieldName("body");
        boolean documented = trivia.hasDoc() || body.map(b -> hasInnerDocs(b, file)).orElse(false);
        int item = add(node, ApiKind.MODULE, name(node), "", scope, -1, visibilityOf(node), trivia, documented);
        // `#[path = "unix.rs"]`, or one `#[cfg_attr(unix, path = "unix.rs")]` per platform.
        List<String> paths = pathsIn(trivia, "path");
        List<String> conditionalPaths = paths.isEmpty() ? pathsIn(trivia, "cfg_attr") : List.of();
        boolean testOnly = trivia.attributes().stream().anyMatch(Attributes::isCfgTest) || items.get(item).testOnly();
        int index = modules.size();
        modules.add(new ModuleDeclaration(scope, item, name(node), body.isPresent(),
                paths.isEmpty() ? conditionalPaths : paths, paths.isEmpty(), testOnly, inFunction, false));
        if (!inFunction) {
            body.ifPresent(declarations -> declarations(declarations, index, -1, Owner.MODULE));
        }
    }

    /** The paths that attributes with this path ({@code path}, {@code cfg_attr}) give as {@code path = ".."}. */
    private static List<String> pathsIn(LeadingTrivia trivia, String attributePath) {
        return trivia.attributes().stream().filter(attribute -> Attributes.path(attribute).equals(attributePath))
                .map(attribute -> PATH_ATTRIBUTE.matcher(Attributes.body(attribute)))
                .filter(Matcher::find).map(matcher -> matcher.group(1)).toList();
    }

    private void fields(SyntaxNode body, int scope, int parent) {
        // Only named fields: rustc's missing_docs does not ask tuple fields for docs.
        if (!body.getType().equals("field_declaration_list")) {
            return;
        }
        for (SyntaxNode field : body.getNamedChildren()) {
            if (field.getType().equals("field_declaration")) {
                LeadingTrivia trivia = file.leadingTrivia(field);
                // An enum variant's fields are as visible as the variant.
                Visibility visibility = items.get(parent).kind() == ApiKind.VARIANT ? Visibility.PUBLIC : visibilityOf(field);
                add(field, ApiKind.FIELD, name(field), "", scope, parent, visibility, trivia, trivia.hasDoc());
            }
        }
    }

    private void variants(SyntaxNode body, int scope, int parent) {
        for (SyntaxNode variant : body.getNamedChildren()) {
            if (variant.getType().equals("enum_variant")) {
                LeadingTrivia trivia = file.leadingTrivia(variant);
                int index = add(variant, ApiKind.VARIANT, name(variant), "", scope, parent, Visibility.PUBLIC, trivia,
                        trivia.hasDoc());
                variant.getChildByFieldName("body").ifPresent(fields -> fields(fields, scope, index));
            }
        }
    }

    private void impl(SyntaxNode impl, int scope) {
        // A trait impl's items are documented by the trait: rustc asks them for nothing.
        if (impl.getChildByFieldName("trait").isPresent()) {
            return;
        }
        Optional<SyntaxNode> type = impl.getChildByFieldName("type");
        if (type.isEmpty()) {
            return;
        }
        String path = RustPaths.withoutGenerics(file.text(type.get()));
        String name = path.substring(path.lastIndexOf(':') + 1);
        LeadingTrivia trivia = file.leadingTrivia(impl);
        int index = add(impl, ApiKind.IMPL, name, path, scope, -1, Visibility.PUBLIC, trivia, true);
        impl.getChildByFieldName("body").ifPresent(body -> declarations(body, scope, index, Owner.IMPL));
    }

    private void use(SyntaxNode use, int scope) {
        Visibility visibility = visibilityOf(use);
        if (visibility == Visibility.PRIVATE) {
            return;
        }
        use.getChildByFieldName("argument").ifPresent(tree ->
                uses.add(new UseDeclaration(scope, visibility, RustPaths.normaliseUseTree(file.text(tree)), file.inTestCode(FileContext.start(use)))));
    }

    private void declarations(List<SyntaxNode> nodes, int scope, int parent, Owner owner) {
        for (SyntaxNode node : nodes) {
            if (node.getType().equals("macro_invocation")) {
                macroInvocation(node, scope);
            } else {
                declarations(node, scope, parent, owner);
            }
        }
    }

    /**
     * Item macros such as {@code cfg_if!} declare modules, items and re-exports in their input:
     * read from the input parsed as code, or, where it did not parse, from its text.
     */
    private void macroInvocation(SyntaxNode invocation, int scope) {
        Optional<SyntaxNode> input = macroInputs.apply(invocation);
        if (input.isPresent()) {
            declarations(input.get(), scope, -1, Owner.MODULE);
            return;
        }
        String macro = invocation.getChildByFieldName("macro").map(file::text).orElse("");
        Optional<SyntaxNode> arguments = invocation.getNamedChildren().stream()
                .filter(child -> child.getType().equals("token_tree")).findFirst();
        if (arguments.isEmpty()) {
            return;
        }
        String text = file.text(arguments.get());
        int base = FileContext.start(arguments.get());
        boolean testOnly = file.inTestCode(base);
        Matcher module = MACRO_MODULE.matcher(text);
        while (module.find()) {
            String attributes = module.group(1);
            Matcher path = PATH_ATTRIBUTE.matcher(attributes);
            boolean cfgTest = attributes.replaceAll("\\s+", "").matches(".*#\\[cfg\\((all\\()?test[,)].*");
            int start = base + module.start(3) - "mod ".length();
            int item = items.size();
            items.add(new ApiItem(ApiKind.MODULE, module.group(3), "", scope, -1, Visibility.of(module.group(2)), false,
                    false, false, testOnly || cfgTest, false, file.source().line(start), file.source().column(start)));
            List<String> paths = new ArrayList<>();
            while (path.find()) {
                paths.add(path.group(1));
            }
            modules.add(new ModuleDeclaration(scope, item, module.group(3), false, paths, false, testOnly || cfgTest,
                    false, true));
        }
        Matcher use = MACRO_USE.matcher(text);
        while (use.find()) {
            uses.add(new UseDeclaration(scope, Visibility.of(use.group(1)), RustPaths.normaliseUseTree(use.group(2)), testOnly));
        }
    }

    /** Whether a fn's modifiers or a trait's keywords say {@code unsafe}. */
    private static boolean declaredUnsafe(SyntaxNode node) {
        for (SyntaxNode child : node.getChildren()) {
            if (child.getType().equals("unsafe")) {
                return true;
            }
            if (child.getType().equals("function_modifiers")) {
                return child.getChildren().stream().anyMatch(modifier -> modifier.getType().equals("unsafe"));
            }
        }
        return false;
    }

    private String name(SyntaxNode node) {
        return node.getChildByFieldName("name").map(file::text).orElse("");
    }

    private Visibility visibilityOf(SyntaxNode node) {
        for (SyntaxNode child : node.getNamedChildren()) {
            if (child.getType().equals("visibility_modifier")) {
                return Visibility.of(file.text(child));
            }
        }
        return Visibility.PRIVATE;
    }
}
