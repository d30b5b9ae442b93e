package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.module.OutlineReader;
import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.NativeMemory;
import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxMatch.Capture;
import dev.rustlens.parser.SyntaxMatch;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxRecovery;
import dev.rustlens.parser.SyntaxTree;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses one file's content: one parse (with {@link SyntaxRecovery}), one pass of the combined
 * query (and of it over the macro inputs read as code, {@link MacroInputPass}), then the passes
 * that read the engine's facts ({@link AttributePass}, {@link CommentPass}, {@link LineCounter},
 * {@link OutlineReader}, {@link UnsafeInventory}) and every file check's findings. Not
 * thread-safe: each analysis thread has its own, with its own parser.
 */
public final class FileAnalyzer implements AutoCloseable {

    /** The check id the engine reports unparsable or skipped files under. */
    public static final String PARSE_ERROR = "parse_error";

    /** Syntax errors reported for one file at most: past a few, more say nothing new. */
    private static final int MAX_PARSE_ERRORS = 20;

    /** After a file this large its tree's native memory is handed back to the system at once. */
    private static final int LARGE_FILE_CHARS = 1 << 18;

    private final CheckCatalogue catalogue;
    private final AnalyzerSettings settings;
    private final RustParser parser = new RustParser();
    private final Check parseErrorCheck;

    public FileAnalyzer(CheckCatalogue catalogue, AnalyzerSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.parseErrorCheck = catalogue.byId(PARSE_ERROR)
                .orElseThrow(() -> new IllegalStateException("the parse_error check is not registered"));
    }

    /** Analyses a file given by its bytes. */
    public FileResult analyze(String path, byte[] content) {
        if (content.length > settings.maxFileBytes()) {
            return oversized(path, content.length);
        }
        return analyze(path, SourceText.decode(content));
    }

    /** The result for a file too large to read: a parse_error finding and nothing else. */
    public FileResult oversized(String path, long size) {
        return skipped(path, SourceText.of(""), "file is " + size + " bytes, over the limit of "
                + settings.maxFileBytes() + "; not analysed");
    }

    /** Analyses a file given by its text. */
    public FileResult analyze(String path, SourceText source) {
        try {
            return parseAndScan(path, source);
        } finally {
            if (source.length() >= LARGE_FILE_CHARS) {
                NativeMemory.release();
            }
        }
    }

    private FileResult parseAndScan(String path, SourceText source) {
        ParseBudget budget = ParseBudget.of(settings.parseBudget());
        Optional<SyntaxTree> parsed = SyntaxRecovery.parse(parser, source.text(), budget);
        if (parsed.isEmpty()) {
            return skipped(path, source, "parsing took longer than " + seconds(settings.parseBudget())
                    + "; not analysed");
        }
        try (SyntaxTree tree = parsed.get()) {
            // Nodes live in the tree's arena: everything is read before it closes.
            SyntaxNode root = tree.getRootNode();
            QueryPredicates predicates = catalogue.predicates();
            List<SyntaxMatch> matches = catalogue.combinedQuery(root.hasError()).matches(root,
                    (pattern, captures) -> predicates.hold(pattern, captures, source), budget::exhausted);
            try (MacroInputPass macros = MacroInputPass.run(parser, catalogue, source, matches, budget)) {
                if (budget.exhausted()) {
                    throw new BudgetExhausted();
                }
                return scan(path, source, tree, macros, budget);
            }
        } catch (BudgetExhausted e) {
            return skipped(path, source, "analysis took longer than " + seconds(settings.parseBudget())
                    + "; not analysed");
        }
    }

