package dev.rustlens.trend;

import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.Crate;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import dev.rustlens.scoring.FixRanking;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.Rating;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.scoring.ScoreFormula;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Safety scores with their explanation: a repository's latest score with its crates', riskiest
 * first, and a crate's score with its ratings, the findings behind each part by check, its ranked fixes
 * and its verification evidence.
 */
@ApplicationScoped
public class Scores {

    /** What every score measures, said wherever a score is shown. */
    public static final String MEASURES = "conformance to the rustlens review standard (docs/scoring.md), not a verdict"
            + " on whether the code is sound";

    /** Crates with unsafe code first, the lowest Unsafe rating first among them, then the lowest score. */
    private static final Comparator<CrateSnapshot> RISKIEST_FIRST = Comparator
            .comparing((CrateSnapshot snapshot) -> !ScoreFormula.holdsUnsafe(snapshot.metrics))
            .thenComparing(Scores::unsafeRating, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(snapshot -> snapshot.score, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(snapshot -> snapshot.crate.name);

    /**
     * A crate's score in a repository's score.
     *
     * @param unsafeRating its Unsafe rating, null when not rated yet
     * @param holdsUnsafe whether its own code holds unsafe code
     */
    public record CrateScore(long crateId, String name, Integer score, String grade, Integer unsafeRating,
            boolean holdsUnsafe, long libraryCodeLines) {
    }

    /**
     * A repository's score at its newest succeeded scan of the default branch, its riskiest crates
     * first (lowest Unsafe rating, then lowest score).
     *
     * @param heldBecause why the score is below its crates' mean, or null
     * @param measures what the score measures
     */
    public record RepositoryScore(long repositoryId, long scanId, String commit, OffsetDateTime committedAt,
            Integer score, String grade, String heldBecause, int formulaVersion, String measures,
            List<CrateScore> crates) {
    }

    /**
     * The findings of one check that cost a rating part points.
     *
     * @param findings how many of the crate's findings of the check count
     * @param findingsUrl the API list of exactly those findings
     */
    public record PartFindings(String checkId, long findings, String findingsUrl) {
    }

    /** A part of a rating with the findings that cost it points, by check. */
    public record ExplainedPart(String id, String title, double points, double max, String explanation,
            List<PartFindings> findings) {
    }

    /** A sub-rating with its weight in the score and its parts explained. */
    public record ExplainedRating(RatingKind kind, String title, int weight, int score, Grade grade,
            List<ExplainedPart> parts) {
    }

    /**
     * A crate at its newest succeeded scan of the default branch, with its score explained: its
     * ratings, the fixes that recover the most points per finding, and its verification evidence.
     */
    public record CrateDetail(long crateId, String name, long repositoryId, long scanId, String commit,
            OffsetDateTime committedAt, String path, String version, Integer score, String grade,
            Integer formulaVersion, String measures, List<ExplainedRating> ratings, List<FixRanking.Fix> fixes,
            List<VerificationEvidence> evidence, Map<String, Long> metrics) {
    }

    /**
     * One crate of a scan: where it is, its score and ratings, its unsafe counts and every metric.
     *
     * @param ratings each rating that applies to the crate, 0 to 100, by kind (empty until rated)
     */
    public record CrateMetrics(long crateId, String name, String version, String path, String edition, Integer score,
            String grade, Map<RatingKind, Integer> ratings, int files, int codeLines, int unsafeBlocks,
            int unsafeFunctions, int unsafeMethods, int unsafeImpls, int unsafeTraits, int externBlocks,
            int unsafeInMacros, int findings, Map<String, Long> metrics) {

        private static CrateMetrics of(CrateSnapshot snapshot) {
            Map<RatingKind, Integer> ratings = new EnumMap<>(RatingKind.class);
            if (snapshot.ratings != null) {
                snapshot.ratings.forEach(rating -> ratings.put(rating.kind(), rating.score()));
            }
            return new CrateMetrics(snapshot.crate.id, snapshot.crate.name, snapshot.version, snapshot.path,
                    snapshot.edition, snapshot.score, snapshot.grade, ratings, snapshot.files, snapshot.codeLines,
                    snapshot.unsafeBlocks, snapshot.unsafeFunctions, snapshot.unsafeMethods, snapshot.unsafeImpls,
                    snapshot.unsafeTraits, snapshot.externBlocks, snapshot.unsafeInMacros, snapshot.findings,
                    snapshot.metrics);
        }
    }

    @Transactional
    public RepositoryScore repository(long id) {
        GitRepository repository = GitRepository.<GitRepository>findByIdOptional(id).orElseThrow(NotFoundException::new);
        Scan scan = Scan.findNewestSucceeded(repository, repository.defaultBranch).orElseThrow(() -> new NotFoundException(
                "repository " + id + " has no succeeded scan of branch " + repository.defaultBranch + " yet"));
        List<CrateScore> crates = riskiestFirst(CrateSnapshot.listForScan(scan)).stream().map(s -> new CrateScore(
                s.crate.id, s.crate.name, s.score, s.grade, unsafeRating(s), ScoreFormula.holdsUnsafe(s.metrics),
                s.metrics.getOrDefault("library_code_lines", 0L))).toList();
        return new RepositoryScore(repository.id, scan.id, scan.commitSha, scan.committedAt, scan.score, scan.grade,
                scan.scoreHeldBecause, ScoreFormula.VERSION, MEASURES, crates);
    }

    @Transactional
    public CrateDetail crate(long id) {
        Crate crate = Crate.<Crate>findByIdOptional(id).orElseThrow(NotFoundException::new);
        CrateSnapshot snapshot = Scan.findNewestSucceeded(crate.repository, crate.repository.defaultBranch)
                .flatMap(scan -> CrateSnapshot.listForScan(scan).stream().filter(s -> s.crate.id.equals(crate.id)).findFirst())
                .orElseThrow(() -> new NotFoundException("crate " + crate.name + " is not in the newest scan of "
                        + crate.repository.name));
        String findingsUrl = "/api/v1/scans/" + snapshot.scan.id + "/findings?crate="
                + URLEncoder.encode(crate.name, StandardCharsets.UTF_8) + "&counted=true&check=";
        List<ExplainedRating> ratings = new ArrayList<>();
        for (Rating rating : snapshot.ratings == null ? List.<Rating>of() : snapshot.ratings) {
            ratings.add(new ExplainedRating(rating.kind(), rating.kind().title(), rating.kind().weight(),
                    rating.score(), rating.grade(), rating.parts().stream().map(part -> new ExplainedPart(part.id(),
                            part.title(), part.points(), part.max(), part.explanation(),
                            part.findingsByCheck().entrySet().stream().map(check -> new PartFindings(check.getKey(),
                                    check.getValue(), findingsUrl + check.getKey())).toList())).toList()));
        }
        Scan scan = snapshot.scan;
        return new CrateDetail(crate.id, crate.name, crate.repository.id, scan.id, scan.commitSha, scan.committedAt,
                snapshot.path, snapshot.version, snapshot.score, snapshot.grade, snapshot.scoreFormula, MEASURES,
                ratings, snapshot.fixes == null ? List.of() : snapshot.fixes,
                snapshot.evidence == null ? List.of() : snapshot.evidence, snapshot.metrics);
    }

    /** The crates of scan {@code scanId} with their scores and metrics, empty if there is no such scan. */
    @Transactional
    public Optional<List<CrateMetrics>> scanCrates(long scanId) {
        return Scan.<Scan>findByIdOptional(scanId)
                .map(scan -> CrateSnapshot.listForScan(scan).stream().map(CrateMetrics::of).toList());
    }

    /** A scan's crates, riskiest first: those with unsafe code and the lowest Unsafe rating lead. */
    public static List<CrateSnapshot> riskiestFirst(List<CrateSnapshot> snapshots) {
        return snapshots.stream().sorted(RISKIEST_FIRST).toList();
    }

    /** A snapshot's Unsafe rating, null until it is rated. */
    public static Integer unsafeRating(CrateSnapshot snapshot) {
        return snapshot.ratings == null ? null : snapshot.ratings.stream()
                .filter(rating -> rating.kind() == RatingKind.UNSAFE).map(Rating::score).findFirst().orElse(null);
    }
}
