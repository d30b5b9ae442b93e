package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.Comment;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.module.OutlineReader;
import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.outline.LintLevel;
import dev.rustlens.analysis.outline.LintSetting;
import dev.rustlens.analysis.source.CommentScanner;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.NativeMemory;
import dev.rustlens.parser.ParseBudget;
import dev.rustlens.parser.RustParser;
import dev.rustlens.parser.SyntaxNode;
import dev.rustlens.parser.SyntaxRecovery;
import dev.rustlens.parser.SyntaxTree;
import dev.rustlens.parser.SyntaxMatch.Capture;
import dev.rustlens.parser.SyntaxMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses one file's content: one parse, one pass of the combined query, then the engine's
 * facts (unsafe inventory, line counts, public API, tests) and every file check's findings.
 * Not thread-safe: each analysis thread has its own, with its own parser.
 */
public final class FileAnalyzer implements AutoCloseable {

    /** The check id the engine reports unparsable or skipped files under. */
    public static final String PARSE_ERROR = "parse_error";

    /** Syntax errors reported for one file at most: past a few, more say nothing new. */
    private static final int MAX_PARSE_ERRORS = 20;

    /** After a file this large its tree's native memory is handed back to the system at once. */
    private static final int LARGE_FILE_CHARS = 1 << 18;