    /**
     * The passes over one parsed file: attributes and comments first (they decide what is test
     * code and what is suppressed), then the lines, the outline, the engine's unsafe inventory and
     * every check's matches.
     */
    private FileResult scan(String path, SourceText source, SyntaxTree tree, MacroInputPass macros, ParseBudget budget) {
        FileCheck[] owners = catalogue.ownersByPattern();
        Metrics metrics = new Metrics();
        Steps steps = new Steps(budget);
        AttributePass attributes = new AttributePass(source, metrics);
        for (SyntaxMatch match : macros.matches()) {
            steps.next();
            if (owners[match.patternIndex()] != null) {
                continue;
            }
            for (Capture capture : match.captures()) {
                switch (capture.name()) {
                    case Captures.ATTRIBUTE -> attributes.outer(capture.node());
                    case Captures.INNER_ATTRIBUTE -> attributes.inner(capture.node());
                    default -> {
                    }
                }
            }
        }
        CommentPass comments = CommentPass.read(source, metrics);
        RegionSet testRegions = attributes.testRegions();
        long testCodeLines = LineCounter.count(source, comments.comments(), testRegions, metrics);

        FileContext context = new FileContext(source, path, testRegions, attributes.outerAttributePaths());
        OutlineReader outline = OutlineReader.read(tree.getRootNode(), context, macros::input);
        context.useOutline(outline::itemAt);
        context.useMacroInputs(macros::regionOf);
        context.useComments(comments.comments());
        reportEncoding(source, context);
        UnsafeInventory inventory = new UnsafeInventory(path, source, tree, metrics, attributes, testRegions);
        for (SyntaxMatch match : macros.matches()) {
            steps.next();
            FileCheck owner = owners[match.patternIndex()];
            if (owner != null) {
                owner.onMatch(match, context);
                continue;
            }
            for (Capture capture : match.captures()) {
                switch (capture.name()) {
                    case Captures.OUTLINE_MODULE -> outline.moduleInFunction(capture.node());
                    case Captures.OUTLINE_INCLUDE -> outline.include(capture.node());
                    default -> inventory.capture(capture.name(), capture.node());
                }
            }
        }
        inventory.countUnsafeExpressions(catalogue, budget);
        context.keepOutermost(PARSE_ERROR, MAX_PARSE_ERRORS);
        FileOutline fileOutline = new FileOutline(outline.items(), outline.modules(), outline.uses(), outline.includes(),
                attributes.lintSettings(), metrics.get(Metric.CRATE_DOCS) > 0, attributes.fileDocHidden(),
                attributes.fileTestOnly(), attributes.allowsUnsafeCode());
        // Lint attributes are weighed once the file is placed: the modules above it have their say.
        List<Finding> findings = context.findings().stream()
                .map(finding -> comments.suppresses(finding.line(), finding.checkId())
                        ? finding.withSuppression(Suppression.COMMENT) : finding)
                .toList();
        return new FileResult(metrics.asMap(), testCodeLines, TestSpan.of(source, testRegions), inventory.sites(), findings,
                true, fileOutline);
    }

    /** A file rustc would not read as UTF-8 is said so, at line 1. */
    private void reportEncoding(SourceText source, FileContext context) {
        if (source.otherEncoding().isPresent()) {
            context.report(parseErrorCheck, 0, 0, "the file is " + source.otherEncoding().get()
                    + ", not UTF-8, which rustc rejects; it was read as " + source.otherEncoding().get());
        } else if (!source.validUtf8()) {
            context.report(parseErrorCheck, 0, 0,
                    "the file is not valid UTF-8, which rustc rejects; invalid bytes were read as U+FFFD");
        }
    }

    private FileResult skipped(String path, SourceText source, String reason) {
        FileContext context = new FileContext(source, path, RegionSet.builder().build(), Set.of());
        context.report(parseErrorCheck, 0, 0, reason);
        return new FileResult(new Metrics().asMap(), 0, List.of(), List.of(), context.findings(), false, FileOutline.EMPTY);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    @Override
    public void close() {
        parser.close();
    }

    /** Counts the Java passes' steps, and every so often asks whether the file's time is up. */
    private static final class Steps {
        private final ParseBudget budget;
        private int count;

        Steps(ParseBudget budget) {
            this.budget = budget;
        }

        void next() {
            if ((++count & 0x3FF) == 0 && budget.exhausted()) {
                throw new BudgetExhausted();
            }
        }
    }

    /** The file's time budget ran out in a Java pass. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super(null, null, false, false);
        }
    }
}
