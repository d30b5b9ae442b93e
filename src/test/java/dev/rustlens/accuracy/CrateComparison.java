package dev.rustlens.accuracy;

import dev.rustlens.analysis.check.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One crate's comparison, check by check: rustlens's active findings of the check in the files the
 * check's clippy run compiled, matched one to one with the lint's hits.
 *
 * @param crate the corpus crate
 * @param tallies per compared check, the counts
 * @param disagreements every finding or hit left unmatched
 * @param outside per check, lint hits whose span lies in an external crate's macro (left out)
 * @param uncompiled per check, rustlens findings in files no unit of the view compiled (left out:
 *     no clippy answer there)
 * @param cfgOff rustlens's unmatched findings under a {@code #[cfg(..)]} that is off in every unit
 *     of the view that read the file (left out, for the same reason, and listed to be checked)
 * @param uncompared hits for checks the catalogue does not have, per check
 */
record CrateComparison(String crate, Map<String, Tally> tallies, List<Disagreement> disagreements,
        Map<String, Integer> outside, Map<String, Integer> uncompiled, List<Disagreement> cfgOff,
        Map<String, Integer> uncompared) {

    /** Whether the build of a run compiles the place of a finding. */
    interface Compiled {
        boolean at(ClippyRun run, Finding finding);
    }

    static CrateComparison compare(String crate, Path copy, Map<View, ClippyRun> runs, List<Finding> findings,
            Set<String> catalogue, Compiled compiledPlace) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<Disagreement> disagreements = new ArrayList<>();
        Map<String, Integer> outside = new LinkedHashMap<>();
        Map<String, Integer> uncompiled = new LinkedHashMap<>();
        Map<String, Integer> uncompared = new LinkedHashMap<>();
        List<Disagreement> cfgOff = new ArrayList<>();
        SourceLines lines = new SourceLines(copy);
        CheckMapping.CHECKS.forEach((check, compared) -> {
            ClippyRun run = runs.get(compared.view());
            List<LintHit> hits = distinct(run.hits().stream().filter(hit -> isOf(hit, check)).toList());
            int outsideHits = (int) run.outside().stream().filter(hit -> isOf(hit, check)).count();
            if (!catalogue.contains(check)) {
                uncompared.put(check, hits.size() + outsideHits);
                return;
            }
            outside.put(check, outsideHits);
            List<Finding> active = findings.stream()
                    .filter(finding -> finding.checkId().equals(check) && finding.active()).toList();
            List<Finding> compiled = active.stream().filter(finding -> run.files().containsKey(finding.path())).toList();
            uncompiled.put(check, active.size() - compiled.size());
            LineMatcher.Matching<LintHit, Finding> matching = LineMatcher.match(
                    hits, hit -> new LineMatcher.Span(hit.file(), hit.line(), hit.endLine()),
                    compiled, finding -> new LineMatcher.Point(finding.path(), finding.line()));
            int falsePositives = 0;
            for (Finding finding : matching.unmatchedFindings()) {
                Disagreement disagreement = new Disagreement(crate, check, "rustlens", finding.path(), finding.line(),
                        finding.message(), lines.line(finding.path(), finding.line()));
                if (compiledPlace.at(run, finding)) {
                    disagreements.add(disagreement);
                    falsePositives++;
                } else {
                    cfgOff.add(disagreement);
                }
            }
            tallies.put(check, new Tally(matching.pairs().size(), falsePositives, matching.unmatchedHits().size()));
            for (LintHit hit : matching.unmatchedHits()) {
                disagreements.add(new Disagreement(crate, check, "clippy", hit.file(), hit.line(),
                        hit.lint() + ": " + hit.message(), lines.line(hit.file(), hit.line())));
            }
        });
        return new CrateComparison(crate, tallies, List.copyOf(disagreements), outside, uncompiled, List.copyOf(cfgOff),
                uncompared);
    }

    private static boolean isOf(LintHit hit, String check) {
        return CheckMapping.checkOf(hit).filter(check::equals).isPresent();
    }

    /**
     * One hit per place: a unit compiled twice (the library and its test harness) and a macro
     * body expanded at several call sites report the same span more than once.
     */
    private static List<LintHit> distinct(List<LintHit> hits) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        return hits.stream().filter(hit -> seen.add(List.of(hit.lint(), hit.message(), hit.file(), hit.line(),
                hit.column(), hit.endLine()))).toList();
    }

    /** The crate's source lines, read once per file. */
    private static final class SourceLines {

        private final Path root;
        private final Map<String, List<String>> files = new HashMap<>();

        SourceLines(Path root) {
            this.root = root;
        }

        String line(String file, int line) {
            List<String> text = files.computeIfAbsent(file, this::read);
            return line >= 1 && line <= text.size() ? text.get(line - 1).strip() : "";
        }

        private List<String> read(String file) {
            try {
                return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
