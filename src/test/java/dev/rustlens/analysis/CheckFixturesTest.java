package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustlens.analysis.check.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one shared verifier of every check's fixtures. A fixture {@code flagged-*.rs} or
 * {@code clean-*.rs} is analysed as the {@code src/lib.rs} of a one-file crate; a fixture
 * directory is analysed as a whole repository. Lines marked {@code ~ finding: <id>} must get an
 * active finding of that check, lines marked {@code ~ suppressed: <id>} a suppressed one, and no
 * other line may get a finding of the check under test. Beside each fixture, {@code <fixture>.expected}
 * pins every finding of the check under test with its column span and message, as clippy's UI
 * tests pin their output: rewrite them on purpose with {@code -Drustlens.bless=true}.
 */
@Tag("fast")
class CheckFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/checks");
    private static final Pattern MARKER = Pattern.compile("~ (finding|suppressed): ([a-z0-9_, ]+)");

    private static Analyzer analyzer;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        analyzer = TestAnalyzers.create(AnalyzerSettings.defaults().withCoreModules(List.of("core_module")));
    }

    @AfterAll
    static void stop() {
        analyzer.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureYieldsExactlyItsMarkedFindings() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> checks = Files.list(FIXTURES)) {
            for (Path checkDir : checks.sorted().toList()) {
                String checkId = checkDir.getFileName().toString();
                try (Stream<Path> fixtures = Files.list(checkDir)) {
                    for (Path fixture : fixtures.filter(path -> !path.toString().endsWith(".expected")).sorted().toList()) {
                        tests.add(DynamicTest.dynamicTest(checkId + "/" + fixture.getFileName(),
                                () -> verify(checkId, fixture)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void noExpectedOutputOutlivesItsFixture() throws IOException {
        Set<Path> pinned = new TreeSet<>();
        Set<Path> orphans = new TreeSet<>();
        try (Stream<Path> files = Files.walk(FIXTURES, 2)) {
            for (Path file : files.filter(path -> path.getNameCount() == FIXTURES.getNameCount() + 2).toList()) {
                if (file.toString().endsWith(".expected")) {
                    orphans.add(file);
                } else {
                    pinned.add(expectedOutput(file));
                }
            }
        }
        // A fixture renamed or removed would otherwise leave its expectations behind, checked by nothing.
        orphans.removeAll(pinned);
        assertEquals(Set.of(), orphans, "expected outputs whose fixture is gone");
    }

    private static void verify(String checkId, Path fixture) throws Exception {
        Path repository;
        if (Files.isDirectory(fixture)) {
            repository = fixture;
        } else {
            repository = TestCrates.libCrate(work, Files.readString(fixture));
        }
        AnalysisResult result = analyzer.analyze(repository);
        Set<String> expected = new TreeSet<>();
        Set<String> actual = new TreeSet<>();
        try (Stream<Path> files = Files.walk(repository)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = Files.isDirectory(fixture) ? repository.relativize(file).toString() : "src/lib.rs";
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = MARKER.matcher(lines.get(i));
                    while (matcher.find()) {
                        for (String id : matcher.group(2).split(",")) {
                            if (id.strip().equals(checkId)) {
                                expected.add(path + ":" + (i + 1) + " " + matcher.group(1));
                            }
                        }
                    }
                }
            }
        }
        for (CrateResult crate : result.crates()) {
            for (Finding finding : crate.findings()) {
                if (finding.checkId().equals(checkId)) {
                    actual.add(finding.path() + ":" + finding.line() + " " + (finding.active() ? "finding" : "suppressed"));
                }
            }
        }
        String name = fixture.getFileName().toString();
        verifyExpectedOutput(checkId, fixture, result);
        if (name.startsWith("flagged-")) {
            assertFalse(expected.isEmpty(), "a flagged fixture must mark at least one finding");
        } else if (name.startsWith("clean-")) {
            assertFalse(expected.stream().anyMatch(e -> e.endsWith(" finding")), "a clean fixture marks no active finding");
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "findings of " + checkId + " in " + fixture);
    }

    /** The file beside a fixture that pins its findings: {@code flagged-x.rs} has {@code flagged-x.expected}. */
    static Path expectedOutput(Path fixture) {
        String name = fixture.getFileName().toString();
        return fixture.resolveSibling((name.endsWith(".rs") ? name.substring(0, name.length() - 3) : name) + ".expected");
    }

    private static void verifyExpectedOutput(String checkId, Path fixture, AnalysisResult result) throws IOException {
        StringBuilder actual = new StringBuilder();
        for (CrateResult crate : result.crates()) {
            for (Finding finding : crate.findings()) {
                if (finding.checkId().equals(checkId)) {
                    actual.append(finding.path()).append(':').append(finding.line()).append(':').append(finding.column())
                            .append('-').append(finding.endLine()).append(':').append(finding.endColumn())
                            .append(finding.active() ? "" : " [" + finding.suppression() + "]")
                            .append(finding.inTestCode() ? " [test]" : "").append(' ').append(finding.message())
                            .append('\n');
                }
            }
        }
        Path expected = expectedOutput(fixture);
        if (Boolean.getBoolean("rustlens.bless")) {
            Files.writeString(expected, actual.toString());
            return;
        }
        assertTrue(Files.exists(expected), expected + " pins the fixture's findings (write it with -Drustlens.bless=true)");
        assertEquals(Files.readString(expected), actual.toString(), "findings of " + checkId + " in " + fixture
                + ", with their columns and messages (bless on purpose with -Drustlens.bless=true)");
    }
}
