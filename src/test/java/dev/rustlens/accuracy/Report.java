package dev.rustlens.accuracy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison's results: the Markdown tables (per check, per crate) that docs/accuracy.md
 * shows, every disagreement as JSON ({@code disagreements.json}) and a readable summary
 * ({@code summary.md}) that lists them by check and file.
 */
final class Report {

    private final List<CrateComparison> crates;
    private final List<GeigerComparison> geiger;
    private final Map<String, List<String>> edits;

    /** The comparisons of the checks and of the geiger figures, and per crate the edits made to its copy. */
    Report(List<CrateComparison> crates, List<GeigerComparison> geiger, Map<String, List<String>> edits) {
        this.crates = List.copyOf(crates);
        this.geiger = List.copyOf(geiger);
        this.edits = edits;
    }

    /** Per compared check, the counts summed over the crates. */
    Map<String, Tally> totals() {
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (String check : CheckMapping.CHECKS.keySet()) {
            for (CrateComparison crate : crates) {
                Tally tally = crate.tallies().get(check);
                if (tally != null) {
                    totals.merge(check, tally, Tally::plus);
                }
            }
        }
        return totals;
    }

    /** The per-check table, with an overall row. */
    String checkTable() {
        StringBuilder table = new StringBuilder("| check | clippy / rustc lint | run | TP | FP | FN | precision | recall |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|\n");
        Tally all = Tally.ZERO;
        for (Map.Entry<String, Tally> total : totals().entrySet()) {
            CheckMapping.Compared compared = CheckMapping.CHECKS.get(total.getKey());
            table.append(row("`" + total.getKey() + "`", compared.lints(),
                    compared.view() == View.LIBRARY ? "`--lib`" : "all targets", total.getValue()));
            all = all.plus(total.getValue());
        }
        return table.append(row("**overall**", "", "", all)).toString();
    }

    /** The per-crate table, all compared checks pooled. */
    String crateTable() {
        StringBuilder table = new StringBuilder("| crate | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        for (CrateComparison crate : crates) {
            Tally pooled = crate.tallies().values().stream().reduce(Tally.ZERO, Tally::plus);
            table.append(row(crate.crate(), null, null, pooled));
        }
        return table.toString();
    }

    private static String row(String first, String lints, String run, Tally tally) {
        StringBuilder row = new StringBuilder("| ").append(first).append(" | ");
        if (lints != null) {
            row.append(lints).append(" | ").append(run).append(" | ");
        }
        return row.append(tally.truePositives()).append(" | ").append(tally.falsePositives()).append(" | ")
                .append(tally.falseNegatives()).append(" | ").append(Tally.format(tally.precision())).append(" | ")
                .append(Tally.format(tally.recall())).append(" |\n").toString();
    }

