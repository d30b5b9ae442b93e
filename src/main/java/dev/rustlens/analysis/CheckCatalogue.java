package dev.rustlens.analysis;

import dev.rustlens.analysis.advisories.AdvisoryRules;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.parser.RustGrammar;
import dev.rustlens.parser.SyntaxQuery;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every check with its compiled query. All file checks' patterns and the engine's own are
 * compiled into one query, so a file is matched in a single pass; the pattern index says whose
 * pattern matched. Built once at start-up and closed on shutdown.
 *
 * <p>The queries compile on threads of their own while the caller goes on (a scan lists its
 * files and reads its manifests meanwhile): compiling is about a third of a second, all of it
 * before the first file could be analysed. The first use of a query waits for them, and
 * {@link #awaitQueries()} waits on purpose, to fail at start-up when one does not compile.
 */
public final class CheckCatalogue implements AutoCloseable {

    /** Compiling a query recurses on the native stack: the threads get more than the default. */
    private static final long COMPILER_STACK = 16L << 20;
    /** A line of a check's query that stands for a shared pattern fragment. */
    private static final Pattern INCLUDE = Pattern.compile("(?m)^;; include ([a-z_]+)\\R");

    private final List<Check> checks;
    private final java.util.Map<String, Check> checksById = new java.util.HashMap<>();
    private final List<FileCheck> fileChecks;
    private final List<CrateCheck> crateChecks;
    /**
     * A pattern asserting this property ({@code (#is? only-with-syntax-errors)}) can only match
     * in a tree with syntax errors, and is not searched for in the others: {@code (MISSING)} can
     * start at any node, so with it the query would run at every node of every tree.
     */
    static final String ONLY_WITH_SYNTAX_ERRORS = "only-with-syntax-errors";

    /** Read on first use: a one-shot scan reads it after its first file. */
    private volatile String analyzerVersion;
    private final CompletableFuture<CompiledQueries> queries;

    /**
     * Builds the catalogue of the given checks and starts compiling their queries; a query that
     * does not compile names its check when the queries are first used.
     */
    public CheckCatalogue(List<Check> checks) {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(Check::id));
        Set<String> ids = new HashSet<>();
        for (Check check : sorted) {
            if (!ids.add(check.id())) {
                throw new IllegalStateException("two checks share the id " + check.id());
            }
        }
        this.checks = List.copyOf(sorted);
        sorted.forEach(check -> checksById.put(check.id(), check));
        this.fileChecks = sorted.stream().filter(FileCheck.class::isInstance).map(FileCheck.class::cast).toList();
        this.crateChecks = sorted.stream().filter(CrateCheck.class::isInstance).map(CrateCheck.class::cast).toList();

        StringBuilder source = new StringBuilder(resource("analysis/engine.scm"));
        List<Integer> segmentStarts = new ArrayList<>();
        for (FileCheck check : fileChecks) {
            String query = queryOf(check);
            source.append('\n');
            segmentStarts.add(source.toString().getBytes(StandardCharsets.UTF_8).length);
            source.append(query);
        }
        String combined = source.toString();
        String expressions = resource("analysis/expressions.scm");
        this.queries = CompletableFuture.supplyAsync(
                () -> CompiledQueries.compileAll(combined, segmentStarts, fileChecks, expressions), CheckCatalogue::compilerThread);
    }

    /**
     * The patterns compiled: the combined query, with a runner for trees with syntax errors and
     * one for clean trees, and the expression query.
     */
    private record CompiledQueries(Query combined, Query expressions,
            SyntaxQuery combinedRunner, SyntaxQuery cleanTreeRunner, SyntaxQuery expressionRunner,
            QueryPredicates predicates, FileCheck[] ownerByPattern) {

        static CompiledQueries compileAll(String source, List<Integer> segmentStarts, List<FileCheck> fileChecks,
                String expressionSource) {
            // The expression query compiles beside the combined one: the compilations are independent.
            CompletableFuture<Query> expressionCompilation = CompletableFuture.supplyAsync(
                    () -> compile("analysis/expressions.scm", expressionSource), CheckCatalogue::compilerThread);
            Query combined = compileCombined(source, fileChecks);
            Query expressions = join(expressionCompilation);
            boolean[] needsErrors = new boolean[combined.getPatternCount()];
            for (int pattern = 0; pattern < needsErrors.length; pattern++) {
                needsErrors[pattern] = combined.getPatternAssertions(pattern, true).containsKey(ONLY_WITH_SYNTAX_ERRORS);
            }
            FileCheck[] ownerByPattern = new FileCheck[combined.getPatternCount()];
            for (int pattern = 0; pattern < ownerByPattern.length; pattern++) {
                int start = combined.startByteForPattern(pattern);
                for (int i = segmentStarts.size() - 1; i >= 0; i--) {
                    if (start >= segmentStarts.get(i)) {
                        ownerByPattern[pattern] = fileChecks.get(i);
                        break;
                    }
                }
            }
            // In a clean tree the patterns that need syntax errors cannot match, so its runner
            // leaves their roots out and runs only where the other patterns start.
            return new CompiledQueries(combined, expressions,
                    new SyntaxQuery(combined, source, pattern -> true),
                    new SyntaxQuery(combined, source, pattern -> !needsErrors[pattern]),
                    new SyntaxQuery(expressions, expressionSource, pattern -> true),
                    QueryPredicates.of(combined, source), ownerByPattern);
        }

        void close() {
            combined.close();
            expressions.close();
        }
    }

    private static void compilerThread(Runnable task) {
        Thread thread = new Thread(null, task, "rustlens-query-compiler", COMPILER_STACK);
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of a compilation, or the exception that stopped it as it was thrown. */
    private static <T> T join(CompletableFuture<T> compilation) {
        try {
            return compilation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits until the queries are compiled.
     *
     * @return this catalogue
     * @throws IllegalStateException naming the check whose query does not compile
     */
    public CheckCatalogue awaitQueries() {
        join(queries);
        return this;
    }

    /** The version under which this catalogue's file results are cached ({@link AnalyzerVersion}). */
    public String analyzerVersion() {
        String version = analyzerVersion;
        if (version == null) {
            // Threads racing here read the same value.
            version = AnalyzerVersion.current();
            analyzerVersion = version;
        }
        return version;
    }

    /** The checks registered as services of {@link Check}. */
    public static CheckCatalogue load() {
        List<Check> found = new ArrayList<>();
        ServiceLoader.load(Check.class, CheckCatalogue.class.getClassLoader()).forEach(found::add);
        return new CheckCatalogue(found);
    }

    /**
     * The query text of a file check, each {@code ;; include NAME} line replaced by the pattern
     * fragment {@code analysis/fragments/NAME.scm}: checks that match the same shape share it
     * instead of keeping copies that could drift apart.
     */
    public static String queryOf(FileCheck check) {
        String query = resource("checks/" + check.id() + "/query.scm");
        return INCLUDE.matcher(query).replaceAll(
                include -> Matcher.quoteReplacement(resource("analysis/fragments/" + include.group(1) + ".scm")));
    }

    /**
     * A check's documentation (CommonMark), packed into the jar from {@code docs/checks/<id>.md};
     * empty for an id without one.
     */
    public static Optional<String> documentation(String id) {
        try (InputStream doc = CheckCatalogue.class.getClassLoader().getResourceAsStream("check-docs/" + id + ".md")) {
            return doc == null ? Optional.empty() : Optional.of(new String(doc.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the documentation of check " + id, e);
        }
    }

    /**
     * Compiles all patterns as one query. Only when that fails is each check's query compiled on
     * its own, to name the check at fault: compiling them all twice cost a tenth of a second at
     * every start. (The capture vocabulary of each check is verified by CheckCatalogueTest.)
     */
    private static Query compileCombined(String source, List<FileCheck> fileChecks) {
        try {
            return new Query(RustGrammar.language(), source);
        } catch (QueryError e) {
            for (FileCheck check : fileChecks) {
                try {
                    new Query(RustGrammar.language(), queryOf(check)).close();
                } catch (QueryError checkError) {
                    throw new IllegalStateException("check " + check.id() + ": its query does not compile: "
                            + checkError.getMessage(), checkError);
                }
            }
            throw new IllegalStateException("the combined check query does not compile: " + e.getMessage(), e);
        }
    }

    private static Query compile(String what, String source) {
        try {
            return new Query(RustGrammar.language(), source);
        } catch (QueryError e) {
            throw new IllegalStateException(what + " does not compile: " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = CheckCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    public List<Check> checks() {
        return checks;
    }

    public List<FileCheck> fileChecks() {
        return fileChecks;
    }

    public List<CrateCheck> crateChecks() {
        return crateChecks;
    }

    public Optional<Check> byId(String id) {
        return Optional.ofNullable(checksById.get(id));
    }

    /**
     * The metadata of every rule a finding may name: the checks', then the advisory rules that the
     * server applies to a scan's lock files ({@link AdvisoryRules}).
     */
    public List<CheckInfo> rules() {
        return java.util.stream.Stream.concat(checks.stream().map(Check::info), AdvisoryRules.ALL.stream()).toList();
    }

    /** A rule's metadata by id: a check's or an advisory rule's. */
    public Optional<CheckInfo> ruleById(String id) {
        return byId(id).map(Check::info)
                .or(() -> AdvisoryRules.ALL.stream().filter(rule -> rule.id().equals(id)).findFirst());
    }

    /** The combined query for a tree: with or without the patterns that need syntax errors to match. */
    SyntaxQuery combinedQuery(boolean treeHasErrors) {
        CompiledQueries compiled = join(queries);
        return treeHasErrors ? compiled.combinedRunner() : compiled.cleanTreeRunner();
    }

    /** The text predicates of the combined query's patterns. */
    QueryPredicates predicates() {
        return join(queries).predicates();
    }

    SyntaxQuery expressionQuery() {
        return join(queries).expressionRunner();
    }

    /** For each pattern of the combined query: its check, or null for an engine pattern. */
    FileCheck[] ownersByPattern() {
        return join(queries).ownerByPattern();
    }

    @Override
    public void close() {
        try {
            join(queries).close();
        } catch (RuntimeException e) {
            // Nothing was compiled, so nothing is left to close.
        }
    }
}
