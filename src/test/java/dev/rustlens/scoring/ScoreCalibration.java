package dev.rustlens.scoring;

import dev.rustlens.analysis.AnalysisResult;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.AnalyzerSettings;
import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.CrateResult;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.check.Finding;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.scan.Fingerprints;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores every crate of the corpus (Debian's packaged crates.io crates, scanned as the package
 * archives they are) and prints, in Markdown, the score and grade distribution, each rating's
 * distribution, and the ratings of well-known crates: the figures of docs/scoring.md. Not a
 * test; run it with {@code ./mvnw -q -o -Pcalibration process-test-classes} (options:
 * {@code -Dcalibration.args="--registry DIR --tsv FILE"}).
 */
public final class ScoreCalibration {

    /** The well-known crates docs/scoring.md shows, by directory name without the version. */
    private static final List<String> WELL_KNOWN = List.of("tokio", "hashbrown", "smallvec", "bytes", "crossbeam-utils",
            "once_cell", "memchr", "regex", "serde", "syn", "libc", "itoa", "lazy_static", "indexmap", "rustix",
            "parking_lot", "log", "unicode-ident");

    /** One scored crate. */
    private record Scored(String directory, SafetyScore score, boolean holdsUnsafe) {

        String name() {
            return directory.replaceFirst("-\\d[^-]*(-[a-z]+[.\\d]*)?$", "");
        }
    }

    private ScoreCalibration() {
    }

