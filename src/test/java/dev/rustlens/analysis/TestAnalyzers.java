package dev.rustlens.analysis;

/**
 * One check catalogue for every analysis test of the JVM, compiled once; it is left for the JVM's
 * exit to free, as tests share it across classes.
 */
final class TestAnalyzers {

    static final CheckCatalogue CATALOGUE = CheckCatalogue.load();

    private TestAnalyzers() {
    }

    /** An analyzer over the shared catalogue; the caller closes it. */
    static Analyzer create(AnalyzerSettings settings) {
        return new Analyzer(CATALOGUE, settings);
    }
}
