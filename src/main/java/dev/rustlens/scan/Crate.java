package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryPart;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** A crate's stable identity across scans: its repository and package name. */
@Entity
@Table(name = "crate")
public class Crate extends RepositoryPart {

    public String name;

    public static Optional<Crate> findByName(GitRepository repository, String name) {
        return find("repository = ?1 and name = ?2", repository, name).firstResultOptional();
    }
}
