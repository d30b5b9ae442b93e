package dev.rustlens.trend;

import dev.rustlens.finding.CsvCells;
import dev.rustlens.http.Downloads;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.trend.Scores.CrateMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The crates of a scan with their scores and metrics, as JSON and as CSV. */
@Path("/api/v1/scans")
@Tag(name = "Scores and trends")
public class ScanCratesResource {

    private final Scores scores;

    public ScanCratesResource(Scores scores) {
        this.scores = scores;
    }

    @GET
    @Path("/{id}/crates")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The crates of a scan with their scores, unsafe counts and metrics")
    public List<CrateMetrics> crates(@PathParam("id") long id) {
        return scores.scanCrates(id).orElseThrow(() -> new NotFoundException("no scan " + id));
    }

    @GET
    @Path("/{id}/crates.csv")
    @Produces(TrendCsv.MEDIA_TYPE)
    @Operation(summary = "The same as CSV: one record per crate, every metric a column")
    public Response cratesCsv(@PathParam("id") long id) {
        List<CrateMetrics> crates = crates(id);
        // Every metric any crate has, in name order, so the columns do not depend on the crates' order.
        TreeSet<String> metricNames = new TreeSet<>();
        crates.forEach(crate -> metricNames.addAll(crate.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("crate_id", "name", "version", "path", "edition", "score", "grade"));
        for (RatingKind kind : RatingKind.values()) {
            header.add(kind.name().toLowerCase(Locale.ROOT) + "_rating");
        }
        header.addAll(List.of("files", "code_lines", "unsafe_blocks", "unsafe_functions", "unsafe_methods",
                "unsafe_impls", "unsafe_traits", "extern_blocks", "unsafe_in_macros", "findings"));
        // A metric already a column of its own (files, code_lines, ..) is not repeated: column names stay unique.
        metricNames.removeAll(header);
        header.addAll(metricNames);
        StringBuilder csv = new StringBuilder(CsvCells.row(header.toArray(String[]::new)));
        for (CrateMetrics crate : crates) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(crate.crateId()), crate.name(),
                    nullToEmpty(crate.version()), crate.path(), nullToEmpty(crate.edition()),
                    crate.score() == null ? "" : crate.score().toString(), nullToEmpty(crate.grade())));
            for (RatingKind kind : RatingKind.values()) {
                Integer rating = crate.ratings().get(kind);
                cells.add(rating == null ? "" : rating.toString());
            }
            for (int value : new int[] {crate.files(), crate.codeLines(), crate.unsafeBlocks(), crate.unsafeFunctions(),
                    crate.unsafeMethods(), crate.unsafeImpls(), crate.unsafeTraits(), crate.externBlocks(),
                    crate.unsafeInMacros(), crate.findings()}) {
                cells.add(Integer.toString(value));
            }
            metricNames.forEach(name -> cells.add(crate.metrics().containsKey(name) ? crate.metrics().get(name).toString() : ""));
            csv.append(CsvCells.row(cells.toArray(String[]::new)));
        }
        return Downloads.attachment(Response.ok(csv.toString()), "scan-" + id + "-crates.csv");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
