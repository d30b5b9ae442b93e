package dev.rustlens.scan;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryPart;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.Map;

/** A crate's stable identity across scans: its repository and package name. */
@Entity
@Table(name = "crate")
public class Crate extends RepositoryPart {

    public String name;

    /** A repository's crates by name, read at once rather than one query a crate. */
    public static Map<String, Crate> byName(GitRepository repository) {
        Map<String, Crate> crates = new HashMap<>();
        Crate.<Crate>list("repository", repository).forEach(crate -> crates.put(crate.name, crate));
        return crates;
    }
}
