package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** A crate's stable identity across scans: its repository and package name. */
@Entity
@Table(name = "crate")
public class Crate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "repository_id")
    public GitRepository repository;

    public String name;

    public static Optional<Crate> findByName(GitRepository repository, String name) {
        return find("repository = ?1 and name = ?2", repository, name).firstResultOptional();
    }
}
