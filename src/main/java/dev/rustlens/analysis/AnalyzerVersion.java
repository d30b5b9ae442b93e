package dev.rustlens.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The analyzer version: a digest of every source that decides what the analysis finds, worked
 * out by the build ({@code src/main/build/analyzer-version.sh}) over {@link #SOURCES}. File
 * results are cached under it, so a change to a check's code, a query, the engine, the grammar
 * or a dependency's version invalidates them by construction.
 */
public final class AnalyzerVersion {

    /**
     * The sources digested, relative to the project's root: the analysis and parser packages
     * (which import nothing else of the project, as AnalyzerVersionTest checks), their queries,
     * the native parser's sources and pins, and the build with its dependency versions.
     */
    public static final List<String> SOURCES = List.of("src/main/java/dev/rustlens/analysis",
            "src/main/java/dev/rustlens/parser", "src/main/resources/checks", "src/main/resources/analysis",
            "src/main/native", "pom.xml");

    private static final String RESOURCE = "dev/rustlens/analysis/analyzer-version.txt";

    private AnalyzerVersion() {
    }

    /** The version the build wrote. */
    public static String current() {
        try (InputStream in = AnalyzerVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the analysis was not built by Maven "
                        + "(src/main/build/analyzer-version.sh writes it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
