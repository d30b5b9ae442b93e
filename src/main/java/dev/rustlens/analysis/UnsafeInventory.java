package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file's unsafe code, from the engine's captures: every unsafe site with its kind and place
 * (docs/unsafe-counting.md), and the figures cargo-geiger counts (safe and unsafe functions,
 * methods, impls and traits, and the expressions inside unsafe scopes).
 */
final class UnsafeInventory {

    private static final Set<String> IMPL_OR_TRAIT = Set.of("impl_item", "trait_item", "foreign_mod_item");

    private final String path;
    private final SourceText source;
    private final SyntaxTree tree;
    private final Metrics metrics;
    private final RegionSet testRegions;
    /** Regions cargo-geiger leaves out: exactly {@code #[test]} fns and {@code #[cfg(test)]} modules. */
    private final RegionSet geigerSkipped;
    private final Set<Long> noMangleFunctions;
    private final List<UnsafeSite> sites = new ArrayList<>();
    private final RegionSet.Builder unsafeScopes = RegionSet.builder();

    UnsafeInventory(String path, SourceText source, SyntaxTree tree, Metrics metrics, AttributePass attributes,
            RegionSet testRegions) {
        this.path = path;
        this.source = source;
        this.tree = tree;
        this.metrics = metrics;
        this.testRegions = testRegions;
        this.geigerSkipped = attributes.geigerSkipped();
        this.noMangleFunctions = attributes.noMangleFunctions();
    }

    /** Takes one engine capture; those of other kinds are not the inventory's. */
    void capture(String name, SyntaxNode node) {
        int start = FileContext.start(node);
        boolean inTest = testRegions.contains(start);
        // cargo-geiger's syn visitor does not look inside macro invocations: nor do its figures here.
        boolean geiger = node.getTree() == tree && !geigerSkipped.contains(start);
        switch (name) {
            case Captures.UNSAFE_BLOCK -> {
                sites.add(site(UnsafeSite.Kind.BLOCK, start, inTest));
                if (geiger) {
                    unsafeScopes.add(start, FileContext.end(node));
                }
            }
            case Captures.UNSAFE_FN -> {
                boolean method = FileContext.ancestor(node, IMPL_OR_TRAIT)
                        .map(owner -> !owner.getType().equals("foreign_mod_item")).orElse(false)
                        && node.getParent().map(p -> p.getType().equals("declaration_list")).orElse(false);
                sites.add(site(method ? UnsafeSite.Kind.METHOD : UnsafeSite.Kind.FUNCTION, start, inTest));
            }
            case Captures.UNSAFE_IMPL -> sites.add(site(UnsafeSite.Kind.IMPL, start, inTest));
            case Captures.UNSAFE_TRAIT -> sites.add(site(UnsafeSite.Kind.TRAIT, start, inTest));
            case Captures.UNSAFE_EXTERN -> sites.add(site(UnsafeSite.Kind.EXTERN_BLOCK, start, inTest));
            case Captures.UNSAFE_MACRO -> sites.add(site(UnsafeSite.Kind.IN_MACRO, start, inTest));
            case Captures.ITEM_FN -> {
                if (geiger) {
                    geigerFunction(node);
                }
            }
            case Captures.ITEM_IMPL -> {
                if (geiger) {
                    metrics.increment(hasUnsafeKeyword(node) ? Metric.GEIGER_IMPLS_UNSAFE : Metric.GEIGER_IMPLS_SAFE);
                }
            }
            case Captures.ITEM_TRAIT -> {
                if (geiger) {
                    metrics.increment(hasUnsafeKeyword(node) ? Metric.GEIGER_TRAITS_UNSAFE : Metric.GEIGER_TRAITS_SAFE);
                }
            }
            default -> {
            }
        }
    }

    /** The sites found, in the order of their captures. */
    List<UnsafeSite> sites() {
        return List.copyOf(sites);
    }

    private UnsafeSite site(UnsafeSite.Kind kind, int offset, boolean inTest) {
        return new UnsafeSite(kind, path, source.line(offset), source.column(offset), inTest);
    }

    private static boolean hasUnsafeKeyword(SyntaxNode item) {
        for (int i = 0; i < item.getChildCount(); i++) {
            SyntaxNode child = item.getChild(i).orElseThrow();
            if (child.getType().equals("unsafe")) {
                return true;
            }
            if (child.isNamed() && !child.getType().equals("visibility_modifier")) {
                return false;
            }
        }
        return false;
    }

    private void geigerFunction(SyntaxNode function) {
        Optional<SyntaxNode> owner = function.getParent()
                .filter(parent -> parent.getType().equals("declaration_list"))
                .flatMap(SyntaxNode::getParent);
        boolean inTrait = owner.map(o -> o.getType().equals("trait_item")).orElse(false);
        boolean method = owner.map(o -> o.getType().equals("impl_item")).orElse(false);
        if (inTrait) {
            return; // cargo-geiger does not count trait methods
        }
        boolean unsafeKeyword = function.getChildren().stream()
                .anyMatch(child -> child.getType().equals("function_modifiers")
                        && source.slice(FileContext.start(child), FileContext.end(child)).contains("unsafe"));
        boolean unsafe = unsafeKeyword || (!method && noMangleFunctions.contains(function.getId()));
        if (method) {
            metrics.increment(unsafe ? Metric.GEIGER_METHODS_UNSAFE : Metric.GEIGER_METHODS_SAFE);
        } else {
            metrics.increment(unsafe ? Metric.GEIGER_FUNCTIONS_UNSAFE : Metric.GEIGER_FUNCTIONS_SAFE);
        }
        if (unsafeKeyword) {
            function.getChildByFieldName("body")
                    .ifPresent(body -> unsafeScopes.add(FileContext.start(body), FileContext.end(body)));
        }
    }

    /** Counts cargo-geiger's unsafe expressions: those inside unsafe blocks and unsafe fn bodies. */
    void countUnsafeExpressions(CheckCatalogue catalogue, ParseBudget budget) {
        RegionSet scopes = unsafeScopes.build();
        if (scopes.isEmpty()) {
            return;
        }
        SyntaxNode root = tree.getRootNode();
        for (int i = 0; i < scopes.size(); i++) {
            int start = scopes.start(i);
            int end = scopes.end(i);
            long inside = catalogue.expressionQuery().matches(root, start * 2, end * 2, budget::exhausted).stream()
                    .map(match -> match.captures().getFirst().node())
                    .filter(node -> FileContext.start(node) >= start && FileContext.end(node) <= end
                            && !geigerSkipped.contains(FileContext.start(node)) && !isMethodCallee(node))
                    .count();
            metrics.add(Metric.UNSAFE_EXPRESSIONS, inside);
        }
    }

    /** {@code a.f} in {@code a.f(x)}: syn sees one method call where tree-sitter has two nodes. */
    private static boolean isMethodCallee(SyntaxNode node) {
        return node.getType().equals("field_expression")
                && node.getParent().map(parent -> parent.getType().equals("call_expression")).orElse(false);
    }
}
