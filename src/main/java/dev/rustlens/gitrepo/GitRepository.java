package dev.rustlens.gitrepo;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Rust repository registered for review. */
@Entity
@Table(name = "repository")
public class GitRepository extends IdentityEntity {

    public String name;

    /** Where the repository comes from: a git URL, or archives uploaded over REST. */
    public enum Kind {
        git, archive
    }

    @Enumerated(EnumType.STRING)
    public Kind kind = Kind.git;

    /** The git URL; null for an archive repository. */
    public String url;

    /** Username and token for a private git repository, encrypted by {@link CredentialCipher}; null when public. */
    public byte[] credentials;

    @Column(name = "default_branch")
    public String defaultBranch;

    /** A Quartz cron expression saying when to scan the default branch; null when unscheduled. */
    public String schedule;

    /** When the schedule was set: fires before it were never due, so none is caught up at start-up. */
    @Column(name = "schedule_since")
    public OffsetDateTime scheduleSince;

    /** When the schedule was paused: a paused schedule keeps its cron but does not fire; null when running. */
    @Column(name = "schedule_paused_at")
    public OffsetDateTime schedulePausedAt;

    /** Modules (e.g. {@code raw::ffi}) where unsafe code is expected in every crate of the repository. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "core_modules")
    public List<String> coreModules = List.of();

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<GitRepository> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** The repositories whose schedule runs: set and not paused. */
    public static List<GitRepository> listScheduled() {
        return list("schedule is not null and schedulePausedAt is null order by id");
    }

    public static List<GitRepository> listByName() {
        return list("order by name");
    }

    /** A repository's id and name, what a filter's choice of repositories shows. */
    public record Named(long id, String name) {
    }

    /** Every repository's id and name, by name: a filter's choices, without loading the repositories. */
    public static List<Named> namesByName() {
        return getEntityManager().createQuery("select r.id, r.name from GitRepository r order by r.name", Object[].class)
                .getResultStream().map(row -> new Named((Long) row[0], (String) row[1])).toList();
    }

    /** One page of repositories by name and how many match in all. */
    public record Listing(List<GitRepository> repositories, long total) {
    }

    /**
     * Up to {@code limit} repositories by name after the name {@code afterName} (from the first when
     * null), whose name contains {@code nameContains} (any case) and of {@code kind}, when given;
     * keyset paging on the unique name.
     */
    public static Listing listPage(String nameContains, Kind kind, String afterName, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (nameContains != null && !nameContains.isBlank()) {
            query.append(" and lower(name) like :name escape '\\'");
            parameters.put("name", "%" + nameContains.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.put("kind", kind);
        }
        long total = count(query.toString(), parameters);
        if (afterName != null) {
            query.append(" and name > :after");
            parameters.put("after", afterName);
        }
        List<GitRepository> repositories = find(query + " order by name", parameters).page(0, limit).list();
        return new Listing(repositories, total);
    }
}