    public static void main(String[] args) throws Exception {
        Path registry = Path.of("/usr/share/cargo/registry");
        Path tsv = null;
        List<String> explained = List.of();
        // Maven passes -Dcalibration.args as one argument.
        List<String> options = Stream.of(args).flatMap(arg -> Stream.of(arg.trim().split("\\s+")))
                .filter(option -> !option.isEmpty()).toList();
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--registry" -> registry = Path.of(options.get(++i));
                case "--tsv" -> tsv = Path.of(options.get(++i));
                case "--explain" -> explained = List.of(options.get(++i).split(","));
                default -> throw new IllegalArgumentException("unknown option " + options.get(i)
                        + "; options: --registry DIR, --tsv FILE, --explain CRATE,..");
            }
        }
        List<Scored> scored = score(registry);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        report(scored, out);
        for (String name : explained) {
            scored.stream().filter(s -> s.name().equals(name) || s.directory().equals(name))
                    .forEach(s -> explain(s, out));
        }
        if (tsv != null) {
            writeTsv(scored, tsv);
        }
    }

    private static List<Scored> score(Path registry) throws IOException {
        List<Path> directories;
        try (Stream<Path> listed = Files.list(registry)) {
            directories = listed.filter(Files::isDirectory).sorted().toList();
        }
        List<Scored> scored = new ArrayList<>();
        try (CheckCatalogue catalogue = CheckCatalogue.load();
                Analyzer analyzer = new Analyzer(catalogue, AnalyzerSettings.defaults())) {
            for (Path directory : directories) {
                AnalysisResult result;
                try {
                    result = analyzer.analyze(new DirectorySourceTree(directory), Analyzer.ResultCache.NONE,
                            (done, total) -> {
                            });
                } catch (IOException | ManifestException | RuntimeException e) {
                    System.err.println(directory.getFileName() + ": not scored: " + e.getMessage());
                    continue;
                }
                for (CrateResult crate : result.crates()) {
                    if (crate.crate().directory().isEmpty()) {
                        Map<String, Long> metrics = crate.metrics().asMap();
                        scored.add(new Scored(directory.getFileName().toString(),
                                ScoreFormula.score(metrics, scoredFindings(crate)), ScoreFormula.holdsUnsafe(metrics)));
                    }
                }
            }
        }
        return scored;
    }

    /** The crate's findings as a scan stores them: fingerprinted, suppression and test code marked. */
    private static List<ScoredFinding> scoredFindings(CrateResult crate) {
        List<Finding> findings = crate.findings();
        List<String> fingerprints = Fingerprints.of(crate.crate().name(), findings);
        List<ScoredFinding> scored = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            scored.add(new ScoredFinding(finding.checkId(), fingerprints.get(i), finding.path(), !finding.active(),
                    finding.inTestCode(), false));
        }
        return scored;
    }

    private static void report(List<Scored> scored, PrintStream out) {
        out.printf(Locale.ROOT, "Score formula %d over %d crates; %d hold unsafe code.%n%n", ScoreFormula.VERSION,
                scored.size(), scored.stream().filter(Scored::holdsUnsafe).count());
        out.println("| | A | B | C | D | E | median | 10th pct | 90th pct |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        row(out, "score, all crates", scored.stream().map(s -> s.score().exact()).toList());
        row(out, "score, crates with unsafe code", scored.stream().filter(Scored::holdsUnsafe)
                .map(s -> s.score().exact()).toList());
        for (RatingKind kind : RatingKind.values()) {
            row(out, kind.title() + " rating (" + kind.weight() + "%)", scored.stream()
                    .flatMap(s -> s.score().rating(kind).stream()).map(Rating::exact).toList());
        }
        out.println();
        out.println("| crate | score | Unsafe | Panics | Documentation | Verification | Hygiene |");
        out.println("|---|---|---|---|---|---|---|");
        for (String name : WELL_KNOWN) {
            scored.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> {
                StringBuilder line = new StringBuilder("| ").append(s.directory()).append(" | ")
                        .append(s.score().score()).append(' ').append(s.score().grade());
                for (RatingKind kind : RatingKind.values()) {
                    line.append(" | ").append(s.score().rating(kind).map(r -> r.score() + " " + r.grade()).orElse("n/a"));
                }
                out.println(line.append(" |"));
            });
        }
        out.println();
        out.println("Lowest and highest scores:");
        List<Scored> sorted = scored.stream().sorted(Comparator.comparingDouble(s -> s.score().exact())).toList();
        for (Scored s : Stream.concat(sorted.stream().limit(5), sorted.stream().skip(Math.max(0, sorted.size() - 5)))
                .toList()) {
            out.printf(Locale.ROOT, "- %s: %d %s%n", s.directory(), s.score().score(), s.score().grade());
        }
    }

    /** Every rating part of one crate, with its points and why. */
    private static void explain(Scored scored, PrintStream out) {
        out.printf(Locale.ROOT, "%n%s: %d %s%n", scored.directory(), scored.score().score(), scored.score().grade());
        for (Rating rating : scored.score().ratings()) {
            out.printf(Locale.ROOT, "  %s %d %s%n", rating.kind().title(), rating.score(), rating.grade());
            for (RatingPart part : rating.parts()) {
                out.printf(Locale.ROOT, "    %-40s %5.1f of %3.0f  %s%n", part.title(), part.points(), part.max(),
                        part.explanation());
            }
        }
    }

    /** A distribution row: the share of each grade, the median and the 10th and 90th percentiles. */
    private static void row(PrintStream out, String label, List<Double> values) {
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            grades.put(grade, 0);
        }
        values.forEach(value -> grades.merge(Grade.of((int) Math.round(value)), 1, Integer::sum));
        List<Double> sorted = values.stream().sorted().toList();
        StringBuilder line = new StringBuilder("| ").append(label).append(" (").append(values.size()).append(')');
        for (Grade grade : Grade.values()) {
            line.append(String.format(Locale.ROOT, " | %d (%.0f%%)", grades.get(grade),
                    values.isEmpty() ? 0.0 : 100.0 * grades.get(grade) / values.size()));
        }
        line.append(String.format(Locale.ROOT, " | %.0f | %.0f | %.0f |", percentile(sorted, 50),
                percentile(sorted, 10), percentile(sorted, 90)));
        out.println(line);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static void writeTsv(List<Scored> scored, Path tsv) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("crate\tscore\tgrade\tholds_unsafe");
        for (RatingKind kind : RatingKind.values()) {
            header.append('\t').append(kind.name().toLowerCase(Locale.ROOT));
        }
        lines.add(header.toString());
        for (Scored s : scored) {
            StringBuilder line = new StringBuilder(s.directory()).append('\t')
                    .append(String.format(Locale.ROOT, "%.2f", s.score().exact())).append('\t').append(s.score().grade())
                    .append('\t').append(s.holdsUnsafe());
            for (RatingKind kind : RatingKind.values()) {
                line.append('\t').append(s.score().rating(kind)
                        .map(r -> String.format(Locale.ROOT, "%.2f", r.exact())).orElse(""));
            }
            lines.add(line.toString());
        }
        Files.write(tsv, lines);
    }
}
