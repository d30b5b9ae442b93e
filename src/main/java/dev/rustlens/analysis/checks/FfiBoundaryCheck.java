package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.LeadingTrivia;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/** The FFI surface: extern blocks, extern and exported fns, and types that cross it without a C layout. */
public final class FfiBoundaryCheck extends FileCheck {

    private static final CheckInfo INFO = CheckInfo.of("ffi_boundary",
            "FFI boundary", Category.FFI, Severity.INFO);

    /** repr arguments that give a type a layout foreign code can rely on. */
    private static final Set<String> C_LAYOUTS = Set.of("C", "transparent", "u8", "u16", "u32", "u64", "u128",
            "usize", "i8", "i16", "i32", "i64", "i128", "isize");
    private static final Set<String> TYPE_ITEMS = Set.of("struct_item", "enum_item", "union_item");

    /**
     * The struct, enum and union definitions of each file being analysed, collected once per file
     * (a file of generated bindings has thousands of extern fns) and dropped with its context.
     */
    private final Map<FileContext, Map<String, TypeDefinition>> definitions =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** A type defined in the file, kept as offsets: nodes do not outlive a match. */
    private record TypeDefinition(String kind, String name, int start, int end, boolean cLayout) {
    }

    public FfiBoundaryCheck() {
        super(INFO);
    }

    @Override
    protected void onFinding(SyntaxNode node, FileContext file) {
        if (node.getType().equals("foreign_mod_item")) {
            externBlock(node, file);
        } else {
            function(node, file);
        }
    }

    private void externBlock(SyntaxNode block, FileContext file) {
        List<SyntaxNode> declarations = block.getChildByFieldName("body").map(SyntaxNode::getNamedChildren).orElse(List.of());
        long count = declarations.stream()
                .filter(d -> d.getType().equals("function_signature_item") || d.getType().equals("static_item"))
                .count();
        String abi = block.getNamedChildren().stream().filter(child -> child.getType().equals("extern_modifier"))
                .findFirst().map(modifier -> abi(modifier, file)).orElse("\"C\"");
        file.report(this, block, "extern " + abi + " block: " + count + " foreign declaration"
                + (count == 1 ? "" : "s") + " whose signatures the compiler takes on trust");
        for (SyntaxNode declaration : declarations) {
            if (declaration.getType().equals("function_signature_item")) {
                signatureTypes(declaration, file);
            }
        }
    }

    private void function(SyntaxNode function, FileContext file) {
        // Most files have no extern fn and export nothing: look for the modifier and the
        // attributes only where the words occur at all.
        boolean mayExport = file.hasOuterAttribute("no_mangle") || file.hasOuterAttribute("export_name");
        if (!mayExport && !file.mentions("extern")) {
            return;
        }
        Optional<SyntaxNode> external = function.getChildren().stream()
                .filter(child -> child.getType().equals("function_modifiers"))
                .flatMap(modifiers -> modifiers.getNamedChildren().stream())
                .filter(modifier -> modifier.getType().equals("extern_modifier"))
                .findFirst();
        LeadingTrivia trivia = mayExport ? file.leadingTrivia(function) : null;
        String export = trivia == null ? ""
                : trivia.hasAttribute("no_mangle") ? "#[no_mangle]"
                : trivia.hasAttribute("export_name") ? "#[export_name]" : "";
        if (external.isEmpty() && export.isEmpty()) {
            return;
        }
        String name = function.getChildByFieldName("name").map(file::text).orElse("");
        String what = external.map(modifier -> "extern " + abi(modifier, file) + " fn `" + name + "`")
                .orElse("fn `" + name + "`");
        file.report(this, function, what + (export.isEmpty()
                ? ": callable from foreign code, which the compiler cannot check"
                : ": exported with " + export + " for foreign code to call, which the compiler cannot check"));
        if (external.isPresent()) {
            signatureTypes(function, file);
        }
    }

    /** Reports the types of this file passed by value through an extern fn's signature without a C layout. */
    private void signatureTypes(SyntaxNode function, FileContext file) {
        String fn = function.getChildByFieldName("name").map(file::text).orElse("");
        Map<String, TypeDefinition> types = definitions.computeIfAbsent(file, key -> collect(function, file));
        function.getChildByFieldName("parameters").map(SyntaxNode::getNamedChildren).orElse(List.of()).stream()
                .filter(parameter -> parameter.getType().equals("parameter"))
                .flatMap(parameter -> parameter.getChildByFieldName("type").stream())
                .forEach(type -> byValue(type, fn, types, file));
        function.getChildByFieldName("return_type").ifPresent(type -> byValue(type, fn, types, file));
    }

    private void byValue(SyntaxNode type, String fn, Map<String, TypeDefinition> types, FileContext file) {
        // By value only: pointers and references to a Rust type are the usual opaque handles.
        SyntaxNode base = type.getType().equals("generic_type") ? type.getChildByFieldName("type").orElse(type) : type;
        if (!base.getType().equals("type_identifier")) {
            return;
        }
        TypeDefinition definition = types.get(file.text(base));
        if (definition == null || definition.cLayout() || reported(definition, file)) {
            return;
        }
        file.report(this, definition.start(), definition.end(), definition.kind() + " `" + definition.name()
                + "` crosses the FFI boundary by value (in `" + fn + "`) without #[repr(C)]: its layout is unspecified");
    }

    private boolean reported(TypeDefinition definition, FileContext file) {
        int line = file.source().line(definition.start());
        int column = file.source().column(definition.start());
        return file.findings().stream()
                .anyMatch(f -> f.checkId().equals(id()) && f.line() == line && f.column() == column);
    }

    /** The file's structs, enums and unions, at top level and in inline modules. */
    private static Map<String, TypeDefinition> collect(SyntaxNode anyNode, FileContext file) {
        Map<String, TypeDefinition> types = new HashMap<>();
        Deque<SyntaxNode> containers = new ArrayDeque<>();
        containers.push(anyNode.getTree().getRootNode());
        while (!containers.isEmpty()) {
            for (SyntaxNode item : containers.pop().getNamedChildren()) {
                if (TYPE_ITEMS.contains(item.getType())) {
                    String name = item.getChildByFieldName("name").map(file::text).orElse("");
                    String kind = item.getType().substring(0, item.getType().indexOf('_'));
                    types.putIfAbsent(name, new TypeDefinition(kind, name, FileContext.start(item),
                            FileContext.end(item), cLayout(file.leadingTrivia(item))));
                } else if (item.getType().equals("mod_item")) {
                    item.getChildByFieldName("body").ifPresent(containers::push);
                }
            }
        }
        return types;
    }

    private static boolean cLayout(LeadingTrivia trivia) {
        return trivia.attributes().stream().filter(attribute -> Attributes.path(attribute).equals("repr"))
                .flatMap(attribute -> Attributes.arguments(attribute).stream())
                .anyMatch(C_LAYOUTS::contains);
    }

    /** The ABI string of an extern modifier, {@code "C"} when it names none. */
    private static String abi(SyntaxNode modifier, FileContext file) {
        return modifier.getNamedChildren().stream().filter(child -> child.getType().equals("string_literal"))
                .findFirst().map(file::text).orElse("\"C\"");
    }
}
