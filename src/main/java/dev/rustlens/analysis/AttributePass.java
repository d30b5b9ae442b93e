package dev.rustlens.analysis;

import dev.rustlens.analysis.check.Attributes;
import dev.rustlens.analysis.check.FileContext;
import dev.rustlens.analysis.check.RegionSet;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.outline.LintLevel;
import dev.rustlens.analysis.outline.LintSetting;
import dev.rustlens.analysis.source.SourceText;
import dev.rustlens.parser.SyntaxNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a file's attributes say, read before anything else: which regions are test code (and
 * which of them cargo-geiger skips), which fns are exported by {@code #[no_mangle]}, every
 * lint level with the region it covers, and the file's own {@code #![..]} settings. It adds the
 * attribute metrics (test fns, allows, clippy::pedantic, crate docs by attribute).
 */
final class AttributePass {

    private static final Set<String> TRIVIA = Set.of("attribute_item", "line_comment", "block_comment");
    private static final Pattern LOOM = Pattern.compile("\\bloom\\b");

    private final SourceText source;
    private final Metrics metrics;
    private final RegionSet.Builder testRegions = RegionSet.builder();
    /** Regions cargo-geiger leaves out: exactly {@code #[test]} fns and {@code #[cfg(test)]} modules. */
    private final RegionSet.Builder geigerSkipped = RegionSet.builder();
    private final Set<Long> noMangleFunctions = new HashSet<>();
    /** The paths of the file's outer attributes, for checks that look for one only where it occurs. */
    private final Set<String> outerAttributePaths = new HashSet<>();
    private final List<LintSetting> lintSettings = new ArrayList<>();
    private boolean fileTestOnly;
    private boolean fileDocHidden;
    private boolean allowsUnsafeCode;

    AttributePass(SourceText source, Metrics metrics) {
        this.source = source;
        this.metrics = metrics;
    }

    /** An outer attribute ({@code #[..]}): it speaks of the item that follows it. */
    void outer(SyntaxNode attribute) {
        String text = source.slice(FileContext.start(attribute), FileContext.end(attribute));
        String attributePath = Attributes.path(text);
        outerAttributePaths.add(attributePath);
        if (attributePath.equals("cfg") && LOOM.matcher(text).find()) {
            metrics.increment(Metric.LOOM_ITEMS);
        }
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
            testRegions.add(start, end);
            boolean geigerTest = attributePath.equals("test") && target.getType().equals("function_item");
            boolean geigerCfgTest = cfgTest && target.getType().equals("mod_item")
                    && Attributes.arguments(text).equals(List.of("test"));
            if (geigerTest || geigerCfgTest) {
                geigerSkipped.add(start, end);
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

    /** An inner attribute ({@code #![..]}): it speaks of what encloses it. */
    void inner(SyntaxNode attribute) {
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

    private static Optional<SyntaxNode> followingItem(SyntaxNode attribute) {
        Optional<SyntaxNode> next = attribute.getNextNamedSibling();
        while (next.isPresent() && TRIVIA.contains(next.get().getType())) {
            next = next.get().getNextNamedSibling();
        }
        return next;
    }

    RegionSet testRegions() {
        return testRegions.build();
    }

    RegionSet geigerSkipped() {
        return geigerSkipped.build();
    }

    Set<Long> noMangleFunctions() {
        return noMangleFunctions;
    }

    Set<String> outerAttributePaths() {
        return outerAttributePaths;
    }

    List<LintSetting> lintSettings() {
        return lintSettings;
    }

    boolean fileTestOnly() {
        return fileTestOnly;
    }

    boolean fileDocHidden() {
        return fileDocHidden;
    }

    boolean allowsUnsafeCode() {
        return allowsUnsafeCode;
    }
}
