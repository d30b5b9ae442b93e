package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.advisories.AdvisoryRules;
import dev.rustlens.analysis.check.Captures;
import dev.rustlens.analysis.check.Check;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.FileCheck;
import dev.rustlens.parser.RustGrammar;
import io.github.treesitter.jtreesitter.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every check is complete: registered, with its query, its documentation and both kinds of fixture. */
@Tag("fast")
class CheckCatalogueTest {

    private static final Path QUERIES = Path.of("src/main/resources/checks");
    private static final Path DOCS = Path.of("docs/checks");
    private static final Path FIXTURES = Path.of("src/test/resources/checks");
    private static final Path CLASSES = Path.of("target/classes/dev/rustlens/analysis/checks");
    private static final List<String> DOC_HEADINGS = List.of("### What it does", "### Why is this bad?", "### Example",
            "Use instead:", "### How to fix", "### Suppression", "### Known problems");

    /** A lint in {@code allow(..)}, not rustlens's own comment {@code rustlens:allow(<id>)}. */
    private static final Pattern ALLOWED_LINT = Pattern.compile("(?<!rustlens:)allow\\(([a-z_]+(?:::[a-z_]+)?)\\)");

    private static CheckCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = CheckCatalogue.load();
    }

    @AfterAll
    static void close() {
        catalogue.close();
    }

    private static Set<String> ids() {
        return catalogue.checks().stream().map(Check::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Path directory, String suffix) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyCheckClassIsRegistered() throws IOException, ClassNotFoundException {
        Set<String> classes = new TreeSet<>();
        for (String name : names(CLASSES, "Check.class")) {
            Class<?> type = Class.forName("dev.rustlens.analysis.checks." + name + "Check");
            if (!java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                classes.add(name);
            }
        }
        Set<String> registered = catalogue.checks().stream().map(check -> check.getClass().getSimpleName())
                .map(name -> name.substring(0, name.length() - "Check".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(classes, registered, "META-INF/services/dev.rustlens.analysis.check.Check lists every check class");
    }

    @Test
    void everyCheckHasItsQueryDocAndFixtures() throws IOException {
        Set<String> fileCheckIds = catalogue.fileChecks().stream().map(Check::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fileCheckIds, names(QUERIES, ""), "a query folder for each file check, and no other");
        for (String id : fileCheckIds) {
            assertTrue(Files.isRegularFile(QUERIES.resolve(id).resolve("query.scm")), id + " has query.scm");
        }
        Set<String> documented = new TreeSet<>(ids());
        AdvisoryRules.ALL.forEach(rule -> documented.add(rule.id()));
        assertEquals(documented, names(DOCS, ".md"), "a doc page for each check and advisory rule, and no other");
        assertEquals(ids(), names(FIXTURES, ""), "a fixture folder for each check, and no other");
        for (String id : ids()) {
            Set<String> fixtures = names(FIXTURES.resolve(id), "");
            assertTrue(fixtures.stream().anyMatch(name -> name.startsWith("flagged-")), id + " has a flagged fixture");
            assertTrue(fixtures.stream().anyMatch(name -> name.startsWith("clean-")), id + " has a clean fixture");
        }
    }

    @Test
    void everyDocFollowsTheTemplate() throws IOException {
        for (CheckInfo rule : catalogue.rules()) {
            List<String> lines = Files.readAllLines(DOCS.resolve(rule.id() + ".md"));
            assertEquals("# " + rule.id(), lines.get(0), rule.id());
            assertEquals(rule.title(), lines.get(1), rule.id() + ": the doc's second line is the title");
            assertEquals("Category: " + rule.category() + " · Default severity: " + rule.severity()
                    + " · Test code: " + (rule.exemptInTests() ? "exempt" : "checked"), lines.get(3),
                    rule.id() + ": the doc's fourth line is the check's metadata");
            String text = String.join("\n", lines);
            for (String heading : DOC_HEADINGS) {
                assertTrue(text.contains(heading), rule.id() + " doc has " + heading);
            }
            // An advisory is about a locked version, not a line of code: a triage mark is what sets it aside.
            String suppression = AdvisoryRules.isAdvisoryRule(rule.id()) ? "triage" : "rustlens:allow(" + rule.id() + ")";
            assertTrue(text.contains(suppression), rule.id() + " doc says how to suppress it");
        }
    }

    @Test
    void everyDocNamesExactlyTheLintsThatSuppressItsCheck() throws IOException {
        for (Check check : catalogue.checks()) {
            String text = Files.readString(DOCS.resolve(check.id() + ".md"));
            int start = text.indexOf("### Suppression");
            int end = text.indexOf("\n### ", start);
            Matcher allowed = ALLOWED_LINT.matcher(text.substring(start, end < 0 ? text.length() : end));
            Set<String> named = new TreeSet<>();
            while (allowed.find()) {
                named.add(allowed.group(1));
            }
            assertEquals(new TreeSet<>(check.info().lints()), named,
                    check.id() + ": the lints its page's Suppression section allows are its CheckInfo's lints");
        }
    }

    @Test
    void checkQueriesUseOnlyTheCaptureVocabulary() {
        for (FileCheck check : catalogue.fileChecks()) {
            try (Query query = new Query(RustGrammar.language(), CheckCatalogue.queryOf(check))) {
                for (String name : query.getCaptureNames()) {
                    assertTrue(Captures.allowedInCheck(name), check.id() + " uses @" + name);
                }
            }
        }
    }

    @Test
    void everyQueryFragmentIsIncludedAndExpanded() throws IOException {
        Set<String> included = new TreeSet<>();
        Pattern include = Pattern.compile("(?m)^;; include ([a-z_]+)$");
        for (FileCheck check : catalogue.fileChecks()) {
            Matcher line = include.matcher(Files.readString(QUERIES.resolve(check.id()).resolve("query.scm")));
            while (line.find()) {
                included.add(line.group(1));
            }
            assertTrue(!CheckCatalogue.queryOf(check).contains(";; include"), check.id() + ": every include is expanded");
        }
        assertEquals(names(Path.of("src/main/resources/analysis/fragments"), ".scm"), included,
                "each fragment is included by some check, and each include names a fragment");
    }

    @Test
    void engineQueriesUseOnlyTheEngineVocabulary() throws IOException {
        for (String resource : List.of("analysis/engine.scm", "analysis/expressions.scm")) {
            try (Query query = new Query(RustGrammar.language(),
                    Files.readString(Path.of("src/main/resources").resolve(resource)))) {
                for (String name : query.getCaptureNames()) {
                    // Names starting with `_` serve predicates only, as in check queries.
                    assertTrue(Captures.ENGINE.contains(name) || name.startsWith("_"), resource + " uses @" + name);
                }
            }
        }
    }

    /** The catalogue's table in docs/checks.md, as the checks' metadata makes it. */
    static String catalogueTable(List<CheckInfo> rules) {
        StringBuilder table = new StringBuilder("| id | category | severity | test code |\n|---|---|---|---|\n");
        for (CheckInfo rule : rules) {
            table.append("| [`").append(rule.id()).append("`](checks/").append(rule.id()).append(".md): ")
                    .append(rule.title()).append(" | ").append(rule.category()).append(" | ")
                    .append(rule.severity()).append(" | ")
                    .append(rule.exemptInTests() ? "exempt" : "checked").append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theCatalogueTableListsEveryCheckAsItsMetadataSays() throws IOException {
        // Rewrite the table on purpose with -Drustlens.bless=true (as clippy's UI tests bless).
        Path doc = Path.of("docs/checks.md");
        String text = Files.readString(doc);
        int start = text.indexOf("| id | category | severity | test code |");
        int end = text.indexOf("\n\n", start) + 1;
        String table = catalogueTable(catalogue.rules());
        if (Boolean.getBoolean("rustlens.bless")) {
            Files.writeString(doc, text.substring(0, start) + table + text.substring(end));
            return;
        }
        assertEquals(table, text.substring(start, end), "docs/checks.md's table (regenerate: -Drustlens.bless=true)");
    }
}
