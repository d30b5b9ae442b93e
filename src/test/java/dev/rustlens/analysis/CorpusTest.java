package dev.rustlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rustlens.analysis.check.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus (../shared/corpus/install.sh, which .ci/run runs): every crate is analysed,
 * and no file that rustc accepts is left with a syntax error (issue 17: the grammar's misreadings
 * of valid code are rewritten, see SyntaxRecovery and the parse_error check's page).
 */
class CorpusTest {

    static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    /** The package directories (those with a Cargo.toml) in a directory, by name. */
    static List<Path> packages(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> Files.exists(entry.resolve("Cargo.toml"))).sorted().toList();
        }
    }

    @Test
    void noCrateOfTheCorpusHasASyntaxErrorLeft() throws Exception {
        List<Path> crates;
        try {
            crates = packages(REGISTRY);
        } catch (java.nio.file.NoSuchFileException e) {
            crates = List.of();
        }
        assumeTrue(crates.size() >= 100, "the corpus is installed by ../shared/corpus/install.sh (.ci/run runs it)");
        List<String> errors = new ArrayList<>();
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            for (Path crate : crates) {
                for (CrateResult result : analyzer.analyze(crate).crates()) {
                    for (Finding finding : result.findings()) {
                        if (finding.checkId().equals(FileAnalyzer.PARSE_ERROR)) {
                            errors.add(crate.getFileName() + "/" + finding.path() + ":" + finding.line() + " " + finding.message());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), errors);
    }
}