    private static final Set<String> TRIVIA = Set.of("attribute_item", "line_comment", "block_comment");
    private static final Set<String> IMPL_OR_TRAIT = Set.of("impl_item", "trait_item", "foreign_mod_item");

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
        Optional<SyntaxTree> parsed = parser.parse(source.text(), budget);
        if (parsed.isEmpty()) {
            return skipped(path, source, "parsing took longer than " + seconds(settings.parseBudget())
                    + "; not analysed");
        }
        try (SyntaxTree tree = recover(parsed.get(), source.text(), budget)) {
            // Nodes live in the tree's arena: everything is read before it closes.
            SyntaxNode root = tree.getRootNode();
            QueryPredicates predicates = catalogue.predicates();
            List<SyntaxMatch> matches = catalogue.combinedQuery(root.hasError()).matches(root,
                    (pattern, captures) -> predicates.hold(pattern, captures, source), budget::exhausted);
            if (budget.exhausted()) {
                return skipped(path, source, "analysis took longer than " + seconds(settings.parseBudget())
                        + "; not analysed");
            }
            try (MacroInputPass macros = MacroInputPass.run(parser, catalogue, source, matches, budget)) {
                if (budget.exhausted()) {
                    return skipped(path, source, "analysis took longer than " + seconds(settings.parseBudget())
                            + "; not analysed");
                }
                return new FileScan(path, source, tree, macros, budget).run();
            } catch (BudgetExhausted e) {
                return skipped(path, source, "analysis took longer than " + seconds(settings.parseBudget())
                        + "; not analysed");
            }
        }
    }

    /**
     * The tree of the text with {@link SyntaxRecovery}'s rewrites where the first parse failed,
     * when that reads more of the file; otherwise the first tree. Either way the other is closed.
     */
    private SyntaxTree recover(SyntaxTree tree, String text, ParseBudget budget) {
        SyntaxTree best = tree;
        // A rewrite can uncover an error the first one hid: a second round reads that too.
        for (int round = 0; round < 2 && best.getRootNode().hasError(); round++) {
            SyntaxNode root = best.getRootNode();
            String rewritten = SyntaxRecovery.rewrite(text, SyntaxRecovery.errorLines(root, text), budget::exhausted);
            if (rewritten == null) {
                break;
            }
            Optional<SyntaxTree> second = parser.parse(rewritten, budget);
            if (second.isEmpty()) {
                break;
            }
            if (SyntaxRecovery.errorCount(second.get().getRootNode()) < SyntaxRecovery.errorCount(root)) {
                best.close();
                best = second.get();
                text = rewritten;
            } else {
                second.get().close();
                break;
            }
        }
        return best;
    }

    private FileResult skipped(String path, SourceText source, String reason) {
        FileContext context = new FileContext(source, path, RegionSet.builder().build(), Set.of());
        context.report(parseErrorCheck, 0, 0, reason);
        return new FileResult(new Metrics().asMap(), 0, List.of(), context.findings(), false, FileOutline.EMPTY);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }

    @Override
    public void close() {
        parser.close();
    }

    /** The state of one file's analysis. */
    private final class FileScan {
        private final String path;
        private final SourceText source;
        private final SyntaxTree tree;
        private final MacroInputPass macros;
        private final ParseBudget budget;
        private int steps;
        private final List<SyntaxMatch> matches;
        private final Metrics metrics = new Metrics();
        private final RegionSet.Builder testRegionBuilder = RegionSet.builder();
        /** Regions cargo-geiger leaves out: exactly {@code #[test]} fns and {@code #[cfg(test)]} modules. */
        private final RegionSet.Builder geigerSkippedBuilder = RegionSet.builder();
        private final Set<Long> noMangleFunctions = new HashSet<>();
        /** The paths of the file's outer attributes, for checks that look for one only where it occurs. */
        private final Set<String> outerAttributePaths = new HashSet<>();
        private final List<LintSetting> lintSettings = new ArrayList<>();
        private boolean fileTestOnly;
        private boolean fileDocHidden;
        private boolean allowsUnsafeCode;
        private final Map<Integer, Set<String>> commentSuppressions = new HashMap<>();
        private final List<int[]> commentRanges = new ArrayList<>();
        private RegionSet testRegions;
        private RegionSet geigerSkipped;

        FileScan(String path, SourceText source, SyntaxTree tree, MacroInputPass macros, ParseBudget budget) {
            this.budget = budget;
            this.path = path;
            this.source = source;
            this.tree = tree;
            this.macros = macros;
            this.matches = macros.matches();
        }

        FileResult run() {
            FileCheck[] owners = catalogue.ownersByPattern();
            // Phase 1: attributes and comments decide what is test code and what is suppressed.
            for (SyntaxMatch match : matches) {
                checkBudget();
                if (owners[match.patternIndex()] != null) {
                    continue;
                }
                for (Capture capture : match.captures()) {
                    switch (capture.name()) {
                        case Captures.ATTRIBUTE -> outerAttribute(capture.node());
                        case Captures.INNER_ATTRIBUTE -> innerAttribute(capture.node());
                        default -> {
                        }
                    }
                }
            }
            List<CommentScanner.Span> comments = CommentScanner.scan(source.text());
            for (CommentScanner.Span span : comments) {
                comment(span);
            }
            testRegions = testRegionBuilder.build();
            geigerSkipped = geigerSkippedBuilder.build();
            long testCodeLines = countLines();

            // Phase 2: the engine's items and unsafe sites, then every check's matches.
            FileContext context = new FileContext(source, path, testRegions, outerAttributePaths);
            OutlineReader outline = OutlineReader.read(tree.getRootNode(), context, macros::input);
            context.useOutline(outline::itemAt);
            context.useMacroInputs(macros::regionOf);
            context.useComments(comments);
            if (source.otherEncoding().isPresent()) {
                context.report(parseErrorCheck, 0, 0, "the file is " + source.otherEncoding().get()
                        + ", not UTF-8, which rustc rejects; it was read as " + source.otherEncoding().get());
            } else if (!source.validUtf8()) {
                context.report(parseErrorCheck, 0, 0,
                        "the file is not valid UTF-8, which rustc rejects; invalid bytes were read as U+FFFD");
            }
            List<UnsafeSite> sites = new ArrayList<>();
            RegionSet.Builder unsafeScopes = RegionSet.builder();
            for (SyntaxMatch match : matches) {
                checkBudget();
                FileCheck owner = owners[match.patternIndex()];
                if (owner != null) {
                    owner.onMatch(match, context);
                    continue;
                }
                for (Capture capture : match.captures()) {
                    engineCapture(capture, sites, unsafeScopes, outline);
                }
            }
            countUnsafeExpressions(unsafeScopes.build());
            context.keepOutermost(PARSE_ERROR, MAX_PARSE_ERRORS);
            FileOutline fileOutline = new FileOutline(outline.items(), outline.modules(), outline.uses(),
                    outline.includes(), lintSettings, metrics.get(Metric.CRATE_DOCS) > 0, fileDocHidden, fileTestOnly,
                    allowsUnsafeCode);
            return new FileResult(metrics.asMap(), testCodeLines, List.copyOf(sites),
                    suppress(context.findings()), true, fileOutline);
        }

        /** Every so often, whether the file's time is up: the Java passes hold the budget too. */
        private void checkBudget() {
            if ((++steps & 0x3FF) == 0 && budget.exhausted()) {
                throw new BudgetExhausted();
            }
        }

        private void outerAttribute(SyntaxNode attribute) {
            String text = source.slice(FileContext.start(attribute), FileContext.end(attribute));
            String attributePath = Attributes.path(text);
            outerAttributePaths.add(attributePath);
            boolean testMarker = Attributes.isTestMarker(text);
            boolean cfgTest = Attributes.isCfgTest(text);
            Optional<LintLevel> level = LintLevel.named(attributePath);
            boolean noMangle = attributePath.equals("no_mangle") || attributePath.equals("export_name");
            if (!testMarker && !cfgTest && level.isEmpty() && !noMangle) {
                return;
            }
            Optional<SyntaxNode> item = followingItem(attribute);
            if (item.isEmpty()) {
                return;
            }
            SyntaxNode target = item.get();
            int start = FileContext.start(attribute);
            int end = FileContext.end(target);
            if (testMarker || cfgTest) {
                testRegionBuilder.add(start, end);
                boolean geigerTest = attributePath.equals("test") && target.getType().equals("function_item");
                boolean geigerCfgTest = cfgTest && target.getType().equals("mod_item")
                        && Attributes.arguments(text).equals(List.of("test"));
                if (geigerTest || geigerCfgTest) {
                    geigerSkippedBuilder.add(start, end);
                }
                if (testMarker && target.getType().equals("function_item")) {
                    metrics.increment(Metric.TEST_FNS);
                }
            }
            level.ifPresent(lintLevel -> lintAttribute(lintLevel, text, start, end, false));
            if (noMangle && target.getType().equals("function_item")) {
                noMangleFunctions.add(target.getId());
            }
        }

        private void innerAttribute(SyntaxNode attribute) {
            String text = source.slice(FileContext.start(attribute), FileContext.end(attribute));
            String attributePath = Attributes.path(text);
            List<String> arguments = Attributes.arguments(text);
            Optional<SyntaxNode> parent = attribute.getParent();
            boolean fileLevel = parent.isEmpty() || parent.get().getType().equals("source_file");
            Optional<LintLevel> level = LintLevel.named(attributePath);
            if (level.isPresent()) {
                // An inner attribute covers what encloses it: the file, an inline module, a block.
                int start = fileLevel ? 0 : FileContext.start(parent.get());
                int end = fileLevel ? source.length() : FileContext.end(parent.get());
                lintAttribute(level.get(), text, start, end, fileLevel);
            }
            if (!fileLevel) {
                return; // an inline module's own attributes say nothing about the file
            }
            switch (attributePath) {
                case "forbid", "deny", "warn" -> {
                    if (arguments.contains("clippy::pedantic")) {
                        metrics.set(Metric.PEDANTIC_ENABLED, true);
                    }
                }
                case "doc" -> {
                    if (Attributes.body(text).substring(3).stripLeading().startsWith("=")) {
                        metrics.set(Metric.CRATE_DOCS, true);
                    } else if (arguments.contains("hidden")) {
                        fileDocHidden = true;
                    }
                }
                case "cfg" -> fileTestOnly |= Attributes.isCfgTest(text);
                default -> {
                }
            }
        }

        /** A lint-level attribute: the setting it makes over its region, and the allow metrics. */
        private void lintAttribute(LintLevel level, String text, int start, int end, boolean fileLevel) {
            List<String> arguments = Attributes.arguments(text);
            List<String> lints = arguments.stream().filter(argument -> !argument.startsWith("reason")).toList();
            if (level.silences()) {
                metrics.increment(Metric.ALLOW_ATTRIBUTES);
                if (lints.size() == arguments.size()) {
                    metrics.increment(Metric.ALLOWS_WITHOUT_REASON);
                }
                metrics.add(Metric.CLIPPY_ALLOWS, lints.stream().filter(lint -> lint.startsWith("clippy::")).count());
            }
            if (level != LintLevel.DENY && level != LintLevel.FORBID && lints.contains("unsafe_code")) {
                allowsUnsafeCode = true;
            }
            if (!lints.isEmpty()) {
                int last = Math.max(start, end);
                lintSettings.add(new LintSetting(level, lints, fileLevel, source.line(start), source.column(start),
                        fileLevel ? source.lineCount() + 1 : source.line(last), fileLevel ? 1 : source.column(last)));
            }
        }

        private void comment(CommentScanner.Span span) {
            int start = span.start();
            int end = span.end();
            commentRanges.add(new int[] {start, end});
            String text = source.slice(start, end);
            int line = source.line(start);
            Set<String> ids = Suppression.idsAllowedIn(text);
            if (!ids.isEmpty()) {
                // The comment's own line (a trailing comment) and the line after it.
                commentSuppressions.computeIfAbsent(line, key -> new HashSet<>()).addAll(ids);
                commentSuppressions.computeIfAbsent(source.line(Math.max(start, end - 1)) + 1,
                        key -> new HashSet<>()).addAll(ids);
            }
            Comment comment = new Comment(text, start, line, line);
            if (comment.isOuterDoc() || comment.isInnerDoc()) {
                countDoctests(comment.body());
                if (comment.isInnerDoc() && span.braceDepth() == 0) {
                    metrics.set(Metric.CRATE_DOCS, true);
                }
            }
        }

        /** Doctests in one doc comment line (or block): code fences whose info string rustdoc runs. */
        private boolean inFence;

        private void countDoctests(String docBody) {
            if (!inFence && !docBody.contains("```") && !docBody.contains("~~~")) {
                return;
            }
            for (String raw : docBody.lines().toList()) {
                String line = raw.strip();
                if (line.startsWith("* ")) {
                    line = line.substring(2).strip();
                }
                if (!line.startsWith("```") && !line.startsWith("~~~")) {
                    continue;
                }
                if (inFence) {
                    inFence = false;
                } else {
                    inFence = true;
                    if (Doctests.runs(line.substring(3))) {
                        metrics.increment(Metric.DOCTESTS);
                    }
                }
            }
        }

        private long countLines() {
            commentRanges.sort((a, b) -> Integer.compare(a[0], b[0]));
            long code = 0;
            long comments = 0;
            long blank = 0;
            long testCode = 0;
            int commentIndex = 0;
            String text = source.text();
            int lines = source.lineCount();
            if (text.endsWith("\n")) {
                lines--;
            }
            for (int line = 1; line <= lines; line++) {
                int start = source.lineStart(line);
                int end = source.lineEnd(line);
                while (commentIndex < commentRanges.size() && commentRanges.get(commentIndex)[1] <= start) {
                    commentIndex++;
                }
                boolean sawComment = false;
                boolean sawCode = false;
                int index = commentIndex;
                int offset = start;
                while (offset < end && !sawCode) {
                    if (index < commentRanges.size() && offset >= commentRanges.get(index)[0]) {
                        if (offset < commentRanges.get(index)[1]) {
                            sawComment = true;
                            offset = commentRanges.get(index)[1];
                            continue;
                        }
                        index++;
                        continue;
                    }
                    if (!Character.isWhitespace(text.charAt(offset))) {
                        sawCode = true;
                    }
                    offset++;
                }
                if (sawCode) {
                    code++;
                    if (testRegions.contains(start) || testRegions.contains(firstNonBlank(text, start, end))) {
                        testCode++;
                    }
                } else if (sawComment) {
                    comments++;
                } else {
                    blank++;
                }
            }
            metrics.set(Metric.CODE_LINES, code);
            metrics.set(Metric.COMMENT_LINES, comments);
            metrics.set(Metric.BLANK_LINES, blank);
            return testCode;
        }

        private static int firstNonBlank(String text, int start, int end) {
            int offset = start;
            while (offset < end && Character.isWhitespace(text.charAt(offset))) {
                offset++;
            }
            return offset;
        }

        private void engineCapture(Capture capture, List<UnsafeSite> sites, RegionSet.Builder unsafeScopes,
                OutlineReader outline) {
            SyntaxNode node = capture.node();
            int start = FileContext.start(node);
            boolean inTest = testRegions.contains(start);
            // cargo-geiger's syn visitor does not look inside macro invocations: nor do its figures here.
            boolean geiger = node.getTree() == tree && !geigerSkipped.contains(start);
            switch (capture.name()) {
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
                        geigerFunction(node, unsafeScopes);
                    }
                }
                case Captures.ITEM_IMPL -> {
                    if (geiger) {
                        boolean unsafe = hasUnsafeKeyword(node);
                        metrics.increment(unsafe ? Metric.GEIGER_IMPLS_UNSAFE : Metric.GEIGER_IMPLS_SAFE);
                    }
                }
                case Captures.ITEM_TRAIT -> {
                    if (geiger) {
                        boolean unsafe = hasUnsafeKeyword(node);
                        metrics.increment(unsafe ? Metric.GEIGER_TRAITS_UNSAFE : Metric.GEIGER_TRAITS_SAFE);
                    }
                }
                case Captures.OUTLINE_MODULE -> outline.moduleInFunction(node);
                case Captures.OUTLINE_INCLUDE -> outline.include(node);
                default -> {
                }
            }
        }

        private UnsafeSite site(UnsafeSite.Kind kind, int offset, boolean inTest) {
            return new UnsafeSite(kind, path, source.line(offset), source.column(offset), inTest);
        }

        private boolean hasUnsafeKeyword(SyntaxNode item) {
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

        private void geigerFunction(SyntaxNode function, RegionSet.Builder unsafeScopes) {
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
        private void countUnsafeExpressions(RegionSet scopes) {
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

        private Optional<SyntaxNode> followingItem(SyntaxNode attribute) {
            Optional<SyntaxNode> next = attribute.getNextNamedSibling();
            while (next.isPresent() && TRIVIA.contains(next.get().getType())) {
                next = next.get().getNextNamedSibling();
            }
            return next;
        }

        private List<Finding> suppress(List<Finding> findings) {
            List<Finding> result = new ArrayList<>(findings.size());
            for (Finding finding : findings) {
                Suppression suppression = suppressionOf(finding);
                result.add(suppression == Suppression.NONE ? finding : finding.withSuppression(suppression));
            }
            return result;
        }

        private Suppression suppressionOf(Finding finding) {
            // Lint attributes are weighed once the file is placed: the modules above it have their say.
            Set<String> byComment = commentSuppressions.get(finding.line());
            return byComment != null && byComment.contains(finding.checkId()) ? Suppression.COMMENT : Suppression.NONE;
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
