package dev.rustlens.trend;

import dev.rustlens.database.Columns;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.scoring.Grade;
import dev.rustlens.scoring.RatingKind;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
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

        /** Its ratings in the order of {@link RatingKind}, null where it has none: a table row's cells. */
        public List<Integer> ratingsInOrder() {
            return Arrays.stream(RatingKind.values()).map(ratings::get).toList();
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
            for (Tuple row : session().createNativeQuery("select crate_id, score from crate_snapshot where scan_id in (?1)",
                    Tuple.class).setParameterList(1, previousScans).getResultList()) {
                Integer score = row.get("score", Integer.class);
                if (score != null) {
                    previousScores.put(Columns.longOf(row, "crate_id"), score);
                }
            }
        }
        String nameContains = filter.nameContains() == null ? null : filter.nameContains().toLowerCase(Locale.ROOT);
        // The columns the table shows, not the snapshots: as entities, their ratings (with every
        // part's evidence), fixes, metrics and evidence were read from JSON and copied for dirty
        // checking, most of the page's time. Each rating's score is picked out of the JSON in SQL.
        StringBuilder ratingColumns = new StringBuilder();
        for (RatingKind kind : RatingKind.values()) {
            ratingColumns.append(", (select (x ->> 'score')::int from jsonb_array_elements(s.ratings) x where x ->> 'kind' = '")
                    .append(kind.name()).append("') as rating_").append(kind.name().toLowerCase(Locale.ROOT));
        }
        List<PortfolioCrate> crates = new ArrayList<>();
        for (Tuple row : session().createNativeQuery("""
                select c.id as crate_id, c.name, s.version, r.id as repository_id, r.name as repository, s.scan_id,
                       s.grade, s.score, s.unsafe_blocks, s.unsafe_functions, s.unsafe_methods, s.unsafe_impls,
                       s.unsafe_traits, s.extern_blocks, s.code_lines%s
                from crate_snapshot s join crate c on c.id = s.crate_id join repository r on r.id = c.repository_id
                where s.scan_id in (?1)""".formatted(ratingColumns), Tuple.class)
                .setParameterList(1, List.copyOf(currentScans.keySet())).getResultList()) {
            String name = row.get("name", String.class);
            String grade = row.get("grade", String.class);
            if (nameContains != null && !name.toLowerCase(Locale.ROOT).contains(nameContains)
                    || filter.gradeAtOrBelow() != null
                    && (grade == null || Grade.valueOf(grade).compareTo(filter.gradeAtOrBelow()) < 0)) {
                continue;
            }
            long crateId = Columns.longOf(row, "crate_id");
            Integer score = row.get("score", Integer.class);
            Integer previous = previousScores.get(crateId);
            Map<RatingKind, Integer> ratings = new EnumMap<>(RatingKind.class);
            for (RatingKind kind : RatingKind.values()) {
                Integer rating = row.get("rating_" + kind.name().toLowerCase(Locale.ROOT), Integer.class);
                if (rating != null) {
                    ratings.put(kind, rating);
                }
            }
            crates.add(new PortfolioCrate(crateId, name, row.get("version", String.class),
                    Columns.longOf(row, "repository_id"), row.get("repository", String.class),
                    Columns.longOf(row, "scan_id"), grade, score,
                    score == null || previous == null ? null : score - previous, ratings,
                    row.get("unsafe_blocks", Integer.class), row.get("unsafe_functions", Integer.class),
                    row.get("unsafe_methods", Integer.class), row.get("unsafe_impls", Integer.class),
                    row.get("unsafe_traits", Integer.class), row.get("extern_blocks", Integer.class),
                    row.get("code_lines", Integer.class)));
        }
        crates.sort(Comparator.comparing(PortfolioCrate::score, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PortfolioCrate::repository).thenComparing(PortfolioCrate::name));
        return crates;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
