package dev.rustlens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.cargo.FileRole;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.check.Placement;
import dev.rustlens.analysis.check.Suppression;
import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.analysis.metric.Metric;
import dev.rustlens.analysis.metric.Metrics;
import dev.rustlens.analysis.module.LintLevels;
import dev.rustlens.analysis.module.ModuleTree.FilePlacement;
import dev.rustlens.analysis.module.ModuleTree;
import dev.rustlens.analysis.module.PublicApi;
import dev.rustlens.analysis.outline.ApiItem;
import dev.rustlens.analysis.outline.ApiKind;
import dev.rustlens.analysis.outline.FileOutline;
import dev.rustlens.analysis.outline.LintLevel;
import dev.rustlens.analysis.outline.LintSetting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds one crate's file results up once its module tree has placed every file: which target
 * reaches it, whether it is test code, what it exports, which lint levels reach each finding.
 * Files no target reaches are counted and left out.
 */
final class CrateAggregator {

    /** Summed over every file the crate's targets reach. */
    private static final List<Metric> FILE_SUMS = List.of(Metric.CODE_LINES, Metric.COMMENT_LINES, Metric.BLANK_LINES,
            Metric.TEST_FNS, Metric.ALLOW_ATTRIBUTES, Metric.CLIPPY_ALLOWS, Metric.ALLOWS_WITHOUT_REASON,
            Metric.LOOM_ITEMS);
    /** Summed over the files a non-test build compiles, as cargo-geiger counts. */
    private static final List<Metric> GEIGER_SUMS = List.of(Metric.UNSAFE_EXPRESSIONS, Metric.GEIGER_FUNCTIONS_SAFE,
            Metric.GEIGER_FUNCTIONS_UNSAFE, Metric.GEIGER_METHODS_SAFE, Metric.GEIGER_METHODS_UNSAFE,
            Metric.GEIGER_IMPLS_SAFE, Metric.GEIGER_IMPLS_UNSAFE, Metric.GEIGER_TRAITS_SAFE, Metric.GEIGER_TRAITS_UNSAFE);

    private static final Map<VerificationEvidence.Kind, Metric> EVIDENCE_METRICS = Map.of(
            VerificationEvidence.Kind.MIRI, Metric.EVIDENCE_MIRI, VerificationEvidence.Kind.FUZZING, Metric.EVIDENCE_FUZZING,
            VerificationEvidence.Kind.PROPERTY_TESTS, Metric.EVIDENCE_PROPERTY_TESTS,
            VerificationEvidence.Kind.LOOM, Metric.EVIDENCE_LOOM,
            VerificationEvidence.Kind.COMPILE_FAIL_TESTS, Metric.EVIDENCE_COMPILE_FAIL_TESTS,
            VerificationEvidence.Kind.SANITIZERS, Metric.EVIDENCE_SANITIZERS,
            VerificationEvidence.Kind.PLATFORMS, Metric.EVIDENCE_PLATFORMS,
            VerificationEvidence.Kind.COVERAGE, Metric.EVIDENCE_COVERAGE);

    private final CheckCatalogue catalogue;
    private final CrateInfo crate;
    private final List<String> coreModules;
    /** Whether the source is a repository (CI, Cargo.lock there to read), not a package archive. */
    private final boolean repositoryFiles;
    private final Metrics metrics = new Metrics();
    private final List<Finding> findings = new ArrayList<>();
    private final List<UnsafeSite> sites = new ArrayList<>();
    private final Set<String> testFiles = new HashSet<>();
    private final Map<String, List<TestSpan>> testSpans = new HashMap<>();

    CrateAggregator(CheckCatalogue catalogue, CrateInfo crate, List<String> coreModules, boolean repositoryFiles) {
        this.catalogue = catalogue;
        this.crate = crate;
        this.coreModules = List.copyOf(coreModules);
        this.repositoryFiles = repositoryFiles;
    }