    /** Writes {@code disagreements.json} and {@code summary.md} into {@code directory}. */
    void write(Path directory, String header) throws IOException {
        Files.createDirectories(directory);
        List<Disagreement> all = crates.stream().flatMap(crate -> crate.disagreements().stream()).toList();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("disagreements.json").toFile(), Map.of("crates", crates, "geiger", geiger, "edits", edits));
        StringBuilder summary = new StringBuilder("# rustlens against clippy and rustc\n\n").append(header).append("\n\n")
                .append(checkTable()).append('\n').append(crateTable()).append('\n').append(leftOut());
        summary.append("\n## Edits to the copies\n\n");
        edits.forEach((crate, list) -> list.forEach(edit -> summary.append("- ").append(crate).append(": ").append(edit).append('\n')));
        for (String check : CheckMapping.CHECKS.keySet()) {
            Map<String, List<Disagreement>> byFile = new TreeMap<>();
            all.stream().filter(d -> d.check().equals(check))
                    .forEach(d -> byFile.computeIfAbsent(d.crate() + "/" + d.file(), file -> new ArrayList<>()).add(d));
            if (byFile.isEmpty()) {
                continue;
            }
            summary.append("\n## ").append(check).append("\n");
            byFile.forEach((file, list) -> {
                summary.append("\n### ").append(file).append("\n\n");
                list.stream().sorted(Comparator.comparingInt(Disagreement::line)).forEach(d -> summary
                        .append("- ").append(d.line()).append(" — ").append(d.side()).append(" only: ").append(d.message())
                        .append("  \n  `").append(d.source().replace("`", "'")).append("`\n"));
            });
        }
        summary.append("\n## rustlens findings under a cfg that is off (left out)\n\n");
        crates.stream().flatMap(crate -> crate.cfgOff().stream()).forEach(d -> summary.append("- ").append(d.check())
                .append(' ').append(d.crate()).append('/').append(d.file()).append(':').append(d.line()).append(" `")
                .append(d.source().replace("`", "'")).append("`\n"));
        summary.append("\n## Geiger figures per file\n\n").append(geigerTable()).append('\n');
        geiger.stream().flatMap(crate -> crate.differences().stream()).forEach(d -> summary.append("- ").append(d.crate())
                .append('/').append(d.file()).append(": ").append(d.figure()).append(" rustlens ").append(d.rustlens())
                .append(", oracle ").append(d.oracle()).append('\n'));
        geiger.forEach(crate -> crate.unparsed().forEach(file -> summary.append("- ").append(crate.crate()).append('/')
                .append(file).append(": syn could not parse it (left out)\n")));
        Files.writeString(directory.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    }

    /** rustlens's geiger figures against the oracle's, summed over the files both read, and the files that differ. */
    String geigerTable() {
        StringBuilder table = new StringBuilder("| figure | rustlens | cargo-geiger rules | files that differ |\n|---|---:|---:|---:|\n");
        for (int i = 0; i < GeigerCounts.METRICS.size(); i++) {
            int figure = i;
            long ours = geiger.stream().mapToLong(crate -> crate.rustlens().get(figure)).sum();
            long theirs = geiger.stream().mapToLong(crate -> crate.oracle().get(figure)).sum();
            String key = GeigerCounts.METRICS.get(i).key();
            long files = geiger.stream().flatMap(crate -> crate.differences().stream()).filter(d -> d.figure().equals(key)).count();
            table.append("| `").append(key).append("` | ").append(ours).append(" | ").append(theirs).append(" | ").append(files)
                    .append(" |\n");
        }
        int files = geiger.stream().mapToInt(GeigerComparison::files).sum();
        long differing = geiger.stream().mapToLong(GeigerComparison::differingFiles).sum();
        long unparsed = geiger.stream().mapToLong(crate -> crate.unparsed().size()).sum();
        return table.append("\n").append(files).append(" files compared, ").append(files - differing)
                .append(" agree on every figure; left out because `syn` could not parse them: ").append(unparsed).append(".\n")
                .toString();
    }

    /** What was left out of the counts, per check over all crates. */
    String leftOut() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (CrateComparison crate : crates) {
            crate.outside().forEach((check, n) -> counts.computeIfAbsent(check, c -> new int[4])[0] += n);
            crate.uncompiled().forEach((check, n) -> counts.computeIfAbsent(check, c -> new int[4])[1] += n);
            crate.cfgOff().forEach(d -> counts.computeIfAbsent(d.check(), c -> new int[4])[2]++);
            crate.uncompared().forEach((check, n) -> counts.computeIfAbsent(check, c -> new int[4])[3] += n);
        }
        StringBuilder text = new StringBuilder("| check | lint hits in external macros | rustlens findings in files not compiled "
                + "| rustlens findings under a cfg that is off | lint hits of a check rustlens lacks |\n"
                + "|---|---:|---:|---:|---:|\n");
        counts.forEach((check, n) -> text.append("| `").append(check).append("` | ").append(n[0]).append(" | ").append(n[1])
                .append(" | ").append(n[2]).append(" | ").append(n[3]).append(" |\n"));
        return text.toString();
    }
}
