package dev.rustlens.trend;

import dev.rustlens.database.Columns;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.Rating;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;

/**
 * Every crate of every repository, as its repository's current scan (the newest succeeded scan of
 * the default branch, as on the overview) rated it, riskiest first, with the change of its score
 * since the scan before.
 */
@ApplicationScoped
public class Portfolio {

    private final EntityManager entityManager;

    public Portfolio(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A crate in the server-wide table: where it is, its grade and score with the change since its
     * repository's previous scan (null without one), its five ratings and its unsafe counts.
     */
    public record PortfolioCrate(long crateId, String name, String version, long repositoryId, String repository,
            long scanId, String grade, Integer score, Integer scoreChange, Map<RatingKind, Integer> ratings,
            int unsafeBlocks, int unsafeFunctions, int unsafeMethods, int unsafeImpls, int unsafeTraits,
            int externBlocks, int codeLines) {

        /** Unsafe functions and methods. */
        public int unsafeFns() {
            return unsafeFunctions + unsafeMethods;
        }

        /** Unsafe impls and unsafe traits. */
        public int unsafeImplsAndTraits() {
            return unsafeImpls + unsafeTraits;
        }
    }

    /** What to list: a repository, grades at or below a grade (D: D and E), a part of the name; null means any. */
    public record Filter(Long repositoryId, Grade gradeAtOrBelow, String nameContains) {

        /** The filter a query string gives; a 400 naming the parameter and what it accepts otherwise. */
        public static Filter parse(String repository, String grade, String name) {
            Long repositoryId = null;
            if (repository != null && !repository.isBlank()) {
                try {
                    repositoryId = Long.valueOf(repository.strip());
                } catch (NumberFormatException e) {
                    throw new BadRequest("repository must be a repository id, not " + Echo.quoted(repository), e);
                }
            }
            Grade atOrBelow = Choices.parse("grade", grade == null ? null : grade.strip(), Grade.class);
            return new Filter(repositoryId, atOrBelow, name == null || name.isBlank() ? null : name.strip());
        }
    }

    /** The crates the filter keeps, the lowest score first (unscored last), then by repository and name. */
    @Transactional
    public List<PortfolioCrate> crates(Filter filter) {
        Map<Long, Long> currentScans = new HashMap<>();
        for (Tuple row : session().createNativeQuery("select r.id as repository_id, ("
                + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " limit 1) as current_id, ("
                + RepositoryReports.DEFAULT_BRANCH_SCANS_NEWEST_FIRST + " offset 1 limit 1) as previous_id"
                + " from repository r", Tuple.class).getResultList()) {
            Long current = Columns.nullableLongOf(row, "current_id");
            if (current != null && (filter.repositoryId() == null
                    || filter.repositoryId().equals(Columns.longOf(row, "repository_id")))) {
                currentScans.put(current, Columns.nullableLongOf(row, "previous_id"));
            }
        }
        if (currentScans.isEmpty()) {
            return List.of();
        }
        List<Long> previousScans = currentScans.values().stream().filter(Objects::nonNull).toList();
        Map<Long, Integer> previousScores = new HashMap<>();
        if (!previousScans.isEmpty()) {
            CrateSnapshot.<CrateSnapshot>list("scan.id in ?1", previousScans)
                    .forEach(snapshot -> previousScores.put(snapshot.crate.id, snapshot.score));
        }
        String nameContains = filter.nameContains() == null ? null : filter.nameContains().toLowerCase(Locale.ROOT);
        // Each snapshot's crate and repository in the same query: loaded one at a time, they were a
        // query per crate and per repository.
        return CrateSnapshot.<CrateSnapshot>list("from CrateSnapshot s join fetch s.crate c join fetch c.repository"
                + " where s.scan.id in ?1", List.copyOf(currentScans.keySet())).stream()
                .filter(snapshot -> nameContains == null
                        || snapshot.crate.name.toLowerCase(Locale.ROOT).contains(nameContains))
                .filter(snapshot -> filter.gradeAtOrBelow() == null || snapshot.grade != null
                        && Grade.valueOf(snapshot.grade).compareTo(filter.gradeAtOrBelow()) >= 0)
                .map(snapshot -> of(snapshot, previousScores.get(snapshot.crate.id)))
                .sorted(Comparator.comparing(PortfolioCrate::score, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PortfolioCrate::repository).thenComparing(PortfolioCrate::name))
                .toList();
    }

    private static PortfolioCrate of(CrateSnapshot snapshot, Integer previousScore) {
        Map<RatingKind, Integer> ratings = new EnumMap<>(RatingKind.class);
        if (snapshot.ratings != null) {
            for (Rating rating : snapshot.ratings) {
                ratings.put(rating.kind(), rating.score());
            }
        }
        Integer change = snapshot.score == null || previousScore == null ? null : snapshot.score - previousScore;
        return new PortfolioCrate(snapshot.crate.id, snapshot.crate.name, snapshot.version,
                snapshot.crate.repository.id, snapshot.crate.repository.name, snapshot.scan.id, snapshot.grade,
                snapshot.score, change, ratings, snapshot.unsafeBlocks, snapshot.unsafeFunctions,
                snapshot.unsafeMethods, snapshot.unsafeImpls, snapshot.unsafeTraits, snapshot.externBlocks,
                snapshot.codeLines);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
