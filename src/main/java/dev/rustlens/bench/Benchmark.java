package dev.rustlens.bench;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryPart;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A named benchmark of a repository, optionally of one of its crates. */
@Entity
@Table(name = "benchmark")
public class Benchmark extends RepositoryPart {

    public String name;

    @Column(name = "crate_name")
    public String crateName;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    static Optional<Benchmark> findByName(GitRepository repository, String name) {
        return find("repository = ?1 and name = ?2", repository, name).firstResultOptional();
    }

    static List<Benchmark> listOf(GitRepository repository) {
        return list("repository = ?1 order by name", repository);
    }
}
