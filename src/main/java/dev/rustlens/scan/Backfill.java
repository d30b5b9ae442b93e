package dev.rustlens.scan;

import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.RepositoryPart;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A request to scan past commits of a branch, queued until a worker has fetched the branch and queued their scans. */
@Entity
@Table(name = "backfill")
public class Backfill extends RepositoryPart {

    /** Where a backfill is in its life. */
    public enum Status {
        queued, running, done, failed
    }

    public String branch;

    /** The newest this many commits; null when {@link #every} is set. */
    @Column(name = "last_commits")
    public Integer lastCommits;

    /** {@code week} or {@code month}, with {@link #since}; null when {@link #lastCommits} is set. */
    public String every;

    public LocalDate since;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String error;

    @Column(name = "scans_queued")
    public Integer scansQueued;

    @Column(name = "requested_at", insertable = false, updatable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public String worker;

    /** The commits to pick, as the request gave them. */
    public BackfillCommits.Selection selection() {
        return lastCommits != null ? new BackfillCommits.Last(lastCommits)
                : new BackfillCommits.Every(BackfillCommits.Period.valueOf(every), since);
    }
}
