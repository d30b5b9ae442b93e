package dev.rustlens.gitrepo;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** An entity that belongs to one repository (its scans, crates, backfills, benchmarks) and goes with it. */
@MappedSuperclass
public abstract class RepositoryPart extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "repository_id")
    public GitRepository repository;
}
