package dev.rustlens.trend;

import dev.rustlens.scan.ScoreUpgrade;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.scoring.ScoreFormula;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The score formula in force: its version, weights and grade boundaries, and how far stored scores are rescored. */
@Path("/api/v1/scoring")
@Tag(name = "Scores and trends")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringResource {

    private final ScoreUpgrade upgrade;

    public ScoringResource(ScoreUpgrade upgrade) {
        this.upgrade = upgrade;
    }

    /** A rating and its weight in the score. */
    public record Weight(RatingKind rating, String title, int weight) {
    }

    /** A grade and its lowest score. */
    public record Boundary(Grade grade, int minimum) {
    }

    /** The formula and the rescoring of stored snapshots. */
    public record Scoring(int formulaVersion, String measures, List<Weight> weights, List<Boundary> grades,
            ScoreUpgrade.Progress rescoring) {
    }

    @GET
    @Operation(summary = "The score formula's version, weights and grade boundaries, and the background rescoring's progress")
    public Scoring scoring() {
        return new Scoring(ScoreFormula.VERSION, Scores.MEASURES, Arrays.stream(RatingKind.values())
                .map(kind -> new Weight(kind, kind.title(), kind.weight())).toList(),
                Arrays.stream(Grade.values()).map(grade -> new Boundary(grade, grade.minimum())).toList(),
                upgrade.progress());
    }
}