    /**
     * The crate's result.
     *
     * @param crateFiles the crate's {@code .rs} files with their results
     * @param context builds the crate checks' context from the summed metrics and the unlinked files
     */
    CrateResult aggregate(List<CrateFile> crateFiles, Map<String, FileResult> results, CrateChecksContext context) {
        Map<String, FileOutline> outlines = new LinkedHashMap<>();
        List<CrateFile> sorted = crateFiles.stream().sorted(Comparator.comparing(file -> file.file().path())).toList();
        sorted.forEach(file -> outlines.put(file.file().path(), results.get(file.file().path()).outline()));
        ModuleTree tree = ModuleTree.build(crate, outlines);
        PublicApi api = PublicApi.of(tree);
        JsonNode manifestLints = crate.manifest().lints(crate.workspace());

        for (CrateFile crateFile : sorted) {
            String path = crateFile.file().path();
            metrics.increment(Metric.FILES);
            Optional<FilePlacement> placement = tree.placement(path);
            if (placement.isEmpty()) {
                metrics.increment(Metric.UNLINKED_FILES);
                continue;
            }
            addFile(path, results.get(path), placement.get(), api, manifestLints);
        }
        metrics.set(Metric.LIBRARY_CODE_LINES, metrics.get(Metric.CODE_LINES) - metrics.get(Metric.TEST_CODE_LINES));
        metrics.set(Metric.FORBIDS_UNSAFE, forbidsUnsafe(tree, outlines, manifestLints));
        metrics.set(Metric.CRITERION, crate.manifest().hasDevDependency("criterion"));
        metrics.add(Metric.BENCH_TARGETS, declaredBenchesOutsideBenchesDir());
        applyManifestPedantic(manifestLints);

        CrateContext crateContext = context.create(metrics, tree.unlinkedFiles());
        metrics.set(Metric.REPOSITORY_FILES, repositoryFiles);
        metrics.set(Metric.CORE_MODULES, coreModules.stream().distinct().count());
        metrics.set(Metric.CI_CONFIGURATIONS, crateContext.ciConfigurations().size());
        for (VerificationEvidence evidence : crateContext.evidence()) {
            metrics.set(EVIDENCE_METRICS.get(evidence.kind()), true);
        }
        for (CrateCheck check : catalogue.crateChecks()) {
            if (repositoryFiles || !check.needsRepositoryFiles(crateContext)) {
                check.check(crateContext);
            }
        }
        crate.manifest().readError().ifPresent(error -> crateContext.report(
                catalogue.byId(FileAnalyzer.PARSE_ERROR).orElseThrow(), crate.manifest().path(),
                error + ": Cargo rejects this manifest; rustlens read the crate with Cargo's defaults"));
        findings.addAll(crateContext.findings());
        findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                .thenComparingInt(Finding::column).thenComparing(Finding::checkId));
        sites.sort(Comparator.comparing(UnsafeSite::path).thenComparingInt(UnsafeSite::line)
                .thenComparingInt(UnsafeSite::column));
        long active = findings.stream().filter(Finding::active).count();
        metrics.set(Metric.FINDINGS, active);
        metrics.set(Metric.SUPPRESSED_FINDINGS, findings.size() - active);
        return new CrateResult(crate, metrics, List.copyOf(findings), List.copyOf(sites),
                new TestCode(testFiles, testSpans), crateContext.evidence());
    }

    /** Makes the crate checks' context once the crate's metrics are summed. */
    @FunctionalInterface
    interface CrateChecksContext {
        CrateContext create(Metrics metrics, List<String> unlinkedFiles);
    }

    private void addFile(String path, FileResult result, FilePlacement placement, PublicApi api, JsonNode manifestLints) {
        FileRole role = placement.role();
        boolean testOnly = placement.testOnly() || role.isTestLike();
        Metrics file = Metrics.fromMap(result.metrics());
        for (Metric metric : FILE_SUMS) {
            metrics.add(metric, file.get(metric));
        }
        if (result.findings().stream().anyMatch(f -> f.checkId().equals(FileAnalyzer.PARSE_ERROR))) {
            metrics.increment(Metric.PARSE_ERRORS);
        }
        metrics.add(Metric.TEST_CODE_LINES, testOnly ? file.get(Metric.CODE_LINES) : result.testCodeLines());
        if (testOnly) {
            testFiles.add(path);
        } else if (!result.testSpans().isEmpty()) {
            testSpans.put(path, result.testSpans());
        }
        if (!testOnly) {
            GEIGER_SUMS.forEach(metric -> metrics.add(metric, file.get(metric)));
        }
        if (role == FileRole.LIBRARY && !testOnly) {
            metrics.add(Metric.DOCTESTS, file.get(Metric.DOCTESTS));
        }
        if (role == FileRole.TEST) {
            metrics.increment(Metric.INTEGRATION_TEST_FILES);
        }
        if (role == FileRole.BENCH && isBenchTarget(path)) {
            metrics.increment(Metric.BENCH_TARGETS);
        }
        if (crate.rootFiles().stream().findFirst().filter(path::equals).isPresent()) {
            metrics.set(Metric.PEDANTIC_ENABLED, file.get(Metric.PEDANTIC_ENABLED));
            metrics.set(Metric.CRATE_DOCS, file.get(Metric.CRATE_DOCS));
        }
        for (UnsafeSite site : result.unsafeSites()) {
            UnsafeSite placed = testOnly && !site.inTestCode()
                    ? new UnsafeSite(site.kind(), site.path(), site.line(), site.column(), true) : site;
            sites.add(placed);
            countSite(placed);
        }
        Placement checkPlacement = new Placement(role, placement.testOnly(), placement.modulePath(), coreModules,
                apiOf(path, result.outline(), api));
        for (Finding finding : result.findings()) {
            Finding placed = testOnly && !finding.inTestCode() ? finding.inTest() : finding;
            placed = weighLintLevels(placed, result.outline().lintSettings(), placement.inheritedLints(), manifestLints);
            Finding kept = placed;
            if (catalogue.byId(finding.checkId()).filter(FileCheck.class::isInstance).map(FileCheck.class::cast)
                    .map(check -> check.keep(kept, checkPlacement)).orElse(true)) {
                findings.add(placed);
            }
        }
        if (role == FileRole.LIBRARY) {
            countPublicApi(path, result.outline(), api);
        }
    }

    /** A finding its check's lints are allowed (or expected) for, where it stands, is suppressed. */
    private Finding weighLintLevels(Finding finding, List<LintSetting> inFile, List<LintSetting> inherited,
            JsonNode manifestLints) {
        if (!finding.active()) {
            return finding;
        }
        List<String> lints = catalogue.byId(finding.checkId()).map(check -> check.info().lints()).orElse(List.of());
        if (lints.isEmpty()) {
            return finding;
        }
        boolean silenced = LintLevels.at(inFile, inherited, manifestLints, finding.line(), finding.column(), lints)
                .map(LintLevel::silences).orElse(false);
        return silenced ? finding.withSuppression(Suppression.LINT_ATTRIBUTE) : finding;
    }

    /** The file's items in the crate's public API, by position, each with whether it is documented. */
    private static Map<Long, Boolean> apiOf(String path, FileOutline outline, PublicApi api) {
        Map<Long, Boolean> shown = new HashMap<>();
        for (int index = 0; index < outline.items().size(); index++) {
            ApiItem item = outline.items().get(index);
            if (api.shown(path, index)) {
                shown.put(Placement.position(item.line(), item.column()), api.documented(path, index));
            }
        }
        return shown;
    }

    private void countPublicApi(String path, FileOutline outline, PublicApi api) {
        for (int index = 0; index < outline.items().size(); index++) {
            ApiItem item = outline.items().get(index);
            // An unsafe trait binds its implementations whether or not the crate exports it.
            if (item.kind() == ApiKind.TRAIT && item.unsafe() && !item.testOnly() && !item.docHidden()) {
                metrics.increment(Metric.UNSAFE_API);
            }
            if (item.kind() == ApiKind.IMPL || !api.shown(path, index)) {
                continue;
            }
            boolean documented = api.documented(path, index);
            if (item.unsafe() && item.kind().isFunction()) {
                metrics.increment(Metric.UNSAFE_API);
            }
            metrics.increment(Metric.PUBLIC_ITEMS);
            if (documented) {
                metrics.increment(Metric.DOCUMENTED_PUBLIC_ITEMS);
            }
            if (item.kind().isFunction()) {
                metrics.increment(Metric.PUBLIC_FNS);
                if (item.hasExample()) {
                    metrics.increment(Metric.PUBLIC_FNS_WITH_EXAMPLE);
                }
            }
        }
    }

    /**
     * What {@code forbid(unsafe_code)} means: forbidden at the root (or in Cargo's lints), or
     * denied there with no module that allows it again (which a forbid would not let it do).
     */
    private boolean forbidsUnsafe(ModuleTree tree, Map<String, FileOutline> outlines, JsonNode manifestLints) {
        Optional<LintLevel> atRoot = crate.rootFiles().stream().findFirst().map(outlines::get)
                .flatMap(root -> root.lintSettings().stream()
                        .filter(setting -> setting.fileLevel() && setting.lints().contains("unsafe_code"))
                        .map(LintSetting::level).reduce((first, second) -> second));
        Optional<LintLevel> level = atRoot.or(() -> LintLevels.at(List.of(), List.of(), manifestLints, 1, 1,
                List.of("unsafe_code")));
        if (level.isEmpty()) {
            return false;
        }
        boolean allowedSomewhere = outlines.entrySet().stream()
                .anyMatch(entry -> tree.placement(entry.getKey()).isPresent() && entry.getValue().allowsUnsafeCode());
        return level.get() == LintLevel.FORBID || (level.get() == LintLevel.DENY && !allowedSomewhere);
    }

    private void countSite(UnsafeSite site) {
        if (site.inTestCode()) {
            metrics.increment(Metric.UNSAFE_IN_TESTS);
            return;
        }
        metrics.increment(switch (site.kind()) {
            case BLOCK -> Metric.UNSAFE_BLOCKS;
            case FUNCTION -> Metric.UNSAFE_FUNCTIONS;
            case METHOD -> Metric.UNSAFE_METHODS;
            case IMPL -> Metric.UNSAFE_IMPLS;
            case TRAIT -> Metric.UNSAFE_TRAITS;
            case EXTERN_BLOCK -> Metric.EXTERN_BLOCKS;
            case IN_MACRO -> Metric.UNSAFE_IN_MACROS;
        });
    }

    /** clippy::pedantic set in Cargo.toml ({@code [lints]} or the workspace's) counts like the crate attribute. */
    private void applyManifestPedantic(JsonNode lints) {
        JsonNode pedantic = lints.path("clippy").path("pedantic");
        String level = pedantic.isTextual() ? pedantic.asText() : pedantic.path("level").asText("");
        if (level.equals("warn") || level.equals("deny") || level.equals("forbid")) {
            metrics.set(Metric.PEDANTIC_ENABLED, true);
        }
    }

    private boolean isBenchTarget(String path) {
        String relative = crate.relativize(path);
        return (relative.startsWith("benches/") && relative.indexOf('/', "benches/".length()) < 0)
                || crate.manifest().targetPaths("bench").contains(relative);
    }

    private int declaredBenchesOutsideBenchesDir() {
        return (int) crate.manifest().targetPaths("bench").stream().filter(p -> !p.startsWith("benches/")).count();
    }
}
