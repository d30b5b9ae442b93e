package dev.rustlens.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One crate's geiger figures per file: rustlens's against the oracle's, on the files both read.
 *
 * @param crate the corpus crate
 * @param files files compared
 * @param rustlens per figure, rustlens's total over those files
 * @param oracle per figure, the oracle's total
 * @param differences every file and figure where the two differ
 * @param unparsed files {@code syn} could not parse (left out)
 */
record GeigerComparison(String crate, int files, List<Long> rustlens, List<Long> oracle, List<Difference> differences,
        List<String> unparsed) {

    /** One figure of one file on which the two differ. */
    record Difference(String crate, String file, String figure, long rustlens, long oracle) {
    }

    static GeigerComparison compare(String crate, Map<String, GeigerCounts> ours, Map<String, GeigerCounts> oracle,
            List<String> unparsed) {
        int figures = GeigerCounts.METRICS.size();
        long[] ourTotals = new long[figures];
        long[] oracleTotals = new long[figures];
        List<Difference> differences = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, GeigerCounts> file : oracle.entrySet()) {
            GeigerCounts mine = ours.get(file.getKey());
            if (mine == null) {
                continue;
            }
            files++;
            for (int i = 0; i < figures; i++) {
                long a = mine.values().get(i);
                long b = file.getValue().values().get(i);
                ourTotals[i] += a;
                oracleTotals[i] += b;
                if (a != b) {
                    differences.add(new Difference(crate, file.getKey(), GeigerCounts.METRICS.get(i).key(), a, b));
                }
            }
        }
        return new GeigerComparison(crate, files, Arrays.stream(ourTotals).boxed().toList(),
                Arrays.stream(oracleTotals).boxed().toList(), List.copyOf(differences), List.copyOf(unparsed));
    }

    /** Files with at least one differing figure. */
    long differingFiles() {
        return differences.stream().map(Difference::file).distinct().count();
    }
}
